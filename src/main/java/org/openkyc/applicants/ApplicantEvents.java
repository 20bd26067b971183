package org.openkyc.applicants;

import java.time.Instant;
import java.util.List;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.flows.definition.StepType;

/**
 * What the applicants module tells other modules; webhooks are made from these. They are published inside the
 * transaction of the change, so a listener that writes to the database commits or rolls back with it.
 */
public final class ApplicantEvents {

    private ApplicantEvents() {}

    /** Facts about one applicant that every event carries. */
    public record Subject(
            ApplicantId applicantId,
            CompanyId companyId,
            Mode mode,
            ApplicationId applicationId,
            String externalUserId,
            ApplicantStatus status,
            List<String> openWarnings) {}

    /** A verification was created. */
    public record ApplicantCreated(Subject subject, Instant at) {}

    /** A verification changed status; {@code subject.status()} is the new one. */
    public record ApplicantStatusChanged(Subject subject, ApplicantStatus from, Instant at) {}

    /**
     * A status-only company's applicant's personal data was archived (the {@link PersonalDataTables} rows and media
     * are gone); modules that keep something derived from it (the certificates' details) drop that too.
     */
    public record PersonalDataArchived(Subject subject, Instant at) {}

    /**
     * An applicant was erased for good after their deletion's grace period: every module drops what it still holds of
     * them (certificates, deduplication digests, webhook payloads). {@code subject} still has the external user id.
     */
    public record ApplicantErased(Subject subject, Instant at) {}

    /** A reviewer deactivated a step's results or brought one back: checks derived from them are due again. */
    public record StepResultsChanged(Subject subject, StepType step, Instant at) {}

    /** The applicant passed a step of their flow. */
    public record ApplicantStepPassed(Subject subject, StepType step, Instant at) {}
}
