package org.openkyc.tenancy;

/** Where an invitation stands; only a pending one can be accepted. */
public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    EXPIRED,
    REVOKED
}
