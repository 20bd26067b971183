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
 *     again) or {@code FINAL_FRAUD}
 */
public record ReviewDecision(
        @NotNull ApplicantStatus decision,
        @Nullable @Size(max = 2000) String comment,
        @Nullable List<String> rejectLabels) {

    public ReviewDecision {
        rejectLabels = rejectLabels == null ? List.of() : List.copyOf(rejectLabels);
    }
}
