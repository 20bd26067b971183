package org.openkyc.tenancy;

import java.time.Instant;

/** An invitation as listed in My Team. */
public record InvitationView(
        InvitationId id,
        String email,
        RoleId roleId,
        String roleName,
        InvitationStatus status,
        Instant expiresAt,
        Instant createdAt) {}
