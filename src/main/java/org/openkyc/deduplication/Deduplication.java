package org.openkyc.deduplication;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openkyc.applicants.ApplicantEvents;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.core.crypto.KeyedHash;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.documents.DocumentCheck;
import org.openkyc.documents.DocumentChecks;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Entitlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds applicants of a company (in one mode) who are the same person by a shared crypto address, national ID number
 * or passport number, and keeps one: the APPROVED applicant is the original and the others are BLOCKED; among several
 * APPROVED, the earliest profile stays and the later ones are BLOCKED, even those approved or declined before. While
 * none of them is approved, nothing is decided. It runs when a verification finishes or is decided, and as a sweep
 * every 12 hours, for companies on an enterprise plan; identifiers are recorded for every company, so a company that
 * moves to an enterprise plan is swept whole.
 */
@Service
public class Deduplication {

    private static final Logger log = LoggerFactory.getLogger(Deduplication.class);
    private static final Set<ApplicantStatus> FINISHED = EnumSet.of(
            ApplicantStatus.COMPLETED, ApplicantStatus.ON_HOLD, ApplicantStatus.APPROVED, ApplicantStatus.DECLINED);

    private final JdbcClient jdbc;
    private final ApplicantManagement applicants;
    private final DocumentChecks documents;
    private final CompanyManagement companies;
    private final KeyedHash hash;
    private final Clock clock;

    Deduplication(
            JdbcClient jdbc,
            ApplicantManagement applicants,
            DocumentChecks documents,
            CompanyManagement companies,
            SecretBox secrets,
            Clock clock) {
        this.jdbc = jdbc;
        this.applicants = applicants;
        this.documents = documents;
        this.companies = companies;
        this.hash = secrets.keyedHash("deduplication");
        this.clock = clock;
    }

    /** An applicant sharing an identifier with another. */
    public record Link(UUID applicantId, List<String> kinds) {}

    // Before the KYC bots, which may move the applicant on.
    @EventListener
    @Order(0)
    void statusChanged(ApplicantEvents.ApplicantStatusChanged event) {
        if (FINISHED.contains(event.subject().status())) {
            check(
                    event.subject().companyId(),
                    event.subject().mode(),
                    event.subject().applicantId());
        }
    }

    /** An erased applicant's identifier digests go too: they could tie a returning person to the erased one. */
    @EventListener
    void erased(ApplicantEvents.ApplicantErased event) {
        jdbc.sql("DELETE FROM identity_key WHERE applicant_id = :applicant")
                .param("applicant", event.subject().applicantId().value())
                .update();
    }

    /** Records the applicant's identifiers and, on an enterprise plan, blocks the duplicates of its group. */
    @Transactional
    public void check(CompanyId company, Mode mode, ApplicantId applicant) {
        record(company, mode, applicant);
        if (companies.entitled(company, Entitlement.DEDUPLICATION)) {
            resolve(company, mode, group(company, mode, applicant.value()));
        }
    }

    /** Every 12 hours: every group of every entitled company, again. */
    @Scheduled(cron = "${openkyc.deduplication.sweep-cron:0 0 */12 * * *}")
    public int sweep() {
        int blocked = 0;
        List<Map<String, Object>> scopes = jdbc.sql("SELECT DISTINCT company_id, mode FROM identity_key")
                .query()
                .listOfRows();
        for (Map<String, Object> scope : scopes) {
            CompanyId company = new CompanyId((UUID) scope.get("company_id"));
            Mode mode = Mode.fromCode(String.valueOf(scope.get("mode"))).orElseThrow();
            if (!companies.entitled(company, Entitlement.DEDUPLICATION)) {
                continue;
            }
            Set<UUID> seen = new LinkedHashSet<>();
            List<UUID> shared = jdbc.sql("""
                            SELECT DISTINCT k.applicant_id FROM identity_key k
                            WHERE k.company_id = :company AND k.mode = :mode AND EXISTS (
                              SELECT 1 FROM identity_key o WHERE o.company_id = k.company_id AND o.mode = k.mode
                              AND o.kind = k.kind AND o.digest = k.digest AND o.applicant_id <> k.applicant_id)
                            """)
                    .param("company", company.value())
                    .param("mode", mode.code())
                    .query(UUID.class)
                    .list();
            for (UUID applicant : shared) {
                if (seen.add(applicant)) {
                    Set<UUID> group = group(company, mode, applicant);
                    seen.addAll(group);
                    blocked += resolve(company, mode, group);
                }
            }
        }
        return blocked;
    }

