package org.openkyc.hosted;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.core.TooManyRequestsException;
import org.openkyc.core.crypto.KeyedHash;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.core.mail.Mail;
import org.openkyc.core.mail.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes that prove an applicant owns an email address: six digits, valid for ten minutes, a limited
 * number of tries each (the flow's setting), and a new code at most every 30 seconds and five times in 24 hours.
 * Only a keyed hash of a code is stored.
 */
@Component
class EmailCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration RESEND_AFTER = Duration.ofSeconds(30);
    static final int SENDS_PER_WINDOW = 5;
    static final Duration WINDOW = Duration.ofHours(24);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final MessageSource messages;
    private final KeyedHash hash;
    private final Clock clock;

    EmailCodes(JdbcClient jdbc, Mailer mailer, MessageSource messages, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.messages = messages;
        this.hash = secrets.keyedHash("hosted-email-code");
        this.clock = clock;
    }

    /** Sends a new code to {@code email}, replacing any earlier one. */
    @Transactional
    PendingCode send(ApplicantId applicant, String email, int attempts, Locale locale) {
        Instant now = clock.instant();
        Row row = row(applicant);
        int sends = 1;
        Instant windowStart = now;
        if (row != null) {
            if (now.isBefore(row.lastSentAt().plus(RESEND_AFTER))) {
                throw new TooManyRequestsException("A code was sent moments ago; wait before asking for another.");
            }
            if (now.isBefore(row.windowStartedAt().plus(WINDOW))) {
                windowStart = row.windowStartedAt();
                sends = row.sendsInWindow() + 1;
                if (sends > SENDS_PER_WINDOW) {
                    throw new TooManyRequestsException("Too many codes were sent today; try again tomorrow.");
                }
            }
        }
        String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
        jdbc.sql("""
                        INSERT INTO hosted_email_code (applicant_id, email, code_hash, expires_at, attempts_left,
                          sends_in_window, window_started_at, last_sent_at)
                        VALUES (:applicant, :email, :hash, :expires, :attempts, :sends, :window, :now)
                        ON CONFLICT (applicant_id) DO UPDATE SET email = :email, code_hash = :hash,
                          expires_at = :expires, attempts_left = :attempts, sends_in_window = :sends,
                          window_started_at = :window, last_sent_at = :now
                        """)
                .param("applicant", applicant.value())
                .param("email", email)
                .param("hash", hash.of(applicant.toString(), code))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .param("attempts", attempts)
                .param("sends", sends)
                .param("window", Timestamp.from(windowStart))
                .param("now", Timestamp.from(now))
                .update();
        mailer.send(new Mail(
                email,
                messages.getMessage("hosted.email.mailSubject", null, locale),
                messages.getMessage("hosted.email.mailBody", new Object[] {code, LIFETIME.toMinutes()}, locale)));
        return new PendingCode(email, now.plus(LIFETIME), attempts, now.plus(RESEND_AFTER));
    }

    /** Checks a code; a right one is used up, a wrong one costs a try. */
    @Transactional
    CodeCheck check(ApplicantId applicant, String code) {
        Row row = row(applicant);
        if (row == null) {
            return CodeCheck.NONE;
        }
        if (row.attemptsLeft() <= 0) {
            return CodeCheck.NO_TRIES_LEFT;
        }
        if (!clock.instant().isBefore(row.expiresAt())) {
            return CodeCheck.EXPIRED;
        }
        if (Tokens.constantTimeEquals(row.codeHash(), hash.of(applicant.toString(), code.strip()))) {
            jdbc.sql("UPDATE hosted_email_code SET attempts_left = 0, expires_at = :now WHERE applicant_id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", applicant.value())
                    .update();
            return CodeCheck.VERIFIED;
        }
        jdbc.sql("UPDATE hosted_email_code SET attempts_left = attempts_left - 1 WHERE applicant_id = :id")
                .param("id", applicant.value())
                .update();
        return row.attemptsLeft() - 1 <= 0 ? CodeCheck.NO_TRIES_LEFT : CodeCheck.WRONG;
    }

    /** The code waiting for the applicant, if one is still usable. */
    @Nullable
    PendingCode pending(ApplicantId applicant) {
        Row row = row(applicant);
        if (row == null || row.attemptsLeft() <= 0 || !clock.instant().isBefore(row.expiresAt())) {
            return null;
        }
        return new PendingCode(
                row.email(),
                row.expiresAt(),
                row.attemptsLeft(),
                row.lastSentAt().plus(RESEND_AFTER));
    }

    private @Nullable Row row(ApplicantId applicant) {
        return jdbc.sql("""
                        SELECT email, code_hash, expires_at, attempts_left, sends_in_window, window_started_at,
                          last_sent_at
                        FROM hosted_email_code WHERE applicant_id = :id FOR UPDATE
                        """)
                .param("id", applicant.value())
                .query(Row.class)
                .optional()
                .orElse(null);
    }

    record Row(
            String email,
            String codeHash,
            Instant expiresAt,
            int attemptsLeft,
            int sendsInWindow,
            Instant windowStartedAt,
            Instant lastSentAt) {}
}
