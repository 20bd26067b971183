package org.openkyc.applicants;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.lifecycle.ApplicantStatus;

/**
 * A reviewer's decision.
 *
 * @param decision {@code APPROVED} or {@code DECLINED}
 * @param rejectLabels why a decline happened, such as {@code RETRY_DOCUMENT_QUALITY} (the applicant may try
 *     again) or {@code FINAL_FRAUD} (they may not); see {@link #retryAllowed}
 */
public record ReviewDecision(
        @NotNull ApplicantStatus decision,
        @Nullable @Size(max = 2000) String comment,
        @Nullable List<String> rejectLabels) {

    public ReviewDecision {
        rejectLabels = rejectLabels == null ? List.of() : List.copyOf(rejectLabels);
    }

    /**
     * Whether a decline lets the applicant try again: only when every reject label is a {@code RETRY_} label. A
     * decline without labels, or with any other label, is final.
     */
    public static boolean retryAllowed(List<String> rejectLabels) {
        return !rejectLabels.isEmpty() && rejectLabels.stream().allMatch(label -> label.startsWith(RETRY));
    }

    /** The prefix of reject labels that allow the applicant to try again. */
    public static final String RETRY = "RETRY_";
}
