package org.openkyc.tenancy;

import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Fields to set on an application; on update, a null field stays as it is. An empty URL removes it.
 *
 * @param webhookHeaders custom headers sent with every webhook, replacing the previous set
 */
public record ApplicationDraft(
        @Nullable @Size(max = 100) String name,
        @Nullable @Size(max = 500) String description,
        @Nullable @Size(max = 2000) String webhookUrl,
        @Nullable Map<String, String> webhookHeaders,
        @Nullable @Size(max = 2000) String redirectUrl) {}
