package org.openkyc.tenancy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Languages;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.UserId;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.core.crypto.Totp;
import org.openkyc.core.security.Sessions;
import org.openkyc.tenancy.OneTimeTokens.Purpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own account: sign-up, email verification, sign-in with lockout and throttling, password reset,
 * personal settings, the optional TOTP second factor and user tokens for the API.
 */
@Service
public class AccountManagement {

    private static final Duration RESEND_INTERVAL = Duration.ofMinutes(1);

    private final Registrations registrations;
    private final Members members;
    private final Roles roles;
    private final OneTimeTokens oneTimeTokens;
    private final TenancyMails mails;
    private final PasswordEncoder passwords;
    private final Secrets secrets;
    private final TenancySettings settings;
    private final JdbcClient jdbc;
    private final SignIns signIns;
    private final Sessions sessions;
    private final Clock clock;

    AccountManagement(
            Registrations registrations,
            Members members,
            Roles roles,
            OneTimeTokens oneTimeTokens,
            TenancyMails mails,
            PasswordEncoder passwords,
            Secrets secrets,
            TenancySettings settings,
            JdbcClient jdbc,
            SignIns signIns,
            Sessions sessions,
            Clock clock) {
        this.registrations = registrations;
        this.members = members;
        this.roles = roles;
        this.oneTimeTokens = oneTimeTokens;
        this.mails = mails;
        this.passwords = passwords;
        this.secrets = secrets;
        this.settings = settings;
        this.jdbc = jdbc;
        this.signIns = signIns;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Opens a company account; the administrator can sign in once the emailed link is opened. */
    @Transactional
    public UserId signUp(SignUp signUp, Locale locale) {
        String language = Languages.supported(locale);
        Member admin = registrations.register(signUp, Plan.FREE, MemberStatus.UNVERIFIED, language);
        String token =
                oneTimeTokens.issue(admin.id(), Purpose.VERIFY_EMAIL, settings.emailVerificationTtl(), clock.instant());
        mails.emailVerification(admin.email(), admin.fullName(), token, admin.locale());
        return admin.id();
    }

    /** Confirms an email address from the emailed link. */
    @Transactional
    public void verifyEmail(String token) {
        UserId userId = oneTimeTokens
                .consume(token, Purpose.VERIFY_EMAIL, clock.instant())
                .orElseThrow(() -> new NotFoundException("This verification link is invalid, used or expired."));
        Member member = members.findById(userId).orElseThrow();
        member.verifyEmail(clock.instant());
        members.save(member);
    }

    /**
     * Mails a new verification link if the address belongs to an unverified account; silent otherwise. At most
     * one link a minute goes to an address.
     */
    @Transactional
    public void resendVerification(String email) {
        members.findByEmail(email.strip())
                .filter(m -> m.status() == MemberStatus.UNVERIFIED)
                .filter(m -> !recentlySent(m, Purpose.VERIFY_EMAIL))
                .ifPresent(member -> {
                    String token = oneTimeTokens.issue(
                            member.id(), Purpose.VERIFY_EMAIL, settings.emailVerificationTtl(), clock.instant());
                    mails.emailVerification(member.email(), member.fullName(), token, member.locale());
                });
    }

    /**
     * Mails a reset link if the address belongs to an account; answers the same either way. At most one link a
     * minute goes to an address.
     */
    @Transactional
    public void requestPasswordReset(String email) {
        members.findByEmail(email.strip())
                .filter(m -> m.status() != MemberStatus.DEACTIVATED)
                .filter(m -> !recentlySent(m, Purpose.RESET_PASSWORD))
                .ifPresent(member -> {
                    String token = oneTimeTokens.issue(
                            member.id(), Purpose.RESET_PASSWORD, settings.passwordResetTtl(), clock.instant());
                    mails.passwordReset(member.email(), member.fullName(), token, member.locale());
                });
    }

    private boolean recentlySent(Member member, Purpose purpose) {
        return oneTimeTokens.issuedSince(member.id(), purpose, clock.instant().minus(RESEND_INTERVAL));
    }

    public boolean passwordResetValid(String token) {
        return oneTimeTokens.valid(token, Purpose.RESET_PASSWORD, clock.instant());
    }

    /** Sets a new password from an emailed link; it also lifts a lockout and confirms the email. */
    @Transactional
    public void resetPassword(String token, String newPassword) {
        Instant now = clock.instant();
        UserId userId = oneTimeTokens
                .consume(token, Purpose.RESET_PASSWORD, now)
                .orElseThrow(() -> new NotFoundException("This reset link is invalid, used or expired."));
        Member member = members.findById(userId).orElseThrow();
        PasswordPolicy.check(newPassword, member.email());
        member.changePassword(passwords.encode(newPassword), now);
        member.verifyEmail(now);
        members.save(member);
        jdbc.sql("DELETE FROM api_token WHERE member_id = :member")
                .param("member", userId.value())
                .update();
    }

    /** A user token for {@code POST /api/v1/auth/token}, under the same protections as the sign-in form. */
    public IssuedToken issueToken(String email, String password, @Nullable String code, String remoteAddress) {
        SignInOutcome outcome = signIns.check(email, password, code, remoteAddress);
        if (outcome.userId() == null) {
            throw new SignInFailedException(java.util.Objects.requireNonNull(outcome.refusal()));
        }
        String token = "ut_" + Tokens.random(32);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(settings.apiTokenTtl());
        jdbc.sql(
                        "INSERT INTO api_token (token_hash, member_id, expires_at, created_at) VALUES (:hash, :member, :expires, :now)")
                .param("hash", Tokens.fingerprint(token))
                .param("member", outcome.userId().value())
                .param("expires", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .update();
        return new IssuedToken(token, expiresAt);
    }

    /** The member a user token belongs to, if it is known and unexpired. */
    Optional<UserId> tokenOwner(String token) {
        return jdbc.sql("SELECT member_id FROM api_token WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", Tokens.fingerprint(token))
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional()
                .map(UserId::new);
    }

    public MemberView account(Actor actor) {
        Member member = me(actor);
        Role role = roles.findById(member.roleId()).orElseThrow();
        return member.view(role.view());
    }

    @Transactional
    public MemberView updateAccount(Actor actor, AccountDetails details) {
        Member member = me(actor);
        member.update(details, clock.instant());
        members.save(member);
        return account(actor);
    }

    /**
     * Changes the password. Every other session, every user token and every pending reset link of the person
     * stops working; {@code currentSession} stays signed in.
     */
    @Transactional
    public void changePassword(
            Actor actor, String currentPassword, String newPassword, @Nullable String currentSession) {
        Member member = me(actor);
        if (!passwords.matches(currentPassword, member.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "currentPasswordWrong", "is not your current password");
        }
        PasswordPolicy.check(newPassword, member.email());
        member.changePassword(passwords.encode(newPassword), clock.instant());
        members.save(member);
        revokeCredentials(member, currentSession);
    }

    private void revokeCredentials(Member member, @Nullable String keepSession) {
        jdbc.sql("DELETE FROM api_token WHERE member_id = :member")
                .param("member", member.id().value())
                .update();
        jdbc.sql("DELETE FROM one_time_token WHERE member_id = :member AND purpose = :purpose AND used_at IS NULL")
                .param("member", member.id().value())
                .param("purpose", Purpose.RESET_PASSWORD.name())
                .update();
        sessions.endAll(member.email(), keepSession);
    }

    /** Starts setting up a second factor; it is on only once {@link #confirmTotp} gets a right code. */
    @Transactional
    public TotpEnrolment startTotp(Actor actor) {
        Member member = me(actor);
        if (member.totpEnabled()) {
            throw new ConflictException("Two-step verification is already on; turn it off first to set up a new app.");
        }
        String secret = Totp.newSecret();
        member.startTotpEnrolment(secrets.seal(secret, Secrets.TOTP_SECRET), clock.instant());
        members.save(member);
        return new TotpEnrolment(secret, Totp.uri("OpenKYC", member.email(), secret));
    }

    @Transactional
    public void confirmTotp(Actor actor, String code) {
        Member member = me(actor);
        String sealed = member.totpSecretSealed();
        if (sealed == null || !Totp.verify(secrets.open(sealed, Secrets.TOTP_SECRET), code, clock.instant())) {
            throw InvalidInputException.of("code", "totpWrong", "does not match the authenticator app");
        }
        member.enableTotp(clock.instant());
        members.save(member);
    }

    @Transactional
    public void disableTotp(Actor actor, String currentPassword) {
        Member member = me(actor);
        if (!passwords.matches(currentPassword, member.passwordHash())) {
            throw InvalidInputException.of("currentPassword", "currentPasswordWrong", "is not your current password");
        }
        member.disableTotp(clock.instant());
        members.save(member);
    }

    private Member me(Actor actor) {
        // An operator working in a company's workplace is still themselves, a member of their own company.
        return (actor.operator()
                        ? members.findById(actor.requireUser())
                        : members.findByIdAndCompanyId(actor.requireUser(), actor.companyId()))
                .orElseThrow(() -> new NotFoundException("No such account."));
    }
}
