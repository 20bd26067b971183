package org.openkyc.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {

    /** RFC 6238, appendix B: the SHA-1 secret is the ASCII of "12345678901234567890". */
    private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @Test
    void matchesTheRfcTestVectors() {
        assertThat(Totp.code(Totp.base32Decode(RFC_SECRET), 59 / 30, 8)).isEqualTo("94287082");
        assertThat(Totp.code(Totp.base32Decode(RFC_SECRET), 1111111109L / 30, 8))
                .isEqualTo("07081804");
        assertThat(Totp.code(Totp.base32Decode(RFC_SECRET), 1234567890L / 30, 8))
                .isEqualTo("89005924");
        assertThat(Totp.code(Totp.base32Decode(RFC_SECRET), 20000000000L / 30, 8))
                .isEqualTo("65353130");
    }

    @Test
    void base32RoundTrips() {
        assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        byte[] random = Tokens.randomBytes(20);
        assertThat(Totp.base32Decode(Totp.base32(random))).isEqualTo(random);
    }

    @Test
    void acceptsOneStepOfDriftAndNoMore() {
        String secret = Totp.newSecret();
        Instant now = Instant.parse("2026-11-22T10:00:15Z");
        assertThat(Totp.verify(secret, Totp.code(secret, now), now)).isTrue();
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(30)), now))
                .isTrue();
        assertThat(Totp.verify(secret, Totp.code(secret, now.plusSeconds(30)), now))
                .isTrue();
        assertThat(Totp.verify(secret, Totp.code(secret, now.minusSeconds(90)), now))
                .isFalse();
        assertThat(Totp.verify(secret, "12345", now)).isFalse();
        assertThat(Totp.verify(secret, "abcdef", now)).isFalse();
    }
}
