package org.openkyc.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openkyc.core.CompanyId;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class FlowApiTest extends IntegrationTest {

    @Autowired
    CompanyManagement companies;

    private static Map<String, Object> kyc(String name) {
        return Map.of(
                "name",
                name,
                "type",
                "REGULAR",
                "autoApproval",
                true,
                "countries",
                Map.of("excluded", List.of("KP", "IR")),
                "steps",
                List.of(
                        Map.of(
                                "type",
                                "DOCUMENT",
                                "config",
                                Map.of("minimumAge", 21, "captureWays", List.of("CAMERA"))),
                        Map.of("type", "LIVENESS", "config", Map.of("attempts", 5)),
                        Map.of(
                                "type",
                                "FACE_MATCH",
                                "config",
                                Map.of("sources", List.of("DOCUMENT_PHOTO", "LIVENESS")))));
    }

    /** A company on a paid plan: the flows here switch the KYC Bot on, which the free plan does not include. */
    private SignUps.Admin paid(String name) {
        SignUps.Admin admin = SignUps.signUp(api(), name);
        companies.changePlan(
                new CompanyId(UUID.fromString(
                        api().as(admin.token()).get("/api/v1/company").text("id"))),
                Plan.PAY_AS_YOU_GO);
        return admin;
    }

    @Test
    void aNewCompanyGetsADefaultFlowAndFlowsAreManagedAsCode() {
        SignUps.Admin admin = paid("Flows Ltd");
        Api owner = api().as(admin.token());
        JsonNode defaults = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/v1/flows").json(), list -> list.size() == 1);
        assertThat(defaults.get(0).get("default").asBoolean()).isTrue();

        Api.Response created = owner.post("/api/v1/flows", kyc("Exchange KYC"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode flow = created.json();
        assertThat(flow.get("version").asInt()).isEqualTo(1);
        assertThat(flow.get("mode").asString()).isEqualTo("TEST");
        assertThat(flow.get("steps").valueStream().map(s -> s.get("type").asString()))
                .containsExactly("INTRO", "DOCUMENT", "LIVENESS", "FACE_MATCH", "THANK_YOU");
        assertThat(flow.at("/steps/1/config/minimumAge").asInt()).isEqualTo(21);
        assertThat(flow.at("/steps/1/config/devices/0").asString())
                .as("defaults are filled in")
                .isEqualTo("MOBILE");
        assertThat(flow.at("/countries/excluded/1").asString()).isEqualTo("IR");
        String id = flow.get("id").asString();

        Map<String, Object> edited = new java.util.HashMap<>(kyc("Exchange KYC v2"));
        edited.put(
                "steps",
                List.of(
                        Map.of("type", "EMAIL"),
                        Map.of("type", "AML", "config", Map.of("ongoingMonitoring", true, "periodicity", "WEEKLY"))));
        Api.Response published = owner.put("/api/v1/flows/" + id, edited);
        assertThat(published.json().get("version").asInt()).isEqualTo(2);
        assertThat(owner.get("/api/v1/flows/" + id).json().get("name").asString())
                .isEqualTo("Exchange KYC v2");

        Api.Response invalid = owner.put(
                "/api/v1/flows/" + id,
                Map.of(
                        "name",
                        "Broken",
                        "steps",
                        List.of(Map.of("type", "LIVENESS", "config", Map.of("attempts", 9)))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/errors/0/field").asString()).isEqualTo("steps[0].config.attempts");
        assertThat(owner.get("/api/v1/flows/" + id).json().get("version").asInt())
                .as("nothing was lost")
                .isEqualTo(2);
    }

    @Test
    void draftsKeepUnfinishedEditsUntilPublished() {
        SignUps.Admin admin = paid("Drafts Ltd");
        Api owner = api().as(admin.token());
        String id = owner.post("/api/v1/flows", kyc("Draft me")).text("id");
        assertThat(owner.get("/api/v1/flows/" + id + "/draft").status()).isEqualTo(404);

        Map<String, Object> unfinished = Map.of(
                "name", "Draft me", "steps", List.of(Map.of("type", "LIVENESS", "config", Map.of("attempts", 9))));
        assertThat(owner.put("/api/v1/flows/" + id + "/draft", unfinished).status())
                .isEqualTo(204);
        assertThat(owner.get("/api/v1/flows/" + id).json().get("hasDraft").asBoolean())
                .isTrue();
        assertThat(owner.get("/api/v1/flows/" + id + "/draft")
                        .json()
                        .at("/steps/0/config/attempts")
                        .asInt())
                .isEqualTo(9);
        assertThat(owner.get("/api/v1/flows/" + id).json().get("version").asInt())
                .as("a draft publishes nothing")
                .isEqualTo(1);

        owner.put("/api/v1/flows/" + id, kyc("Draft me"));
        assertThat(owner.get("/api/v1/flows/" + id).json().get("hasDraft").asBoolean())
                .as("publishing ends the draft")
                .isFalse();
    }

    @Test
    void duplicatingIntoLiveModeNeedsLiveMode() {
        SignUps.Admin admin = paid("Duplicate Ltd");
        Api owner = api().as(admin.token());
        String id = owner.post("/api/v1/flows", kyc("Original")).text("id");
        companies.changePlan(
                new CompanyId(UUID.fromString(owner.get("/api/v1/company").text("id"))), Plan.FREE);
        assertThat(owner.post("/api/v1/flows/" + id + "/duplicate", Map.of("name", "Live copy", "mode", "live"))
                        .status())
                .isEqualTo(403);
        Api.Response testCopy =
                owner.post("/api/v1/flows/" + id + "/duplicate", Map.of("name", "Test copy", "mode", "test"));
        assertThat(testCopy.status()).isEqualTo(201);
        assertThat(testCopy.json().at("/steps/1/config/minimumAge").asInt()).isEqualTo(21);

        companies.changePlan(
                new CompanyId(UUID.fromString(owner.get("/api/v1/company").text("id"))), Plan.PAY_AS_YOU_GO);
        Api.Response liveCopy =
                owner.post("/api/v1/flows/" + id + "/duplicate", Map.of("name", "Live copy", "mode", "live"));
        assertThat(liveCopy.status()).isEqualTo(201);
        assertThat(liveCopy.text("mode")).isEqualTo("LIVE");
        String liveId = liveCopy.text("id");
        assertThat(owner.get("/api/v1/flows/" + liveId).status())
                .as("a live flow is not found in test mode")
                .isEqualTo(404);
        assertThat(owner.inMode("live")
                        .get("/api/v1/flows/" + liveId)
                        .json()
                        .get("name")
                        .asString())
                .isEqualTo("Live copy");
    }

    @Test
    void integratorsMayReadFlowsButNotChangeThem() {
        SignUps.Admin admin = paid("Reader Ltd");
        Api owner = api().as(admin.token());
        String appId = owner.get("/api/v1/applications").json().get(0).get("id").asString();
        String key = owner.get("/api/v1/applications/" + appId + "/keys").text("privateKey");
        String id = owner.post("/api/v1/flows", kyc("Readable")).text("id");
        assertThat(api().as(key).get("/api/v1/flows/" + id).status()).isEqualTo(200);
        assertThat(api().as(key).put("/api/v1/flows/" + id, kyc("Changed")).status())
                .isEqualTo(403);
    }

    @Test
    void aFlowKeepsItsTypeAndOnlyRegularFlowsBecomeTheDefault() {
        SignUps.Admin admin = SignUps.signUp(api(), "Types Ltd");
        Api owner = api().as(admin.token());
        String defaultFlow = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/v1/flows").json(), list -> list.size() == 1)
                .get(0)
                .get("id")
                .asString();
        assertThat(jdbcCount("SELECT count(*) FROM flow_version WHERE flow_id = '" + defaultFlow + "'"))
                .as("the default flow's first version is kept")
                .isEqualTo(1);
        Map<String, Object> onDemand =
                Map.of("name", "More", "type", "ON_DEMAND", "steps", List.of(Map.of("type", "EMAIL")));
        String more = owner.post("/api/v1/flows", onDemand).text("id");
        Api.Response retype = owner.put(
                "/api/v1/flows/" + more,
                Map.of("name", "More", "type", "REGULAR", "steps", List.of(Map.of("type", "EMAIL"))));
        assertThat(retype.status()).isEqualTo(400);
        assertThat(retype.json().at("/errors/0/code").asString()).isEqualTo("typeChange");

        companies.changePlan(
                new CompanyId(UUID.fromString(owner.get("/api/v1/company").text("id"))), Plan.PAY_AS_YOU_GO);
        String liveCopy = owner.post(
                        "/api/v1/flows/" + more + "/duplicate", Map.of("name", "More live", "mode", "live"))
                .text("id");
        assertThat(owner.inMode("live")
                        .get("/api/v1/flows/" + liveCopy)
                        .json()
                        .get("default")
                        .asBoolean())
                .as("an on-demand flow never becomes the default")
                .isFalse();
        owner.put("/api/v1/flows/" + more + "/draft", Map.of("name", "draft"));
        assertThat(owner.delete("/api/v1/flows/" + more + "/draft").status()).isEqualTo(204);
        assertThat(owner.get("/api/v1/flows/" + more).json().get("hasDraft").asBoolean())
                .isFalse();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long jdbcCount(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
