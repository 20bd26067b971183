package org.openkyc.hosted;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.flows.definition.StepSettings.Network;
import org.openkyc.hosted.wallet.WalletSignatures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages applicants sign to prove they control an address. Each carries the address, the network, a random
 * nonce and the time it was issued; a signature counts once, over the applicant's latest message, and not after
 * {@link #FRESH_FOR}.
 */
@Component
class WalletChallenges {

    static final Duration FRESH_FOR = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;

    WalletChallenges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How checking a signature ended. */
    enum Outcome {
        VERIFIED,
        BAD_SIGNATURE,
        STALE,
        NONE
    }

    record Verified(Outcome outcome, @Nullable Challenge challenge) {}

    @Transactional
    Challenge issue(ApplicantId applicant, Network network, String address) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String nonce = Tokens.random(16);
        String message = "OpenKYC: I control this address and ask for it to be verified.\n\nAddress: " + address
                + "\nNetwork: " + network.name() + "\nNonce: " + nonce + "\nIssued: " + now;
        jdbc.sql("""
                        INSERT INTO hosted_wallet_challenge (nonce, applicant_id, network, address, message, issued_at)
                        VALUES (:nonce, :applicant, :network, :address, :message, :now)
                        """)
                .param("nonce", nonce)
                .param("applicant", applicant.value())
                .param("network", network.name())
                .param("address", address)
                .param("message", message)
                .param("now", Timestamp.from(now))
                .update();
        return new Challenge(network, address, message, now.plus(FRESH_FOR));
    }

    /** The applicant's latest message, if it is still waiting for a signature. */
    @Nullable
    Challenge latest(ApplicantId applicant) {
        Row row = row(applicant);
        return row == null || row.usedAt() != null
                ? null
                : new Challenge(
                        Network.valueOf(row.network()),
                        row.address(),
                        row.message(),
                        row.issuedAt().plus(FRESH_FOR));
    }

    /** Checks a signature over the applicant's latest message; a good one uses the message up. */
    @Transactional
    Verified verify(ApplicantId applicant, String signature) {
        Row row = row(applicant);
        if (row == null || row.usedAt() != null) {
            return new Verified(Outcome.NONE, null);
        }
        Challenge challenge = new Challenge(
                Network.valueOf(row.network()),
                row.address(),
                row.message(),
                row.issuedAt().plus(FRESH_FOR));
        if (!clock.instant().isBefore(challenge.freshUntil())) {
            return new Verified(Outcome.STALE, challenge);
        }
        if (!WalletSignatures.verify(challenge.network(), challenge.address(), challenge.message(), signature)) {
            return new Verified(Outcome.BAD_SIGNATURE, challenge);
        }
        int used = jdbc.sql(
                        "UPDATE hosted_wallet_challenge SET used_at = :now WHERE nonce = :nonce AND used_at IS NULL")
                .param("now", Timestamp.from(clock.instant()))
                .param("nonce", row.nonce())
                .update();
        return new Verified(used == 1 ? Outcome.VERIFIED : Outcome.NONE, challenge);
    }

    private @Nullable Row row(ApplicantId applicant) {
        return jdbc.sql("""
                        SELECT nonce, network, address, message, issued_at, used_at FROM hosted_wallet_challenge
                        WHERE applicant_id = :applicant ORDER BY id DESC LIMIT 1 FOR UPDATE
                        """)
                .param("applicant", applicant.value())
                .query(Row.class)
                .optional()
                .orElse(null);
    }

    record Row(
            String nonce,
            String network,
            String address,
            String message,
            Instant issuedAt,
            @Nullable Instant usedAt) {}
}
