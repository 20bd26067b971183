package org.openkyc.tenancy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.UserId;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.core.crypto.Totp;
import org.openkyc.core.security.SignInRefusedException.Reason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks sign-in credentials for the form and for user tokens alike.
 *
 * <ul>
 *   <li>Every attempt costs one password hash, whether the email exists or not, and the hash runs outside any
 *       transaction, so slow hashing cannot starve the connection pool.
 *   <li>Wrong passwords are counted with an atomic update; {@code maxFailedSignIns} in a row lock the account.
 *       A locked account says so only to the right password, so guessing reveals nothing about who exists.
 *   <li>Failures are also counted per address; too many in the window refuse the address for every account.
 *   <li>A TOTP code is accepted once: the last accepted time step is remembered.
 * </ul>
 */
@Component
class SignIns {

    private final Members members;
    private final PasswordEncoder passwords;
    private final Secrets secrets;
    private final TenancySettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String decoyHash;

    SignIns(
            Members members,
            PasswordEncoder passwords,
            Secrets secrets,
            TenancySettings settings,
            JdbcClient jdbc,
            Clock clock) {
        this.members = members;
        this.passwords = passwords;
        this.secrets = secrets;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.decoyHash = passwords.encode(Tokens.random(16));
    }

    SignInOutcome check(String email, String password, @Nullable String code, String remoteAddress) {
        Instant now = clock.instant();
        if (failuresFrom(remoteAddress, now) >= settings.maxFailuresPerAddress()) {
            return SignInOutcome.refused(Reason.THROTTLED);
        }
        Optional<Member> found = members.findByEmail(email.strip());
        boolean passwordRight =
                passwords.matches(password, found.map(Member::passwordHash).orElse(decoyHash));
        if (found.isEmpty() || !passwordRight) {
            found.filter(member -> !member.lockedAt(now)).ifPresent(member -> countFailure(member.id(), now));
            recordFailure(remoteAddress, now);
            return SignInOutcome.refused(Reason.INVALID);
        }
        Member member = found.get();
        if (member.lockedAt(now)) {
            return SignInOutcome.refused(Reason.LOCKED);
        }
        if (member.status() == MemberStatus.UNVERIFIED) {
            return SignInOutcome.refused(Reason.UNVERIFIED);
        }
        if (member.status() == MemberStatus.DEACTIVATED) {
            return SignInOutcome.refused(Reason.INVALID);
        }
        if (member.totpEnabled()) {
            if (code == null) {
                return SignInOutcome.refused(Reason.SECOND_FACTOR_REQUIRED);
            }
            String secret = secrets.open(Objects.requireNonNull(member.totpSecretSealed()), Secrets.TOTP_SECRET);
            OptionalLong step = Totp.matchingStep(secret, code, now);
            if (step.isEmpty() || !claimStep(member.id(), step.getAsLong())) {
                countFailure(member.id(), now);
                recordFailure(remoteAddress, now);
                return SignInOutcome.refused(Reason.INVALID);
            }
        }
        jdbc.sql("UPDATE member SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now))
                .param("id", member.id().value())
                .update();
        return SignInOutcome.accepted(member.id());
    }

    /** Lifts a lock and forgets earlier failures, as after a password reset. */
    void clearFailures(UserId member) {
        jdbc.sql("UPDATE member SET failed_sign_ins = 0, locked_until = NULL WHERE id = :id")
                .param("id", member.value())
                .update();
    }

    private void countFailure(UserId member, Instant now) {
        jdbc.sql("""
                        UPDATE member SET
                          locked_until = CASE WHEN failed_sign_ins + 1 >= :max THEN :until ELSE locked_until END,
                          failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= :max THEN 0 ELSE failed_sign_ins + 1 END
                        WHERE id = :id
                        """)
                .param("max", settings.maxFailedSignIns())
                .param("until", Timestamp.from(now.plus(settings.lockout())))
                .param("id", member.value())
                .update();
    }

    private boolean claimStep(UserId member, long step) {
        return jdbc.sql("UPDATE member SET totp_last_step = :step"
                                + " WHERE id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)")
                        .param("step", step)
                        .param("id", member.value())
                        .update()
                == 1;
    }

    private void recordFailure(String remoteAddress, Instant now) {
        jdbc.sql("INSERT INTO sign_in_failure (remote_address, at) VALUES (:address, :at)")
                .param("address", remoteAddress)
                .param("at", Timestamp.from(now))
                .update();
    }

    private int failuresFrom(String remoteAddress, Instant now) {
        return jdbc.sql("SELECT count(*) FROM sign_in_failure WHERE remote_address = :address AND at > :since")
                .param("address", remoteAddress)
                .param("since", Timestamp.from(now.minus(settings.addressWindow())))
                .query(Integer.class)
                .single();
    }
}
