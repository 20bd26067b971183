package org.openkyc.applicants;

import java.time.Instant;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;

/** What the applicants module tells other modules; webhooks are made from these. */
public final class ApplicantEvents {

    private ApplicantEvents() {}

    /** A verification was created. */
    public record ApplicantCreated(
            ApplicantId applicantId, CompanyId companyId, Mode mode, ApplicationId applicationId, Instant at) {}

    /** A verification changed status. */
    public record ApplicantStatusChanged(
            ApplicantId applicantId,
            CompanyId companyId,
            Mode mode,
            ApplicationId applicationId,
            ApplicantStatus from,
            ApplicantStatus to,
            Instant at) {}
}
