package org.openkyc.tenancy;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.core.crypto.PayloadCipher;

/**
 * Everything needed to send an application its webhooks.
 *
 * @param url where events go; {@code null} when the application has no webhook URL
 * @param signingSecrets the webhook secrets (base64) that sign: the current one first, and during a rotation
 *     the previous one as well
 */
public record WebhookTarget(
        ApplicationId applicationId,
        CompanyId companyId,
        Mode mode,
        String appKey,
        @Nullable String url,
        Map<String, String> headers,
        PayloadCipher cipher,
        List<String> signingSecrets) {}
