package org.openkyc.tenancy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.Mode;

/** An application as listed; it holds no secret. */
public record ApplicationView(
        ApplicationId id,
        Mode mode,
        String name,
        String description,
        String appKey,
        @Nullable String webhookUrl,
        Map<String, String> webhookHeaders,
        @Nullable String redirectUrl,
        @JsonProperty("default") boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {

    ApplicationView withWebhookHeaders(Map<String, String> headers) {
        return new ApplicationView(
                id, mode, name, description, appKey, webhookUrl, headers, redirectUrl, isDefault, createdAt, updatedAt);
    }
}