    /** The applicants sharing an identifier with this one, and with what. */
    public List<Link> links(CompanyId company, UUID applicant) {
        Map<UUID, List<String>> links = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT o.applicant_id, o.kind FROM identity_key k JOIN identity_key o
                          ON o.company_id = k.company_id AND o.mode = k.mode AND o.kind = k.kind
                          AND o.digest = k.digest AND o.applicant_id <> k.applicant_id
                        WHERE k.company_id = :company AND k.applicant_id = :applicant
                        ORDER BY o.applicant_id, o.kind
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query(r -> {
                    links.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(r.getString(2));
                });
        return links.entrySet().stream()
                .map(e -> new Link(e.getKey(), List.copyOf(new LinkedHashSet<>(e.getValue()))))
                .toList();
    }

    private void record(CompanyId company, Mode mode, ApplicantId applicant) {
        Map<String, String> keys = new LinkedHashMap<>();
        DocumentCheck document = documents.latest(company, applicant.value()).orElse(null);
        if (document != null
                && document.documentNumber() != null
                && !document.documentNumber().isBlank()) {
            String number =
                    document.documentNumber().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
            String kind = switch (document.documentType()) {
                case PASSPORT -> "PASSPORT";
                case ID_CARD -> "NATIONAL_ID";
                default -> null;
            };
            if (kind != null) {
                keys.put(kind + "|" + document.issuingCountry(), kind + ":" + document.issuingCountry() + ":" + number);
            }
        }
        for (String wallet : applicants.wallets(applicant)) {
            String network = wallet.substring(0, wallet.indexOf(':'));
            String address = wallet.substring(wallet.indexOf(':') + 1);
            String normalised = network.equals("ETHEREUM") ? address.toLowerCase(Locale.ROOT) : address;
            keys.put("CRYPTO_ADDRESS|" + wallet, "CRYPTO_ADDRESS:" + network + ":" + normalised);
        }
        keys.forEach((slot, value) -> jdbc.sql("""
                        INSERT INTO identity_key (company_id, mode, applicant_id, kind, digest, created_at)
                        VALUES (:company, :mode, :applicant, :kind, :digest, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("company", company.value())
                .param("mode", mode.code())
                .param("applicant", applicant.value())
                .param("kind", slot.substring(0, slot.indexOf('|')))
                .param("digest", hash.of(company.value().toString(), value))
                .param("now", Timestamp.from(clock.instant()))
                .update());
    }

    /** Everyone reachable through shared identifiers. */
    private Set<UUID> group(CompanyId company, Mode mode, UUID start) {
        Set<UUID> group = new LinkedHashSet<>();
        Deque<UUID> next = new ArrayDeque<>(List.of(start));
        while (!next.isEmpty() && group.size() < 1000) {
            UUID applicant = next.pop();
            if (!group.add(applicant)) {
                continue;
            }
            jdbc.sql("""
                            SELECT DISTINCT o.applicant_id FROM identity_key k JOIN identity_key o
                              ON o.company_id = k.company_id AND o.mode = k.mode AND o.kind = k.kind
                              AND o.digest = k.digest
                            WHERE k.company_id = :company AND k.mode = :mode AND k.applicant_id = :applicant
                            """)
                    .param("company", company.value())
                    .param("mode", mode.code())
                    .param("applicant", applicant)
                    .query(UUID.class)
                    .list()
                    .forEach(next::add);
        }
        return group;
    }

    /** Blocks every member of the group but the original; answers how many were blocked. */
    private int resolve(CompanyId company, Mode mode, Set<UUID> group) {
        if (group.size() < 2) {
            return 0;
        }
        List<ApplicantView> members = group.stream()
                .map(id -> applicants.system(new ApplicantId(id)))
                .sorted(Comparator.comparing(ApplicantView::createdAt).thenComparing(v -> v.id().value()))
                .toList();
        ApplicantView original = members.stream()
                .filter(m -> m.status() == ApplicantStatus.APPROVED)
                .findFirst()
                .orElse(null);
        if (original == null) {
            return 0;
        }
        int blocked = 0;
        for (ApplicantView member : members) {
            if (member == original || member.status() == ApplicantStatus.BLOCKED) {
                continue;
            }
            List<String> shared = links(company, member.id().value()).stream()
                    .flatMap(l -> l.kinds().stream())
                    .distinct()
                    .toList();
            applicants.advance(
                    member.id(),
                    ApplicantAction.BLOCK,
                    ActorType.SYSTEM,
                    Map.of(
                            "reason",
                            "duplicate",
                            "original",
                            original.id().value().toString(),
                            "shared",
                            shared));
            blocked++;
            log.info("Blocked {} as a duplicate of {} ({})", member.id(), original.id(), mode.code());
        }
        return blocked;
    }
}
