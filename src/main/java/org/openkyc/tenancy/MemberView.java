package org.openkyc.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.UserId;

/** A member as listed in My Team and the account page. */
public record MemberView(
        UserId id,
        String email,
        String fullName,
        String phone,
        String position,
        RoleId roleId,
        String roleName,
        MemberStatus status,
        String language,
        boolean totpEnabled,
        @Nullable Instant lastSignInAt,
        Instant createdAt) {}
