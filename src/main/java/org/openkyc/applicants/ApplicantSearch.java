package org.openkyc.applicants;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.UserId;
import org.openkyc.flows.FlowId;

/**
 * Filters of the applicants list; a null filter does not filter. Pages count from 0.
 *
 * @param sort {@code createdAt}, {@code updatedAt}, {@code status} or {@code externalUserId}, with a leading
 *     {@code -} for descending; newest first when null or unknown
 */
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
        int size,
        @Nullable String sort) {

    /** The ORDER BY for {@link #sort}: only whitelisted columns reach SQL. */
    String orderBy() {
        String wanted = sort == null ? "-createdAt" : sort.strip();
        boolean descending = wanted.startsWith("-");
        String column = switch (descending ? wanted.substring(1) : wanted) {
            case "updatedAt" -> "updated_at";
            case "status" -> "status";
            case "externalUserId" -> "external_user_id";
            case "createdAt" -> "created_at";
            default -> null;
        };
        if (column == null) {
            return "created_at DESC, id";
        }
        return column + (descending ? " DESC" : " ASC") + ", id";
    }
}
