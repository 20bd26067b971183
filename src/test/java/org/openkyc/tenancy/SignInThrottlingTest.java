package org.openkyc.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.test.context.TestPropertySource;

/** Failed sign-ins from one address are throttled across accounts, so guessing many accounts does not work. */
@TestPropertySource(properties = "openkyc.tenancy.max-failures-per-address=3")
class SignInThrottlingTest extends IntegrationTest {

    @Test
    void anAddressWithTooManyFailuresWaitsOutTheWindow() {
        Api api = api();
        SignUps.Admin admin = SignUps.signUp(api, "Throttle Ltd");
        for (String email : new String[] {"a@guess.test", "b@guess.test", "c@guess.test"}) {
            assertThat(api.post("/api/v1/auth/token", Map.of("email", email, "password", "guess-123456"))
                            .status())
                    .isEqualTo(401);
        }
        Api.Response throttled =
                api.post("/api/v1/auth/token", Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text("type")).endsWith("/sign-in-throttled");

        clock.advance(Duration.ofMinutes(16));
        assertThat(SignUps.token(api, admin.email(), SignUps.PASSWORD)).startsWith("ut_");
    }
}
