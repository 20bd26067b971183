package org.openkyc.tenancy;

import java.time.Instant;
import org.openkyc.core.CompanyId;

/** A company's settings as anyone with the company permission may see them; no secrets. */
public record CompanyView(
        CompanyId id,
        CompanyDetails details,
        String clientKey,
        String status,
        String integrationType,
        Plan plan,
        Instant createdAt,
        Instant updatedAt) {}
