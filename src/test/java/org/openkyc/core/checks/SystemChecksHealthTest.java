package org.openkyc.core.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code /actuator/health/checks}: every check with its reason, while the root health stays UP and terse. */
class SystemChecksHealthTest extends IntegrationTest {

    @Test
    void theChecksGroupShowsEveryCheckAndTheRootHealthStaysUp() {
        Api.Response group = api().get("/actuator/health/checks");
        assertThat(group.status()).isEqualTo(200);
        JsonNode details = group.json().at("/components/systemChecks/details");
        for (String name : new String[] {"mrz-ocr", "text-ocr", "faces", "liveness", "ip-intelligence", "mail"}) {
            assertThat(details.at("/" + name + "/ready").asBoolean())
                    .as(name + ": " + details.get(name))
                    .isTrue();
        }
        assertThat(details.at("/mrz-ocr/compliance").asBoolean()).isTrue();
        assertThat(details.at("/mail/compliance").asBoolean()).isFalse();
        assertThat(details.at("/email-dns/ready").asBoolean())
                .as("the tests switch the mail domain check off")
                .isFalse();
        assertThat(details.at("/email-dns/reason").asString()).contains("openkyc.email.check-mx=false");
        assertThat(group.json().get("status").asString()).isEqualTo("NOT_READY");
        assertThat(details.get("complianceReady").asBoolean()).isTrue();

        JsonNode root = api().get("/actuator/health").json();
        assertThat(root.get("status").asString())
                .as("a check that cannot run leaves OpenKYC reachable")
                .isEqualTo("UP");
        assertThat(root.has("components")).as("the root shows no details").isFalse();
    }
}
