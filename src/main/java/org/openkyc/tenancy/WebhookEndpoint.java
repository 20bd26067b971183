package org.openkyc.tenancy;

import org.jspecify.annotations.Nullable;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;

/**
 * Where an application's webhooks go and what names them, without its secrets: enough to record an event.
 *
 * @param url where events go; {@code null} when the application has no webhook URL
 */
public record WebhookEndpoint(
        ApplicationId applicationId,
        CompanyId companyId,
        Mode mode,
        String appKey,
        @Nullable String url) {}
