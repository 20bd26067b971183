package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.Browser;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The web SDK on an integrator's page of another origin: it mounts the hosted flow in an iframe and reports every
 * step to the page's callbacks, in order; messages from anywhere but OpenKYC's own iframe are ignored.
 */
class WebSdkJourneyTest extends IntegrationTest {

    private HttpServer integratorSite;
    private volatile String page = "";
    private Api integrator;
    private String flowId;

    @BeforeEach
    void setUp() throws IOException {
        integratorSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        integratorSite.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        integratorSite.start();
        Api owner = api().as(SignUps.signUp(
                        api(), "Sdk page " + UUID.randomUUID().toString().substring(0, 6))
                .token());
        String applicationId =
                owner.get("/api/v1/applications").json().get(0).get("id").asString();
        integrator = api().as(owner.get("/api/v1/applications/" + applicationId + "/keys")
                .text("privateKey"));
        flowId = owner.post("/api/v1/flows", Map.of("name", "Email", "steps", List.of(Map.of("type", "EMAIL"))))
                .text("id");
    }

    @AfterEach
    void stop() {
        integratorSite.stop(0);
    }

    @Test
    void everyCallbackArrivesInOrderAndForgedMessagesAreIgnored() {
        String externalUserId = "sdk-page-" + UUID.randomUUID().toString().substring(0, 8);
        String id = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", externalUserId, "flowId", flowId))
                .text("id");
        String token = integrator
                .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 3600))
                .text("token");
        // The integrator's page is served from 127.0.0.1, OpenKYC from localhost: two origins.
        page = """
                <!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body>
                <div id="kyc"></div>
                <script src="%s/sdk/openkyc.js"></script>
                <script>
                  window.events = [];
                  const record = (name) => (d) => window.events.push(
                      name + ":" + (d.stepType || d.error || "") + ":" + d.externalUserId + ":" + d.appKey.slice(0, 3));
                  window.kyc = OpenKyc.init({ accessToken: "%s", container: "#kyc", lang: "en",
                      onLoad: record("load"), onStart: record("start"), onRestart: record("restart"),
                      onPassStep: record("pass"), onComplete: record("complete"), onError: record("error") });
                </script></body></html>
                """.formatted(baseUrl(), token);
        String email = "sdk-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        try (Browser browser = new Browser(baseUrl())) {
            browser.open("http://127.0.0.1:" + integratorSite.getAddress().getPort() + "/");
            awaitEvents(browser, 1);
            browser.driver().switchTo().frame(browser.find("#kyc iframe"));
            browser.click("#start");
            browser.find("#step-email");
            browser.type("#email", email);
            browser.click("#send-code");
            browser.find("#code");
            String code = TestMailServer.awaitCode(email, "code");
            browser.type("#code", code.equals("000000") ? "111111" : "000000");
            browser.click("#verify-code");
            browser.find(".problem");
            browser.type("#code", code);
            browser.click("#verify-code");
            browser.click("#finish");
            browser.find("#step-thank-you");
            browser.driver().switchTo().defaultContent();
            awaitEvents(browser, 5);

            ((JavascriptExecutor) browser.driver())
                    .executeScript("window.postMessage({source: 'openkyc', state: {status: 'COMPLETED', finished: true,"
                            + " passedSteps: ['PHONE'], stepType: 'THANK_YOU', externalUserId: 'forged',"
                            + " appKey: 'pk_forged', error: 'forged'}}, '*');"
                            + " window.frames[0].postMessage('ignored', '*');");
            ((JavascriptExecutor) browser.driver()).executeScript("window.kyc.restart();");
            awaitEvents(browser, 6);
            assertThat(events(browser))
                    .containsExactly(
                            "load:INTRO:" + externalUserId + ":pk_",
                            "start::" + externalUserId + ":pk_",
                            "error:hosted.code.WRONG:" + externalUserId + ":pk_",
                            "pass:EMAIL:" + externalUserId + ":pk_",
                            "complete::" + externalUserId + ":pk_",
                            "restart:THANK_YOU:" + externalUserId + ":pk_");
            browser.screenshot("24-sdk-embedded");
        }
        assertThat(integrator.get("/api/v1/applicants/" + id).text("status")).isEqualTo("COMPLETED");
    }

    @SuppressWarnings("unchecked")
    private static List<String> events(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("return window.events;");
    }

    private static void awaitEvents(Browser browser, int count) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> events(browser).size() >= count);
    }
}
