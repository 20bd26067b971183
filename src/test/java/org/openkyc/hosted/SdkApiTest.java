package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The hosted flow's API under {@code /sdk/v1}, authorised by the applicant's access token. */
class SdkApiTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private Api integrator;
    private String owner;
    private SignUps.Admin admin;
    private String flowId;

    @BeforeEach
    void company() {
        admin = SignUps.signUp(api(), "Sdk " + UUID.randomUUID().toString().substring(0, 6));
        owner = admin.token();
        String applicationId = api().as(owner)
                .get("/api/v1/applications")
                .json()
                .get(0)
                .get("id")
                .asString();
        api().as(owner)
                .patch("/api/v1/applications/" + applicationId, Map.of("redirectUrl", "https://shop.example/kyc-done"));
        integrator = api().as(api().as(owner)
                .get("/api/v1/applications/" + applicationId + "/keys")
                .text("privateKey"));
        flowId = api().as(owner)
                .post("/api/v1/flows", Map.of("name", "Email", "steps", List.of(Map.of("type", "EMAIL"))))
                .text("id");
    }

    @Test
    void anApplicantGoesThroughTheFlowByApiAndRepeatsAreHarmless() {
        String id = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "sdk-" + UUID.randomUUID(), "flowId", flowId))
                .text("id");
        Api sdk = api().as(token(id, 3600));

        JsonNode session = sdk.get("/sdk/v1/session").json();
        assertThat(session.get("step").asString()).isEqualTo("INTRO");
        assertThat(session.get("status").asString()).isEqualTo("INIT");
        assertThat(sdk.post("/sdk/v1/start", null).json().get("step").asString())
                .isEqualTo("EMAIL");
        assertThat(sdk.post("/sdk/v1/start", null).json().get("status").asString())
                .isEqualTo("INCOMPLETE");

        assertThat(sdk.post("/sdk/v1/email/code", Map.of("email", "not an address"))
                        .status())
                .isEqualTo(400);
        assertThat(sdk.post("/sdk/v1/email/code", Map.of("email", "someone@mailinator.com"))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .as("a throw-away mailbox")
                .isEqualTo("disposable");
        String email = "sdk-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
        Api.Response sent = sdk.post("/sdk/v1/email/code", Map.of("email", email));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        assertThat(sent.json().get("attemptsLeft").asInt()).isEqualTo(3);
        assertThat(sdk.post("/sdk/v1/email/code", Map.of("email", email)).status())
                .as("a new code only after a pause")
                .isEqualTo(429);
        String code = TestMailServer.awaitCode(email, "code");

        Api.Response wrong =
                sdk.post("/sdk/v1/email/verify", Map.of("code", code.equals("000000") ? "999999" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().at("/errors/0/code").asString()).isEqualTo("WRONG");
        JsonNode verified =
                sdk.post("/sdk/v1/email/verify", Map.of("code", code)).json();
        assertThat(verified.get("step").asString()).isEqualTo("THANK_YOU");
        assertThat(sdk.post("/sdk/v1/email/verify", Map.of("code", code)).status())
                .as("verifying again answers the same state")
                .isEqualTo(200);

        JsonNode finished = sdk.post("/sdk/v1/finish", null).json();
        assertThat(finished.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(finished.get("redirectUrl").asString()).isEqualTo("https://shop.example/kyc-done");
        assertThat(sdk.post("/sdk/v1/finish", null).json().get("status").asString())
                .isEqualTo("COMPLETED");
        assertThat(integrator
                        .get("/api/v1/applicants/" + id + "/timeline")
                        .json()
                        .valueStream()
                        .filter(e -> e.get("action").asString().equals("SUBMIT"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void finishingWithStepsLeftIsRefused() {
        String id = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "early-" + UUID.randomUUID(), "flowId", flowId))
                .text("id");
        Api sdk = api().as(token(id, 3600));
        sdk.post("/sdk/v1/start", null);
        assertThat(sdk.post("/sdk/v1/finish", null).status()).isEqualTo(409);
        assertThat(integrator.get("/api/v1/applicants/" + id).text("status")).isEqualTo("INCOMPLETE");
    }

    @Test
    void everySdkRouteRefusesAMissingUnknownExpiredOrRevokedToken() {
        String id = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "tokens-" + UUID.randomUUID(), "flowId", flowId))
                .text("id");
        String expiring = token(id, 60);
        String other = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "revoked-" + UUID.randomUUID(), "flowId", flowId))
                .text("id");
        String revoked = token(other, 3600);
        clock.advance(Duration.ofMinutes(2));
        integrator.delete("/api/v1/applicants/" + other);
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/sdk/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> routes.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(routes).contains("GET /sdk/v1/session", "POST /sdk/v1/finish");
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            Object body = method.equals("GET")
                    ? null
                    : Map.of("email", "x@example.org", "phone", "+447700900123", "code", "123456");
            for (Api caller : List.of(api(), api().as("at_" + "z".repeat(43)), api().as(expiring), api().as(revoked))) {
                Api.Response response = caller.send(method, path, body);
                assertThat(response.status()).as(route).isEqualTo(401);
                assertThat(response.contentType()).as(route).startsWith("application/problem+json");
            }
        }
        assertThat(api().as(expiring).get("/sdk/v1/session").text("detail")).contains("expired");
        assertThat(api().as(revoked).get("/sdk/v1/session").text("detail")).contains("revoked");
    }

    @Test
    void theCountryOfTheApplicantsAddressIsCheckedAtTheStart() {
        String limited = api().as(owner)
                .post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Not from NL",
                                "countries",
                                Map.of("excluded", List.of("NL")),
                                "steps",
                                List.of(Map.of("type", "EMAIL"))))
                .text("id");
        String blocked = applicantOn(limited);
        Api fromNetherlands = api().as(token(blocked, 3600)).header("X-Forwarded-For", "193.0.6.139");
        assertThat(fromNetherlands.get("/sdk/v1/session").text("blockedCountry"))
                .isEqualTo("NL");
        Api.Response refused = fromNetherlands.post("/sdk/v1/start", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("/country-not-allowed");
        assertThat(integrator.get("/api/v1/applicants/" + blocked).text("status"))
                .isEqualTo("INIT");

        String allowed = applicantOn(limited);
        Api fromUs = api().as(token(allowed, 3600)).header("X-Forwarded-For", "8.8.8.8");
        assertThat(fromUs.get("/sdk/v1/session").json().get("blockedCountry").isNull())
                .isTrue();
        assertThat(fromUs.post("/sdk/v1/start", null).text("status")).isEqualTo("INCOMPLETE");
        assertThat(integrator
                        .get("/api/v1/applicants/" + allowed + "/timeline")
                        .json()
                        .valueStream()
                        .filter(e -> e.get("action").asString().equals("START"))
                        .map(e -> e.at("/details/ipCountry").asString()))
                .containsExactly("US");
        JsonNode device = integrator.get("/api/v1/applicants/" + allowed).json().get("device");
        assertThat(device.get("ip").asString()).isEqualTo("8.8.8.8");
        assertThat(device.get("ipCountry").asString()).isEqualTo("US");
        FormClient workplace = FormClient.signedIn(baseUrl(), admin.email());
        Document profile = workplace.get("/applicants/" + allowed).document();
        assertThat(profile.selectFirst("#device").text()).contains("8.8.8.8 (US)");
        assertThat(profile.selectFirst("#ip-location").text()).isEqualTo("Mountain View, California, US");
        assertThat(profile.selectFirst("#ip-network").text()).startsWith("AS15169 · Google");
        assertThat(profile.selectFirst("#ip-flags").text()).isEqualTo("hosting / data centre");
        assertThat(profile.selectFirst("#ip-details").text()).contains("IP Geolocation by DB-IP");
        assertThat(device.at("/ipIntelligence/asn").asLong()).isEqualTo(15169L);
        assertThat(integrator
                        .get("/api/v1/applicants/" + allowed)
                        .json()
                        .at("/review/warnings/0/code")
                        .asString())
                .as("a data-centre address is flagged for the reviewer")
                .isEqualTo("IP_ANONYMISED");

        String unknown = applicantOn(limited);
        assertThat(api().as(token(unknown, 3600)).post("/sdk/v1/start", null).status())
                .isEqualTo(200);
        assertThat(integrator
                        .get("/api/v1/applicants/" + unknown)
                        .json()
                        .at("/review/warnings/0/code")
                        .asString())
                .as("from an address whose country cannot be told, a reviewer looks")
                .isEqualTo("IP_COUNTRY_UNKNOWN");
    }

    private String applicantOn(String flow) {
        return integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "c-" + UUID.randomUUID(), "flowId", flow))
                .text("id");
    }

    private String token(String applicantId, int seconds) {
        return integrator
                .post("/api/v1/applicants/" + applicantId + "/access-tokens", Map.of("ttlSeconds", seconds))
                .text("token");
    }
}
