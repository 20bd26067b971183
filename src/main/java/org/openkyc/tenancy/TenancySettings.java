package org.openkyc.tenancy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in protection and the lifetimes of links and tokens.
 *
 * @param maxFailedSignIns wrong passwords in a row before an account locks
 * @param lockout how long a locked account stays locked
 * @param maxFailuresPerAddress failed sign-ins from one address within {@code addressWindow} before that
 *     address is refused
 * @param addressWindow the window for {@code maxFailuresPerAddress}
 * @param emailVerificationTtl how long an email verification link works
 * @param passwordResetTtl how long a password reset link works
 * @param invitationTtl how long an invitation can be accepted
 * @param apiTokenTtl how long a user token from {@code POST /api/v1/auth/token} works
 */
@ConfigurationProperties("openkyc.tenancy")
public record TenancySettings(
        @DefaultValue("5") int maxFailedSignIns,
        @DefaultValue("PT15M") Duration lockout,
        @DefaultValue("30") int maxFailuresPerAddress,
        @DefaultValue("PT15M") Duration addressWindow,
        @DefaultValue("P2D") Duration emailVerificationTtl,
        @DefaultValue("PT1H") Duration passwordResetTtl,
        @DefaultValue("P7D") Duration invitationTtl,
        @DefaultValue("PT12H") Duration apiTokenTtl) {}
