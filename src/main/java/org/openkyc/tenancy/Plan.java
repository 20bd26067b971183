package org.openkyc.tenancy;

import static org.openkyc.tenancy.Entitlement.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The service plan a company is on, and what it includes. Free is test mode only; every paid plan has the KYC Bot;
 * the enterprise plans add the Advanced KYC Bot and deduplication; the managed ones let platform operators review
 * for the company and allow status-only KYC, and include up to {@link #MANAGED_MONTHLY_USERS} new users a month; the
 * dedicated-operator plan adds the weekly service report.
 */
public enum Plan {
    FREE(EnumSet.noneOf(Entitlement.class)),
    PAY_AS_YOU_GO(EnumSet.of(LIVE_MODE, KYC_BOT)),
    ENTERPRISE_SELF_MANAGED(EnumSet.of(LIVE_MODE, KYC_BOT, ADVANCED_KYC_BOT, DEDUPLICATION)),
    ENTERPRISE_MANAGED(EnumSet.of(LIVE_MODE, KYC_BOT, ADVANCED_KYC_BOT, DEDUPLICATION, STATUS_ONLY, OPERATOR_ACCESS)),
    ENTERPRISE_MANAGED_DEDICATED(EnumSet.of(
            LIVE_MODE, KYC_BOT, ADVANCED_KYC_BOT, DEDUPLICATION, STATUS_ONLY, OPERATOR_ACCESS, SERVICE_REPORT));

    /** New live users a month a managed plan includes; more are served and flagged as overage. */
    public static final int MANAGED_MONTHLY_USERS = 1000;

    private final Set<Entitlement> entitlements;

    Plan(Set<Entitlement> entitlements) {
        this.entitlements = entitlements;
    }

    public boolean includes(Entitlement entitlement) {
        return entitlements.contains(entitlement);
    }

    public Set<Entitlement> entitlements() {
        return EnumSet.copyOf(entitlements.isEmpty() ? EnumSet.noneOf(Entitlement.class) : entitlements);
    }

    public boolean allowsLiveMode() {
        return includes(LIVE_MODE);
    }

    /** Whether new live users beyond {@link #MANAGED_MONTHLY_USERS} a month are overage. */
    public boolean metersOverage() {
        return includes(OPERATOR_ACCESS);
    }
}
