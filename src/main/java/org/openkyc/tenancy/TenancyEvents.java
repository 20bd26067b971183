package org.openkyc.tenancy;

import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;

/** What the tenancy module tells other modules. */
public final class TenancyEvents {

    private TenancyEvents() {}

    /** A company signed up or was bootstrapped; its default test application exists. */
    public record CompanyRegistered(CompanyId companyId, ApplicationId defaultApplicationId) {}

    /** An application was created in a mode. */
    public record ApplicationCreated(ApplicationId applicationId, CompanyId companyId, Mode mode, boolean isDefault) {}
}
