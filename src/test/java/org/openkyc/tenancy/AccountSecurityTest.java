package org.openkyc.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openkyc.core.crypto.Totp;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;

class AccountSecurityTest extends IntegrationTest {

    @Test
    void signUpNeedsTheEmailedLinkBeforeSignIn() {
        Api api = api();
        String email = "new-owner@verify.test";
        Api.Response created = api.post(
                "/api/v1/signup",
                Map.of(
                        "fullName", "Nia Owner",
                        "companyName", "Verify Ltd",
                        "phone", "+49 30 1234567",
                        "position", "CEO",
                        "email", email,
                        "password", SignUps.PASSWORD));
        assertThat(created.status()).isEqualTo(201);

        Api.Response early = api.post("/api/v1/auth/token", Map.of("email", email, "password", SignUps.PASSWORD));
        assertThat(early.status()).isEqualTo(401);
        assertThat(early.text("type")).endsWith("/sign-in-unverified");

        String link = TestMailServer.awaitLink(email, "Confirm", "/verify-email");
        String path = link.substring(link.indexOf("/verify-email"));
        assertThat(api.get(path).status()).isEqualTo(302);
        assertThat(SignUps.token(api, email, SignUps.PASSWORD)).startsWith("ut_");

        Api.Response again = api.get(path);
        assertThat(again.status()).as("a used link does not work twice").isEqualTo(200);
        assertThat(again.body()).contains("invalid, already used or expired");

        Api.Response duplicate = api.post(
                "/api/v1/signup",
                Map.of(
                        "fullName", "Someone Else",
                        "companyName", "Other Ltd",
                        "phone", "+49 30 1234567",
                        "position", "CEO",
                        "email", email.toUpperCase(),
                        "password", SignUps.PASSWORD));
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void weakPasswordsAreRefusedWithFieldErrors() {
        Api.Response response = api().post(
                        "/api/v1/signup",
                        Map.of(
                                "fullName", "Weak",
                                "companyName", "Weak Ltd",
                                "phone", "1",
                                "position", "CEO",
                                "email", "weak@weak.test",
                                "password", "short"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("passwordTooShort");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountForAWhile() {
        Api api = api();
        SignUps.Admin admin = SignUps.signUp(api, "Lockout Inc");
        for (int i = 1; i <= 5; i++) {
            Api.Response wrong =
                    api.post("/api/v1/auth/token", Map.of("email", admin.email(), "password", "wrong-password-" + i));
            assertThat(wrong.status()).as("a guess never learns about the lock").isEqualTo(401);
            assertThat(wrong.text("type")).endsWith("/sign-in-invalid");
        }

        Api.Response right =
                api.post("/api/v1/auth/token", Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(right.status())
                .as("even the right password waits out the lock")
                .isEqualTo(429);
        assertThat(right.text("type")).endsWith("/sign-in-locked");

        clock.advance(Duration.ofMinutes(16));
        assertThat(SignUps.token(api, admin.email(), SignUps.PASSWORD)).startsWith("ut_");
    }

    @Test
    void unknownEmailsAndWrongPasswordsLookAlike() {
        SignUps.Admin admin = SignUps.signUp(api(), "Alike Ltd");
        Api.Response unknown =
                api().post("/api/v1/auth/token", Map.of("email", "nobody@nowhere.test", "password", "whatever-123"));
        Api.Response wrong =
                api().post("/api/v1/auth/token", Map.of("email", admin.email(), "password", "whatever-123"));
        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(wrong.body());
    }

    @Test
    void patchingTheAccountChangesOnlyWhatIsSent() {
        SignUps.Admin admin = SignUps.signUp(api(), "Patch Ltd");
        Api owner = api().as(admin.token());
        Api.Response patched = owner.patch("/api/v1/account", Map.of("language", "de"));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.text("language")).isEqualTo("de");
        assertThat(patched.text("fullName")).isEqualTo("Ada Admin");
        assertThat(patched.text("position")).isEqualTo("Head of Compliance");
        assertThat(owner.patch("/api/v1/account", Map.of("language", "fr")).status())
                .isEqualTo(400);
        assertThat(owner.patch("/api/v1/account", Map.of("fullName", " ")).status())
                .isEqualTo(400);

        Api.Response company = owner.patch("/api/v1/company", Map.of("address", "1 Canal Street"));
        assertThat(company.status()).isEqualTo(200);
        assertThat(company.json().at("/details/address").asString()).isEqualTo("1 Canal Street");
        assertThat(company.json().at("/details/name").asString()).isEqualTo("Patch Ltd");
    }

    @Test
    void aSecondFactorIsAskedForOnceEnabled() {
        Api api = api();
        SignUps.Admin admin = SignUps.signUp(api, "Totp GmbH");
        Api.Response enrolment = api.as(admin.token()).post("/api/v1/account/totp", null);
        assertThat(enrolment.status()).isEqualTo(200);
        String secret = enrolment.text("secret");
        assertThat(enrolment.text("uri")).startsWith("otpauth://totp/OpenKYC:");

        // a code the authenticator would not show now (any fixed code is right once in a million)
        String wrong = java.util.stream.Stream.of("000000", "111111", "222222")
                .filter(c -> !Totp.verify(secret, c, clock.instant()))
                .findFirst()
                .orElseThrow();
        Api.Response wrongCode = api.as(admin.token()).post("/api/v1/account/totp/confirm", Map.of("code", wrong));
        assertThat(wrongCode.status()).isEqualTo(400);
        Api.Response confirmed = api.as(admin.token())
                .post("/api/v1/account/totp/confirm", Map.of("code", Totp.code(secret, clock.instant())));
        assertThat(confirmed.status()).isEqualTo(204);

        Api.Response withoutCode =
                api.post("/api/v1/auth/token", Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.text("type")).endsWith("/sign-in-second-factor-required");

        assertThat(api.as(admin.token()).post("/api/v1/account/totp", null).status())
                .as("setting up another app while one is on would switch the factor off")
                .isEqualTo(409);

        clock.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, clock.instant());
        Map<String, String> withCode = Map.of("email", admin.email(), "password", SignUps.PASSWORD, "code", code);
        assertThat(api.post("/api/v1/auth/token", withCode).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/auth/token", withCode).status())
                .as("a code works once")
                .isEqualTo(401);
    }
}
