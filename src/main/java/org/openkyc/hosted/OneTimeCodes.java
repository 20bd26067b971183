package org.openkyc.hosted;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.core.TooManyRequestsException;
import org.openkyc.core.crypto.KeyedHash;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.core.crypto.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes that prove an applicant owns an email address or a phone number: six digits, valid for ten
 * minutes, a limited number of tries each (the flow's setting), a new code at most every 30 seconds and five times in
 * 24 hours per channel. Only a keyed hash of a code is stored.
 */
@Component
class OneTimeCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final Duration RESEND_AFTER = Duration.ofSeconds(30);
    static final int SENDS_PER_WINDOW = 5;
    static final Duration WINDOW = Duration.ofHours(24);

    /** Where a code goes. */
    enum Channel {
        EMAIL,
        PHONE
    }

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final KeyedHash hash;
    private final Clock clock;

    OneTimeCodes(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.hash = secrets.keyedHash("hosted-one-time-code");
        this.clock = clock;
    }

    /**
     * Makes a new code for {@code sentTo}, replacing any earlier one of the channel, and hands it to
     * {@code deliver} inside the transaction: a delivery that fails leaves no code behind.
     */
    @Transactional
    PendingCode send(ApplicantId applicant, Channel channel, String sentTo, int attempts, Consumer<String> deliver) {
        Instant now = clock.instant();
        Row row = row(applicant, channel);
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
                        INSERT INTO hosted_code (applicant_id, channel, sent_to, code_hash, expires_at, attempts_left,
                          sends_in_window, window_started_at, last_sent_at)
                        VALUES (:applicant, :channel, :sentTo, :hash, :expires, :attempts, :sends, :window, :now)
                        ON CONFLICT (applicant_id, channel) DO UPDATE SET sent_to = :sentTo, code_hash = :hash,
                          expires_at = :expires, attempts_left = :attempts, sends_in_window = :sends,
                          window_started_at = :window, last_sent_at = :now
                        """)
                .param("applicant", applicant.value())
                .param("channel", channel.name())
                .param("sentTo", sentTo)
                .param("hash", hashOf(applicant, channel, code))
                .param("expires", Timestamp.from(now.plus(LIFETIME)))
                .param("attempts", attempts)
                .param("sends", sends)
                .param("window", Timestamp.from(windowStart))
                .param("now", Timestamp.from(now))
                .update();
        deliver.accept(code);
        return new PendingCode(sentTo, now.plus(LIFETIME), attempts, now.plus(RESEND_AFTER));
    }

    /** Checks a code; a right one is used up, a wrong one costs a try. */
    @Transactional
    CodeCheck check(ApplicantId applicant, Channel channel, String code) {
        Row row = row(applicant, channel);
        if (row == null) {
            return CodeCheck.NONE;
        }
        if (row.attemptsLeft() <= 0) {
            return CodeCheck.NO_TRIES_LEFT;
        }
        if (!clock.instant().isBefore(row.expiresAt())) {
            return CodeCheck.EXPIRED;
        }
        if (Tokens.constantTimeEquals(row.codeHash(), hashOf(applicant, channel, code.strip()))) {
            jdbc.sql("UPDATE hosted_code SET attempts_left = 0, expires_at = :now"
                            + " WHERE applicant_id = :id AND channel = :channel")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", applicant.value())
                    .param("channel", channel.name())
                    .update();
            return CodeCheck.VERIFIED;
        }
        jdbc.sql(
                        "UPDATE hosted_code SET attempts_left = attempts_left - 1 WHERE applicant_id = :id AND channel = :channel")
                .param("id", applicant.value())
                .param("channel", channel.name())
                .update();
        return row.attemptsLeft() - 1 <= 0 ? CodeCheck.NO_TRIES_LEFT : CodeCheck.WRONG;
    }

    /** The code waiting for the applicant on this channel, if one is still usable. */
    @Nullable
    PendingCode pending(ApplicantId applicant, Channel channel) {
        Row row = row(applicant, channel);
        if (row == null || row.attemptsLeft() <= 0 || !clock.instant().isBefore(row.expiresAt())) {
            return null;
        }
        return new PendingCode(
                row.sentTo(),
                row.expiresAt(),
                row.attemptsLeft(),
                row.lastSentAt().plus(RESEND_AFTER));
    }

    private String hashOf(ApplicantId applicant, Channel channel, String code) {
        return hash.of(applicant.toString(), channel.name(), code);
    }

    private @Nullable Row row(ApplicantId applicant, Channel channel) {
        return jdbc.sql("""
                        SELECT sent_to, code_hash, expires_at, attempts_left, sends_in_window, window_started_at,
                          last_sent_at
                        FROM hosted_code WHERE applicant_id = :id AND channel = :channel FOR UPDATE
                        """)
                .param("id", applicant.value())
                .param("channel", channel.name())
                .query(Row.class)
                .optional()
                .orElse(null);
    }

    record Row(
            String sentTo,
            String codeHash,
            Instant expiresAt,
            int attemptsLeft,
            int sendsInWindow,
            Instant windowStartedAt,
            Instant lastSentAt) {}
}
