package org.openkyc.applicants;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.flows.PublishedFlow;

/**
 * What an access link opens: one applicant's flow (or the on-demand flow the link was made for), in the link's
 * language. Progress lives on the server, so any link of the applicant resumes where they left.
 *
 * @param onDemand true when the link opens a request for additional information rather than the applicant's flow
 * @param country the applicant's country as the integrator gave it (ISO alpha-2), if any
 * @param fixedInfo what the integrator knows of the applicant ({@code firstName}, {@code dateOfBirth}, …)
 * @param info what the applicant told or their checks found
 */
public record LinkSession(
        ApplicantId applicantId,
        CompanyId companyId,
        Mode mode,
        ApplicationId applicationId,
        String externalUserId,
        String lang,
        PublishedFlow flow,
        boolean onDemand,
        ApplicantStatus status,
        List<StepState> steps,
        @Nullable String email,
        @Nullable String phone,
        @Nullable String country,
        Map<String, Object> fixedInfo,
        Map<String, Object> info,
        Instant expiresAt) {

    /** How a token resolved. */
    public enum State {
        OPEN,
        EXPIRED,
        REVOKED,
        UNKNOWN
    }

    /** A token's state, the language it was made for (English when unknown), and the session when it is open. */
    public record Lookup(State state, String lang, @Nullable LinkSession session) {}
}
