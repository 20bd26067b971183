package org.openkyc.tenancy;

/** Where a person's account stands. Only active members can sign in. */
public enum MemberStatus {
    /** Signed up, email not yet confirmed. */
    UNVERIFIED,
    ACTIVE,
    /** Switched off by an administrator; keeps its history, cannot sign in. */
    DEACTIVATED
}
