package org.openkyc.applicants;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.UserId;
import org.openkyc.flows.FlowId;

/**
 * An applicant as the API shows it; the contract's fields plus the flow version, warnings, and when the
 * applicant's data is to be erased if a deletion was scheduled, and when a status-only company's applicant's personal
 * data was archived, and when an applicant was erased (what is left is a tombstone).
 */
public record ApplicantView(
        ApplicantId id,
        String externalUserId,
        ApplicationId applicationId,
        ApplicantStatus status,
        FlowId flowId,
        int flowVersion,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String email,
        @Nullable String phone,
        String lang,
        Map<String, Object> fixedInfo,
        Map<String, Object> info,
        Review review,
        List<StepState> steps,
        Map<String, Object> device,
        List<Object> certificates,
        @Nullable Instant deletionScheduledAt,
        @Nullable Instant archivedAt,
        @Nullable Instant erasedAt) {

    /**
     * The applicant as a status-only company's own users see it: reference, status, flow and progress, no personal
     * data (no contact details, personal information, device, step results or review comment).
     */
    public ApplicantView withoutPersonalData() {
        return new ApplicantView(
                id,
                externalUserId,
                applicationId,
                status,
                flowId,
                flowVersion,
                createdAt,
                updatedAt,
                null,
                null,
                lang,
                Map.of(),
                Map.of(),
                new Review(review.status(), null, null, review.rejectLabels(), List.of()),
                steps.stream()
                        .map(s -> new StepState(s.type(), s.status(), null))
                        .toList(),
                Map.of(),
                certificates,
                deletionScheduledAt,
                archivedAt,
                erasedAt);
    }

    /** The review: who, what they decided and why; warnings that are still open come first. */
    public record Review(
            @Nullable ApplicantStatus status,
            @Nullable UserId reviewerId,
            @Nullable String comment,
            List<String> rejectLabels,
            List<Warning> warnings) {}
}
