package org.openkyc.tenancy;

/** What a plan switches on. */
public enum Entitlement {
    /** Live mode: real applicants. */
    LIVE_MODE,
    /** The KYC Bot approves completed applicants whose certificates are all CLEAR. */
    KYC_BOT,
    /** The Advanced KYC Bot decides CONSIDER certificates by the company's rules. */
    ADVANCED_KYC_BOT,
    /** Duplicate profiles are found and blocked. */
    DEDUPLICATION,
    /** The company may keep applicants' personal data out of its own sight (status-only KYC). */
    STATUS_ONLY,
    /** Platform operators may open the company's workplace to review for it. */
    OPERATOR_ACCESS,
    /** A weekly service report is mailed to the company's administrators. */
    SERVICE_REPORT
}
