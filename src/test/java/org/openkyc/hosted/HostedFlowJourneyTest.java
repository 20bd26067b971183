package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.Browser;
import org.openkyc.support.Ethers;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;
import org.openkyc.support.TestReceiver;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * An applicant goes through a hosted flow on a phone-sized screen in their language: intro, email code read from
 * the real mail, thank-you and the redirect back to the integrator; they leave and resume; expired, revoked and
 * unknown links get a clear page.
 */
class HostedFlowJourneyTest extends IntegrationTest {

    private final TestReceiver integratorSite = new TestReceiver();
    private Api integrator;
    private Api owner;
    private String flowId;

    @BeforeEach
    void company() {
        owner = api().as(SignUps.signUp(
                        api(), "Hosted " + UUID.randomUUID().toString().substring(0, 6))
                .token());
        String applicationId =
                owner.get("/api/v1/applications").json().get(0).get("id").asString();
        owner.patch("/api/v1/applications/" + applicationId, Map.of("redirectUrl", integratorSite.url() + "/done"));
        integrator = api().as(owner.get("/api/v1/applications/" + applicationId + "/keys")
                .text("privateKey"));
        flowId = owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Contact and wallet",
                                "steps",
                                List.of(
                                        Map.of("type", "EMAIL", "config", Map.of("attempts", 3)),
                                        Map.of("type", "PHONE"),
                                        Map.of(
                                                "type",
                                                "CRYPTO_WALLET",
                                                "config",
                                                Map.of("networks", List.of("ETHEREUM"))))))
                .text("id");
    }

    @AfterEach
    void stop() {
        integratorSite.close();
    }

    @Test
    void anApplicantGoesThroughEmailPhoneAndWalletInFrenchLeavesResumesAndReturnsToTheIntegrator() {
        String id = applicant("hosted-" + UUID.randomUUID(), "fr");
        String link = link(id, 3600);
        String email = "client-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        try (Browser phone = new Browser(baseUrl())) {
            phone.driver().manage().window().setSize(new Dimension(390, 844));
            phone.open(link);
            assertThat(phone.text("h1")).isEqualTo("Vérifions votre identité");
            assertThat(phone.text(".progress")).isEqualTo("Étape 1 sur 5");
            phone.screenshot("20-hosted-intro");
            phone.click("#start");
            phone.find("#step-email");
            assertThat(state(id)).isEqualTo("INCOMPLETE");

            phone.type("#email", email);
            phone.click("#send-code");
            phone.find("#code");
            String code = TestMailServer.awaitCode(email, "code");

            phone.type("#code", code.equals("000000") ? "111111" : "000000");
            phone.click("#verify-code");
            assertThat(phone.text(".problem")).isEqualTo("Ce code est incorrect. Réessayez.");
            assertThat(phone.text(".hint")).isEqualTo("Essais restants : 2");
            phone.screenshot("21-hosted-email-code");
            phone.type("#code", code);
            phone.click("#verify-code");

            phone.find("#step-phone");
            phone.type("#phone", "+44 7400 654321");
            phone.click("#send-phone-code");
            phone.find("#phone-code");
            phone.open("/dev/mailbox");
            phone.find(".mail");
            String sms = phone.driver().findElements(By.cssSelector(".mail")).stream()
                    .map(WebElement::getText)
                    .filter(text -> text.contains("sms:+447400654321"))
                    .findFirst()
                    .orElseThrow();
            phone.open(link);
            phone.type("#phone-code", spacedCode(sms));
            phone.click("#verify-phone-code");

            phone.find("#step-wallet");
            String key = "0x" + "5a".repeat(32);
            String address = Ethers.sign(key, "x").get("address").asString();
            phone.type("#address", address);
            phone.click("#wallet-continue");
            String message = phone.find("#wallet-message").getDomProperty("value");
            phone.type("#signature", Ethers.sign(key, message).get("signature").asString());
            phone.screenshot("22-hosted-wallet");
            phone.click("#wallet-verify");
            phone.find("#step-thank-you");
        }
        JsonNode applicant = integrator.get("/api/v1/applicants/" + id).json();
        assertThat(applicant.get("steps").valueStream().map(s -> s.get("status").asString()))
                .containsExactly("PASSED", "PASSED", "PASSED");
        assertThat(applicant.get("email").asString()).isEqualTo(email);
        assertThat(applicant.get("phone").asString()).isEqualTo("+447400654321");

        try (Browser desktop = new Browser(baseUrl())) {
            desktop.open(link(id, 3600));
            assertThat(desktop.text("h1"))
                    .as("resumes where the applicant left")
                    .isEqualTo("Merci");
            desktop.click("#finish");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> desktop.driver().getCurrentUrl().startsWith(integratorSite.url() + "/done"));
        }
        assertThat(state(id)).isEqualTo("COMPLETED");
        assertThat(integrator
                        .get("/api/v1/applicants/" + id + "/timeline")
                        .json()
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .containsSubsequence(
                        "START", "EMAIL_VERIFIED", "PHONE_VERIFIED", "WALLET_VERIFIED", "SUBMIT", "CHECKS_PASSED");
    }

    @Test
    void anApplicantFromACountryTheFlowExcludesIsToldSoAndCannotStart() {
        String excluding = owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Not from NL",
                                "countries",
                                Map.of("excluded", List.of("NL")),
                                "steps",
                                List.of(Map.of("type", "EMAIL"))))
                .text("id");
        Api.Response created = integrator.post(
                "/api/v1/applicants",
                Map.of("externalUserId", "nl-" + UUID.randomUUID(), "flowId", excluding, "lang", "es"));
        String id = created.text("id");
        try (Browser browser = new Browser(baseUrl())) {
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand(
                    "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", "193.0.6.139")));
            browser.open(link(id, 3600));
            assertThat(browser.text("#blocked-country"))
                    .startsWith("Esta verificación no está disponible en Países Bajos");
            assertThat(browser.exists("#start")).isFalse();
            browser.screenshot("23-hosted-blocked-country");
        }
        assertThat(state(id)).isEqualTo("INIT");
    }

    @Test
    void aQrCodeHandsTheLinkToAPhone() throws Exception {
        String id = applicant("handoff-" + UUID.randomUUID(), "de");
        String link = link(id, 3600);
        Document page = new FormClient(baseUrl())
                .get(link.substring(baseUrl().length()))
                .document();
        String dataUri = page.selectFirst("#handoff-qr").attr("src");
        BufferedImage image = ImageIO.read(
                new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(
                        new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
                .getText();
        assertThat(decoded).isEqualTo(link + "?lang=de");
        assertThat(page.selectFirst("#handoff-link").attr("value")).isEqualTo(decoded);
        assertThat(page.selectFirst("script#hosted-forms").attr("data-token"))
                .as("the page's forms submit through /sdk/v1 with the token")
                .isEqualTo(link.substring(link.lastIndexOf('/') + 1));
        assertThat(page.selectFirst("form[action$=/start]").attr("data-api")).isEqualTo("/sdk/v1/start");
    }

    @Test
    void tooManyWrongCodesUseUpTheCode() {
        String id = applicant("tries-" + UUID.randomUUID(), "en");
        String link = link(id, 3600);
        try (Browser browser = new Browser(baseUrl())) {
            browser.open(link);
            browser.click("#start");
            browser.type("#email", "tries-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org");
            browser.click("#send-code");
            browser.awaitText(".hint", "Tries left: 3");
            for (int left = 2; left >= 1; left--) {
                browser.type("#code", "12345" + left);
                browser.click("#verify-code");
                browser.awaitText(".hint", "Tries left: " + left);
            }
            browser.type("#code", "123450");
            browser.click("#verify-code");
            browser.awaitText(".problem", "Too many wrong tries. Please ask for a new code.");
            assertThat(browser.exists("#code"))
                    .as("the used-up code cannot be tried again")
                    .isFalse();
        }
        assertThat(integrator
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .at("/steps/0/status")
                        .asString())
                .isEqualTo("NOT_STARTED");
    }

    @Test
    void expiredRevokedAndUnknownLinksExplainThemselves() {
        String id = applicant("closed-" + UUID.randomUUID(), "de");
        String shortLived = link(id, 60);
        String revoked = link(id, 3600);
        try (Browser browser = new Browser(baseUrl())) {
            clock.advance(Duration.ofMinutes(2));
            browser.open(shortLived);
            assertThat(browser.text("#closed-title")).isEqualTo("Dieser Link ist abgelaufen");

            assertThat(integrator.delete("/api/v1/applicants/" + id).status()).isEqualTo(202);
            browser.open(revoked);
            assertThat(browser.text("#closed-title")).isEqualTo("Dieser Link funktioniert nicht mehr");

            browser.open("/verify/at_" + "x".repeat(43));
            assertThat(browser.text("#closed-title")).isEqualTo("This link is not valid");
        }
        assertThat(api().get("/verify/at_" + "y".repeat(43)).status()).isEqualTo(404);
    }

    private String applicant(String externalUserId, String lang) {
        Api.Response created = integrator.post(
                "/api/v1/applicants", Map.of("externalUserId", externalUserId, "flowId", flowId, "lang", lang));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String link(String id, int seconds) {
        JsonNode link = integrator
                .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", seconds))
                .json();
        return link.get("url").asString();
    }

    private String state(String id) {
        return integrator.get("/api/v1/applicants/" + id).text("status");
    }

    private static String spacedCode(String sms) {
        Matcher matcher = Pattern.compile("(\\d) (\\d) (\\d) (\\d) (\\d) (\\d)").matcher(sms);
        assertThat(matcher.find()).as(sms).isTrue();
        return matcher.group().replace(" ", "");
    }
}
