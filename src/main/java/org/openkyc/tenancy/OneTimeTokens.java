package org.openkyc.tenancy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.openkyc.core.UserId;
import org.openkyc.core.crypto.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Single-use links sent by mail. Only their fingerprints are stored; using one consumes it. */
@Component
class OneTimeTokens {

    enum Purpose {
        VERIFY_EMAIL,
        RESET_PASSWORD
    }

    private final JdbcClient jdbc;

    OneTimeTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String issue(UserId member, Purpose purpose, Duration ttl, Instant now) {
        String token = Tokens.random(32);
        jdbc.sql("INSERT INTO one_time_token (token_hash, member_id, purpose, expires_at, created_at)"
                        + " VALUES (:hash, :member, :purpose, :expires, :now)")
                .param("hash", Tokens.fingerprint(token))
                .param("member", member.value())
                .param("purpose", purpose.name())
                .param("expires", Timestamp.from(now.plus(ttl)))
                .param("now", Timestamp.from(now))
                .update();
        return token;
    }

    /** Marks the token used and answers its member, if it exists, is unused, unexpired and for this purpose. */
    Optional<UserId> consume(String token, Purpose purpose, Instant now) {
        return jdbc.sql("UPDATE one_time_token SET used_at = :now WHERE token_hash = :hash AND purpose = :purpose"
                        + " AND used_at IS NULL AND expires_at > :now RETURNING member_id")
                .param("now", Timestamp.from(now))
                .param("hash", Tokens.fingerprint(token))
                .param("purpose", purpose.name())
                .query(UUID.class)
                .optional()
                .map(UserId::new);
    }

    /** Whether a link of this purpose was sent to the member after {@code since}, to throttle resending. */
    boolean issuedSince(UserId member, Purpose purpose, Instant since) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM one_time_token WHERE member_id = :member AND purpose = :purpose"
                        + " AND created_at > :since)")
                .param("member", member.value())
                .param("purpose", purpose.name())
                .param("since", Timestamp.from(since))
                .query(Boolean.class)
                .single();
    }

    /** Whether the token would be accepted, without using it (to show a form before it is submitted). */
    boolean valid(String token, Purpose purpose, Instant now) {
        return jdbc.sql("SELECT count(*) FROM one_time_token WHERE token_hash = :hash AND purpose = :purpose"
                                + " AND used_at IS NULL AND expires_at > :now")
                        .param("now", Timestamp.from(now))
                        .param("hash", Tokens.fingerprint(token))
                        .param("purpose", purpose.name())
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
