package org.openkyc.certificates;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantEvents;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.TimelineEntry;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.biometrics.FaceMatching;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.documents.DocumentCheck;
import org.openkyc.documents.DocumentChecks;
import org.openkyc.documents.DocumentField;
import org.openkyc.documents.address.AddressChecks;
import org.openkyc.flows.definition.StepType;
import org.openkyc.screening.AmlCases;
import org.openkyc.screening.ApplicantScreening;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues the certificates of an applicant's checks whenever a step passes or the verification moves, each from its
 * check's latest data. A certificate is re-issued only when its own check has new data. Expiry rules:
 *
 * <ul>
 *   <li>identity document: the document's own expiry date, 90 days when it has none;
 *   <li>face match: 90 days;
 *   <li>sanctions and PEP: 3652 days from the screening (ongoing monitoring keeps it true), CONSIDER with
 *       {@code NOT_CHECKED} when the screening could not run;
 *   <li>proof of address: 90 days from the proof's issue date (from the check when none was read);
 *   <li>crypto address: 7 days; crypto AML: 30 days.
 * </ul>
 *
 * An approved applicant whose certificate expires stays APPROVED; the company is told by a
 * {@code CERTIFICATE_EXPIRED} warning on the profile.
 */
@Service
public class Certificates {

    static final Duration FACE_MATCH = Duration.ofDays(90);
    static final Duration SCREENING = Duration.ofDays(3652);
    static final Duration PROOF_OF_ADDRESS = Duration.ofDays(90);
    static final Duration DOCUMENT_WITHOUT_EXPIRY = Duration.ofDays(90);
    static final Duration CRYPTO_ADDRESS = Duration.ofDays(7);
    static final Duration CRYPTO_AML = Duration.ofDays(30);

    private final JdbcClient jdbc;
    private final ApplicantManagement applicants;
    private final DocumentChecks documents;
    private final AddressChecks addresses;
    private final FaceMatching faces;
    private final ApplicantScreening screening;
    private final Clock clock;

    Certificates(
            JdbcClient jdbc,
            ApplicantManagement applicants,
            DocumentChecks documents,
            AddressChecks addresses,
            FaceMatching faces,
            ApplicantScreening screening,
            Clock clock) {
        this.jdbc = jdbc;
        this.applicants = applicants;
        this.documents = documents;
        this.addresses = addresses;
        this.faces = faces;
        this.screening = screening;
        this.clock = clock;
    }

