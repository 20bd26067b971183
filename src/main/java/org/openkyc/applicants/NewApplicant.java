package org.openkyc.applicants;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A verification to start, as the contract's {@code POST /api/v1/applicants} takes it.
 *
 * @param applicationId for workplace users only: the application to verify for (default: the mode's default
 *     application); a private key always acts for its own application
 * @param flowId the flow (default: the mode's default flow)
 * @param fixedInfo data the integrator already knows, such as {@code firstName}, {@code dateOfBirth}, {@code country}
 */
public record NewApplicant(
        @NotBlank @Size(max = 200) String externalUserId,
        @Nullable String applicationId,
        @Nullable String flowId,
        @Nullable @Size(max = 254) String email,
        @Nullable @Size(max = 40) String phone,

        @Nullable @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT")
        String lang,

        @Nullable Map<String, Object> fixedInfo) {}
