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
import java.util.List;
import java.util.Map;
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
 *   <li>sanctions and PEP: 3652 days;
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
            UUID id, String kind, String result, String details, Instant issuedAt, Instant expiresAt, boolean current) {

        public boolean clear() {
            return result.equals("CLEAR");
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
            @Nullable Instant checkedAt,
            Instant expiresAt) {}

    @EventListener
    void stepPassed(ApplicantEvents.ApplicantStepPassed event) {
        issue(
                event.subject().companyId(),
                event.subject().mode(),
                event.subject().applicantId());
    }

    @EventListener
    void statusChanged(ApplicantEvents.ApplicantStatusChanged event) {
        issue(
                event.subject().companyId(),
                event.subject().mode(),
                event.subject().applicantId());
    }

    /** Issues what the checks call for and is not issued yet; answers the kinds (re)issued. */
    @Transactional
    public List<String> issue(CompanyId company, Mode mode, ApplicantId applicant) {
        Instant now = clock.instant();
        List<String> issued = new ArrayList<>();
        for (Draft draft : drafts(company, applicant, now)) {
            String digest = draft.kind() + "|" + draft.clear() + "|" + draft.details() + "|"
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
                              issued_at, expires_at, current)
                            VALUES (:id, :company, :mode, :applicant, :kind, :result, :details, :digest, :issued,
                              :expires, TRUE)
                            """)
                    .param("id", UUID.randomUUID())
                    .param("company", company.value())
                    .param("mode", mode.code())
                    .param("applicant", applicant.value())
                    .param("kind", draft.kind())
                    .param("result", draft.clear() ? "CLEAR" : "CONSIDER")
                    .param("details", draft.details())
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
                    document.createdAt(),
                    expiry != null ? expiry : document.createdAt().plus(DOCUMENT_WITHOUT_EXPIRY)));
        }
        faces.latest(company, applicant)
                .ifPresent(match -> drafts.add(new Draft(
                        "FACE_MATCH",
                        match.matched(),
                        match.percent() == null ? String.join("; ", match.problems()) : match.percent() + "%",
                        match.createdAt(),
                        match.createdAt().plus(FACE_MATCH))));
        boolean screened = view.steps().stream()
                .anyMatch(s -> s.type() == StepType.AML && s.status().name().matches("PASSED|SUBMITTED"));
        if (screened) {
            List<AmlCases.Match> matches = screening.matches(company, applicant);
            Instant at = matches.stream()
                    .map(AmlCases.Match::createdAt)
                    .max(Instant::compareTo)
                    .orElse(null);
            long open = matches.stream().filter(m -> !m.status().cleared()).count();
            drafts.add(new Draft(
                    "SANCTIONS_PEP",
                    open == 0,
                    matches.isEmpty() ? "no match" : open + " of " + matches.size() + " matches not cleared",
                    at,
                    (at == null ? now : at).plus(SCREENING)));
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
                    wallet.at(),
                    wallet.at().plus(CRYPTO_ADDRESS)));
            if (wallet.details().get("amlScore") instanceof Number score) {
                drafts.add(new Draft(
                        "CRYPTO_AML",
                        score.intValue() >= 40,
                        "score " + score.intValue(),
                        wallet.at(),
                        wallet.at().plus(CRYPTO_AML)));
            }
        }
        return drafts;
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
                r.getTimestamp("issued_at").toInstant(),
                r.getTimestamp("expires_at").toInstant(),
                r.getBoolean("current"));
    }
}