    /** A certificate as kept. */
    public record Certificate(
            UUID id,
            String kind,
            String result,
            String details,
            List<String> reasons,
            Instant issuedAt,
            Instant expiresAt,
            boolean current) {

        public boolean clear() {
            return result.equals("CLEAR");
        }

        /** The result without the details read from the applicant's data, for those who see statuses only. */
        public Certificate withoutDetails() {
            return new Certificate(id, kind, result, "", reasons, issuedAt, expiresAt, current);
        }

        public boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }
    }

    /** A certificate the checks call for: its source time is null when the check does not tell when it ran. */
    record Draft(
            String kind,
            boolean clear,
            String details,
            List<String> reasons,
            @Nullable Instant checkedAt,
            Instant expiresAt) {}

    @EventListener
    void stepPassed(ApplicantEvents.ApplicantStepPassed event) {
        issue(
                event.subject().companyId(),
                event.subject().mode(),
                event.subject().applicantId());
    }

    // Before the KYC bots, which may move the applicant on.
    @EventListener
    @Order(0)
    void statusChanged(ApplicantEvents.ApplicantStatusChanged event) {
        issue(
                event.subject().companyId(),
                event.subject().mode(),
                event.subject().applicantId());
    }

    @EventListener
    void stepResultsChanged(ApplicantEvents.StepResultsChanged event) {
        issue(
                event.subject().companyId(),
                event.subject().mode(),
                event.subject().applicantId());
    }

    /** An erased applicant keeps no certificate: their results are about a person no longer known here. */
    @EventListener
    void erased(ApplicantEvents.ApplicantErased event) {
        jdbc.sql("DELETE FROM certificate WHERE applicant_id = :applicant")
                .param("applicant", event.subject().applicantId().value())
                .update();
    }

    /** An archived applicant keeps their certificates' results and dates, not the details read from their data. */
    @EventListener
    void archived(ApplicantEvents.PersonalDataArchived event) {
        jdbc.sql("UPDATE certificate SET details = '' WHERE company_id = :company AND applicant_id = :applicant")
                .param("company", event.subject().companyId().value())
                .param("applicant", event.subject().applicantId().value())
                .update();
    }

    /** Issues what the checks call for and is not issued yet; answers the kinds (re)issued. */
    @Transactional
    public List<String> issue(CompanyId company, Mode mode, ApplicantId applicant) {
        if (applicants.system(applicant).archivedAt() != null) {
            // The checks' data is gone; the certificates issued from it stand as they are.
            return List.of();
        }
        Instant now = clock.instant();
        List<String> issued = new ArrayList<>();
        List<Draft> drafts = drafts(company, applicant, now);
        // A check whose data is no longer current (a step deactivated, restarted or left the flow) certifies nothing.
        List<String> kinds = drafts.stream().map(Draft::kind).toList();
        jdbc.sql("UPDATE certificate SET current = FALSE WHERE applicant_id = :applicant AND current"
                        + (kinds.isEmpty() ? "" : " AND kind NOT IN (:kinds)"))
                .param("applicant", applicant.value())
                .param("kinds", kinds.isEmpty() ? List.of("-") : kinds)
                .update();
        for (Draft draft : drafts) {
            String digest = draft.kind() + "|" + draft.clear() + "|" + draft.details() + "|" + draft.reasons() + "|"
                    + (draft.checkedAt() == null ? "-" : draft.checkedAt().toString());
            String current = jdbc.sql("""
                            SELECT digest FROM certificate WHERE applicant_id = :applicant AND kind = :kind AND current
                            """)
                    .param("applicant", applicant.value())
                    .param("kind", draft.kind())
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (digest.equals(current)) {
                continue;
            }
            jdbc.sql("UPDATE certificate SET current = FALSE WHERE applicant_id = :applicant AND kind = :kind")
                    .param("applicant", applicant.value())
                    .param("kind", draft.kind())
                    .update();
            jdbc.sql("""
                            INSERT INTO certificate (id, company_id, mode, applicant_id, kind, result, details, digest,
                              issued_at, expires_at, current, reasons)
                            VALUES (:id, :company, :mode, :applicant, :kind, :result, :details, :digest, :issued,
                              :expires, TRUE, :reasons)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("company", company.value())
                    .param("mode", mode.code())
                    .param("applicant", applicant.value())
                    .param("kind", draft.kind())
                    .param("result", draft.clear() ? "CLEAR" : "CONSIDER")
                    .param("details", draft.details())
                    .param("reasons", String.join(",", draft.reasons()))
                    .param("digest", digest)
                    .param("issued", Timestamp.from(draft.checkedAt() == null ? now : draft.checkedAt()))
                    .param("expires", Timestamp.from(draft.expiresAt()))
                    .update();
            issued.add(draft.kind());
        }
        return issued;
    }

    /** The applicant's certificates: current ones, or every one issued. */
    public List<Certificate> certificates(CompanyId company, UUID applicant, boolean all) {
        return jdbc.sql("SELECT * FROM certificate WHERE company_id = :company AND applicant_id = :applicant"
                        + (all ? "" : " AND current") + " ORDER BY kind, issued_at, id")
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> row(r))
                .list();
    }

    /**
     * Tells the company about certificates that expired: a {@code CERTIFICATE_EXPIRED} warning on an approved
     * applicant, who stays APPROVED. Each expiry is told once; answers how many were.
     */
    @Scheduled(cron = "${openkyc.certificates.expiry-cron:0 25 * * * *}")
    @Transactional
    public int notifyExpired() {
        Instant now = clock.instant();
        List<Map<String, Object>> expired =
                jdbc.sql("""
                        SELECT id, applicant_id, kind, expires_at FROM certificate
                        WHERE current AND expiry_notified_at IS NULL AND expires_at <= :now
                        ORDER BY expires_at, id
                        """).param("now", Timestamp.from(now)).query().listOfRows();
        int told = 0;
        for (Map<String, Object> certificate : expired) {
            ApplicantId applicant = new ApplicantId((UUID) certificate.get("applicant_id"));
            if (applicants.system(applicant).status() == ApplicantStatus.APPROVED) {
                applicants.raiseWarning(
                        applicant,
                        "CERTIFICATE_EXPIRED",
                        "The "
                                + String.valueOf(certificate.get("kind"))
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', ' ')
                                + " certificate expired on " + ((Timestamp) certificate.get("expires_at")).toInstant()
                                + "; the applicant stays approved until a reviewer decides.");
                told++;
            }
            jdbc.sql("UPDATE certificate SET expiry_notified_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", certificate.get("id"))
                    .update();
        }
        return told;
    }

    private List<Draft> drafts(CompanyId company, ApplicantId id, Instant now) {
        UUID applicant = id.value();
        ApplicantView view = applicants.system(id);
        List<Draft> drafts = new ArrayList<>();
        DocumentCheck document = documents.latest(company, applicant).orElse(null);
        if (document != null) {
            Instant expiry = date(document.field("expiryDate"));
            drafts.add(new Draft(
                    "IDENTITY_DOCUMENT",
                    document.valid() && document.duplicates().isEmpty(),
                    document.documentType() + " " + document.issuingCountry()
                            + (document.valid() ? "" : ": " + String.join("; ", document.problems())),
                    documentReasons(document),
                    document.createdAt(),
                    expiry != null ? expiry : document.createdAt().plus(DOCUMENT_WITHOUT_EXPIRY)));
        }
        faces.latest(company, applicant)
                .ifPresent(match -> drafts.add(new Draft(
                        "FACE_MATCH",
                        match.matched(),
                        match.percent() == null ? String.join("; ", match.problems()) : match.percent() + "%",
                        match.matched()
                                ? List.of()
                                : List.of(match.percent() == null ? "SELFIE_QUALITY" : "FACE_MISMATCH"),
                        match.createdAt(),
                        match.createdAt().plus(FACE_MATCH))));
        boolean screened = view.steps().stream()
                .anyMatch(s -> s.type() == StepType.AML && s.status().name().matches("PASSED|SUBMITTED"));
        ApplicantScreening.Screening screening =
                screened ? this.screening.latest(company, applicant).orElse(null) : null;
        if (screened && (screening == null || !screening.complete())) {
            // Screening that did not run certifies nothing: the certificate says so and a person decides.
            Instant at = screening == null ? now : screening.at();
            drafts.add(new Draft(
                    "SANCTIONS_PEP",
                    false,
                    "not screened: "
                            + (screening == null ? "no screening recorded" : String.join("; ", screening.missing())),
                    List.of("NOT_CHECKED"),
                    at,
                    at.plus(SCREENING)));
        } else if (screening != null) {
            List<AmlCases.Match> matches = this.screening.matches(company, applicant);
            long open = matches.stream().filter(m -> !m.status().cleared()).count();
            drafts.add(new Draft(
                    "SANCTIONS_PEP",
                    open == 0,
                    (matches.isEmpty() ? "no match" : open + " of " + matches.size() + " matches not cleared")
                            + "; screened against " + screening.against(),
                    matches.stream()
                            .filter(m -> !m.status().cleared())
                            .map(m -> (m.listType().equals("PEP") ? "PEP_MATCH:" : "AML_MATCH:")
                                    + m.matchRate()
                                    + (sameName(m.subjectName(), m.matchedName()) ? ":SAME_NAME" : ""))
                            .distinct()
                            .toList(),
                    screening.at(),
                    screening.at().plus(SCREENING)));
        }
        addresses.latest(company, applicant).ifPresent(check -> {
            Instant from = check.verdict().issued() == null
                    ? check.createdAt()
                    : check.verdict().issued().atStartOfDay(ZoneOffset.UTC).toInstant();
            drafts.add(new Draft(
                    "PROOF_OF_ADDRESS",
                    check.verdict().clear(),
                    check.verdict().result()
                            + (check.verdict().issued() == null
                                    ? ""
                                    : ", issued " + check.verdict().issued()),
                    check.verdict().clear() ? List.of() : List.of("ADDRESS_NOT_CONFIRMED"),
                    check.createdAt(),
                    from.plus(PROOF_OF_ADDRESS)));
        });
        List<TimelineEntry> wallets = applicants.walletVerifications(id);
        if (!wallets.isEmpty()) {
            TimelineEntry wallet = wallets.getLast();
            drafts.add(new Draft(
                    "CRYPTO_ADDRESS",
                    true,
                    wallet.details().get("network") + " " + wallet.details().get("address")
                            + (Boolean.TRUE.equals(wallet.details().get("ownershipProven"))
                                    ? ", ownership proven"
                                    : ""),
                    List.of(),
                    wallet.at(),
                    wallet.at().plus(CRYPTO_ADDRESS)));
            if (wallet.details().get("amlScore") instanceof Number score) {
                drafts.add(new Draft(
                        "CRYPTO_AML",
                        score.intValue() >= 40,
                        "score " + score.intValue(),
                        score.intValue() >= 40 ? List.of() : List.of("WALLET_RISK"),
                        wallet.at(),
                        wallet.at().plus(CRYPTO_AML)));
            } else if (wallet.details().get("amlClear") instanceof Boolean clear) {
                // No source had data on the address: the flow accepts that, or a person decides.
                drafts.add(new Draft(
                        "CRYPTO_AML",
                        clear,
                        "score unknown: no source has data on the address",
                        clear ? List.of() : List.of("NOT_CHECKED"),
                        wallet.at(),
                        wallet.at().plus(CRYPTO_AML)));
            }
        }
        return drafts;
    }

    /**
     * Why a document check asks for a person, as the bots read it: the photo's quality, the name, the expiry, a
     * duplicate, or other information that did not verify.
     */
    static List<String> documentReasons(DocumentCheck document) {
        Set<String> reasons = new LinkedHashSet<>();
        for (String problem : document.problems()) {
            String field = problem.substring(0, Math.max(0, problem.indexOf(':')));
            reasons.add(
                    switch (field) {
                        case "focus", "glare", "colour", "position" -> "DOCUMENT_QUALITY";
                        case "surname", "givenNames" -> "NAME_MISMATCH";
                        case "expiryDate" -> "DOCUMENT_EXPIRED";
                        case "mrz" ->
                            problem.contains("no machine-readable zone") ? "DOCUMENT_QUALITY" : "WRONG_INFORMATION";
                        default -> "WRONG_INFORMATION";
                    });
        }
        if (!document.duplicates().isEmpty()) {
            reasons.add("DUPLICATE_DOCUMENT");
        }
        return List.copyOf(reasons);
    }

    /** Whether a listed name is the screened name itself, letter for letter once case and spacing are set aside. */
    private static boolean sameName(@Nullable String screened, String listed) {
        return screened != null
                && screened.strip()
                        .replaceAll("\\s+", " ")
                        .equalsIgnoreCase(listed.strip().replaceAll("\\s+", " "));
    }

    /** A document date (YYYY-MM-DD) as the start of that day, UTC. */
    private static @Nullable Instant date(@Nullable DocumentField field) {
        if (field == null || field.value() == null || field.value().isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(field.value().strip())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Certificate row(ResultSet r) throws SQLException {
        return new Certificate(
                r.getObject("id", UUID.class),
                r.getString("kind"),
                r.getString("result"),
                r.getString("details"),
                r.getString("reasons").isEmpty()
                        ? List.of()
                        : List.of(r.getString("reasons").split(",")),
                r.getTimestamp("issued_at").toInstant(),
                r.getTimestamp("expires_at").toInstant(),
                r.getBoolean("current"));
    }
}
