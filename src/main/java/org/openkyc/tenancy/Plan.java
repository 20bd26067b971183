package org.openkyc.tenancy;

/** The service plan a company is on. Only the free plan is limited to test mode. */
public enum Plan {
    FREE,
    PAY_AS_YOU_GO,
    ENTERPRISE_SELF_MANAGED,
    ENTERPRISE_MANAGED,
    ENTERPRISE_MANAGED_DEDICATED;

    public boolean allowsLiveMode() {
        return this != FREE;
    }
}
