package org.openkyc.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openkyc.core.crypto.Totp;
import org.openkyc.support.FormClient;
import org.openkyc.support.FormClient.Page;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;

class WorkplaceFormsTest extends IntegrationTest {

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        SignUps.Admin admin = SignUps.signUp(api(), "Csrf Corp");
        FormClient browser = new FormClient(baseUrl());

        Page forged = browser.post("/signin", Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(forged.status()).isEqualTo(403);

        Page signIn = browser.get("/signin");
        Page signedIn = browser.submit(signIn, Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.location()).doesNotContain("error");

        Page company = browser.get("/company");
        assertThat(company.status()).isEqualTo(200);
        Page forgedEdit = browser.post(
                "/company",
                Map.of("name", "Hijacked", "email", "", "address", "", "phone", "", "contact", "", "info", ""));
        assertThat(forgedEdit.status()).isEqualTo(403);
        assertThat(browser.get("/company").html()).doesNotContain("Hijacked");

        Page edited = browser.submit(
                company,
                Map.of(
                        "name",
                        "Csrf Corp Renamed",
                        "email",
                        "",
                        "address",
                        "1 Main St",
                        "phone",
                        "",
                        "contact",
                        "",
                        "info",
                        ""));
        assertThat(edited.status()).isEqualTo(302);
        assertThat(browser.get("/company").html()).contains("Csrf Corp Renamed");

        Page forgedSignOut = browser.post("/signout", Map.of());
        assertThat(forgedSignOut.status()).isEqualTo(403);
        assertThat(browser.get("/company").status()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aForgottenPasswordIsResetThroughTheEmailedLink() {
        SignUps.Admin admin = SignUps.signUp(api(), "Forgetful AG");
        FormClient browser = new FormClient(baseUrl());
        Page forgot = browser.get("/forgot-password");
        assertThat(browser.submit(forgot, Map.of("email", admin.email())).status())
                .isEqualTo(200);

        String link = TestMailServer.awaitLink(admin.email(), "Reset", "/reset-password");
        Page reset = browser.get(link.substring(link.indexOf("/reset-password")));
        assertThat(reset.status()).isEqualTo(200);
        Page weak = browser.submit(
                reset,
                Map.of(
                        "token",
                        reset.document().selectFirst("input[name=token]").attr("value"),
                        "password",
                        "short"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.html()).contains("at least 10 characters");

        Page german = browser.get(link.substring(link.indexOf("/reset-password")) + "&lang=de");
        assertThat(german.html()).contains("Neues Passwort wählen");
        assertThat(german.document().select("form.language input[type=hidden][name=token]"))
                .as("switching language keeps the link's token")
                .hasSize(1);

        String newPassword = "N3w-and-l0nger-secret";
        Page done = browser.submit(
                weak,
                Map.of(
                        "token",
                        weak.document().selectFirst("input[name=token]").attr("value"),
                        "password",
                        newPassword));
        assertThat(done.location()).endsWith("/signin?reset");

        assertThat(api().post("/api/v1/auth/token", Map.of("email", admin.email(), "password", SignUps.PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(SignUps.token(api(), admin.email(), newPassword)).startsWith("ut_");
        assertThat(browser.get(link.substring(link.indexOf("/reset-password")) + "&lang=en")
                        .html())
                .as("the link works once")
                .contains("invalid, already used or expired");
    }

    @Test
    void theSignInFormLocksAnAccountAfterRepeatedFailures() {
        SignUps.Admin admin = SignUps.signUp(api(), "Form Lockout Ltd");
        FormClient browser = new FormClient(baseUrl());
        for (int attempt = 1; attempt <= 5; attempt++) {
            Page refused = browser.submit(
                    browser.get("/signin"), Map.of("email", admin.email(), "password", "not-it-" + attempt));
            assertThat(refused.location()).endsWith("/signin?error=invalid");
        }
        Page locked =
                browser.submit(browser.get("/signin"), Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(locked.location()).endsWith("/signin?error=locked");
        assertThat(browser.get("/signin?error=locked").html()).contains("this account is locked for a while");
        assertThat(browser.get("/company").status()).as("not signed in").isEqualTo(302);

        clock.advance(java.time.Duration.ofMinutes(15).plusSeconds(1));
        Page signedIn =
                browser.submit(browser.get("/signin"), Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(signedIn.location())
                .as("back to the page that asked for sign-in")
                .endsWith("/company?continue");
        assertThat(browser.get("/company").status()).isEqualTo(200);
    }

    @Test
    void theSignInFormAsksForTheSecondFactorOnceItIsOn() {
        SignUps.Admin admin = SignUps.signUp(api(), "Form Totp Ltd");
        String secret =
                api().as(admin.token()).post("/api/v1/account/totp", null).text("secret");
        api().as(admin.token())
                .post("/api/v1/account/totp/confirm", Map.of("code", Totp.code(secret, clock.instant())));

        FormClient browser = new FormClient(baseUrl());
        Page asked =
                browser.submit(browser.get("/signin"), Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(asked.location()).endsWith("/signin?code");
        Page codeForm = browser.get("/signin?code");
        assertThat(codeForm.document().select("main form:not(.language) input[name=code]"))
                .hasSize(1);
        assertThat(codeForm.document().selectFirst("input[name=email]").attr("value"))
                .isEqualTo(admin.email());

        Page wrong = browser.submit(
                codeForm, Map.of("email", admin.email(), "password", SignUps.PASSWORD, "code", "000000"));
        assertThat(wrong.location()).endsWith("/signin?error=invalid");
        Page signedIn = browser.submit(
                browser.get("/signin?code"),
                Map.of(
                        "email",
                        admin.email(),
                        "password",
                        SignUps.PASSWORD,
                        "code",
                        Totp.code(secret, clock.instant())));
        assertThat(signedIn.location()).doesNotContain("signin");
        assertThat(browser.get("/company").status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndToken() {
        SignUps.Admin admin = SignUps.signUp(api(), "Many Devices Ltd");
        FormClient laptop = new FormClient(baseUrl());
        FormClient phone = new FormClient(baseUrl());
        for (FormClient device : List.of(laptop, phone)) {
            device.submit(device.get("/signin"), Map.of("email", admin.email(), "password", SignUps.PASSWORD));
            assertThat(device.get("/company").status()).isEqualTo(200);
        }
        Page account = laptop.get("/account");
        Page changed = laptop.post(
                "/account/password",
                Map.of(
                        "_csrf",
                        account.csrf(),
                        "currentPassword",
                        SignUps.PASSWORD,
                        "newPassword",
                        "An0ther-l0ng-secret"));
        assertThat(changed.location()).endsWith("/account");
        assertThat(laptop.get("/company").status()).as("this session stays").isEqualTo(200);
        assertThat(phone.get("/company").status()).as("the other session ends").isEqualTo(302);
        assertThat(api().as(admin.token()).get("/api/v1/account").status()).isEqualTo(401);
    }

    @Test
    void anUnverifiedAccountCanAskForANewLinkFromTheSignInPage() {
        String email = "late-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@resend.test";
        api().post(
                        "/api/v1/signup",
                        Map.of(
                                "fullName", "Lou Late",
                                "companyName", "Resend Ltd",
                                "phone", "+1 555 0100",
                                "position", "Owner",
                                "email", email,
                                "password", SignUps.PASSWORD));
        TestMailServer.awaitLink(email, "Confirm", "/verify-email");
        FormClient browser = new FormClient(baseUrl());
        Page refused = browser.submit(browser.get("/signin"), Map.of("email", email, "password", SignUps.PASSWORD));
        assertThat(refused.location()).endsWith("/signin?error=unverified");
        Page signIn = browser.get("/signin?error=unverified");
        Page resent = browser.post("/signup/resend", Map.of("_csrf", signIn.csrf(), "email", email));
        assertThat(resent.location()).endsWith("/signin?resent");
        clock.advance(java.time.Duration.ofMinutes(2));
        Page again = browser.post("/signup/resend", Map.of("_csrf", signIn.csrf(), "email", email));
        assertThat(again.location()).endsWith("/signin?resent");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> TestMailServer.count(email) >= 2);
    }
}
