package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The phone step through the hosted flow's API, with the local phone provider that writes to the dev mailbox. */
class PhoneVerificationTest extends IntegrationTest {

    private static final String MOBILE = "+44 7400 123456";

    @Autowired
    JdbcClient jdbc;

    private Api owner;
    private Api integrator;

    @BeforeEach
    void company() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Phones");
        owner = tenant.owner();
        integrator = tenant.integrator();
    }

    @Test
    void aMobileNumberIsConfirmedByTextAfterWrongTriesAndANewCode() {
        Api sdk = applicant(Map.of("attempts", 2, "hlr", true));
        assertThat(sdk.post("/sdk/v1/phone/code", Map.of("phone", "12345"))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("phone");
        assertThat(sdk.post("/sdk/v1/phone/code", Map.of("phone", "+44 20 7946 0000"))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .as("a fixed line cannot take an SMS")
                .isEqualTo("notMobile");
        assertThat(sdk.post("/sdk/v1/phone/code", Map.of("phone", "+44 909 879 0000"))
                        .status())
                .as("premium rate")
                .isEqualTo(400);

        Api.Response sent = sdk.post("/sdk/v1/phone/code", Map.of("phone", MOBILE));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        String e164 = MOBILE.replace(" ", "");
        assertThat(sent.text("sentTo")).isEqualTo(e164);
        String first = code("sms:" + e164);
        String wrong = first.equals("000000") ? "111111" : "000000";
        assertThat(sdk.post("/sdk/v1/phone/verify", Map.of("code", wrong))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("WRONG");
        assertThat(sdk.post("/sdk/v1/phone/verify", Map.of("code", wrong))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("NO_TRIES_LEFT");
        assertThat(sdk.post("/sdk/v1/phone/verify", Map.of("code", first))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .as("the right code no longer helps once the tries are used up")
                .isEqualTo("NO_TRIES_LEFT");

        clock.advance(Duration.ofSeconds(31));
        assertThat(sdk.post("/sdk/v1/phone/code", Map.of("phone", MOBILE)).status())
                .isEqualTo(202);
        String second = Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> code("sms:" + e164), code -> !code.equals(first) || count("sms:" + e164) == 2);
        Api.Response verified = sdk.post("/sdk/v1/phone/verify", Map.of("code", second));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("step").asString()).isEqualTo("THANK_YOU");

        String id = verified.text("applicantId");
        assertThat(integrator.get("/api/v1/applicants/" + id).text("phone")).isEqualTo(e164);
        assertThat(integrator
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .at("/steps/0/result")
                        .asString())
                .isEqualTo("verified by sms; MOBILE in GB; HLR unknown (numbering-plan)");
    }

    @Test
    void aVoiceCallAlsoReachesAFixedLine() {
        Api sdk = applicant(Map.of("channel", "CALL"));
        Api.Response sent = sdk.post("/sdk/v1/phone/code", Map.of("phone", "+44 20 7946 0018"));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        String message = latest("call:" + sent.text("sentTo"));
        assertThat(message).matches("Your verification code is \\d \\d \\d \\d \\d \\d\\. It works for 10 minutes\\.");
    }

    private Api applicant(Map<String, Object> phoneSettings) {
        String flow = owner.post(
                        "/api/v1/flows",
                        Map.of("name", "Phone", "steps", List.of(Map.of("type", "PHONE", "config", phoneSettings))))
                .text("id");
        Api.Response created = integrator.post(
                "/api/v1/applicants", Map.of("externalUserId", "phone-" + UUID.randomUUID(), "flowId", flow));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api sdk = api().as(integrator
                .post("/api/v1/applicants/" + created.text("id") + "/access-tokens", Map.of("ttlSeconds", 3600))
                .text("token"));
        sdk.post("/sdk/v1/start", null);
        return sdk;
    }

    private String code(String recipient) {
        Matcher matcher = Pattern.compile("(\\d) (\\d) (\\d) (\\d) (\\d) (\\d)").matcher(latest(recipient));
        assertThat(matcher.find()).isTrue();
        return matcher.group().replace(" ", "");
    }

    private String latest(String recipient) {
        return jdbc.sql("SELECT body FROM outgoing_mail WHERE recipient = :to AND status = 'LOGGED'"
                        + " ORDER BY created_at DESC LIMIT 1")
                .param("to", recipient)
                .query(String.class)
                .single();
    }

    private long count(String recipient) {
        return jdbc.sql("SELECT count(*) FROM outgoing_mail WHERE recipient = :to")
                .param("to", recipient)
                .query(Long.class)
                .single();
    }
}
