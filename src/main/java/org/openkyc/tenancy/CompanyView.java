package org.openkyc.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;

/**
 * A company's settings as anyone with the company permission may see them; no secrets. {@code plan} is the plan in
 * force (a trial's while it runs), {@code signedPlan} the one the company is on after it.
 */
public record CompanyView(
        CompanyId id,
        CompanyDetails details,
        String clientKey,
        String status,
        String integrationType,
        Plan plan,
        Plan signedPlan,
        @Nullable Instant trialEndsAt,
        boolean statusOnly,
        Retention retention,
        Instant createdAt,
        Instant updatedAt) {}
