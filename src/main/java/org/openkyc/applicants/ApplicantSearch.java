package org.openkyc.applicants;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.UserId;
import org.openkyc.flows.FlowId;

/** Filters of the applicants list; a null filter does not filter. Pages count from 0. */
public record ApplicantSearch(
        @Nullable String externalUserId,
        @Nullable ApplicantStatus status,
        @Nullable FlowId flowId,
        @Nullable UserId reviewerId,
        @Nullable String country,
        @Nullable Instant createdFrom,
        @Nullable Instant createdTo,
        @Nullable Boolean withOpenWarnings,
        int page,
        int size) {}
