package org.openkyc.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openkyc.core.CompanyId;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class KeysTest extends IntegrationTest {

    @Autowired
    CompanyManagement companies;

    @Test
    void rotatingAKeyInvalidatesTheOldOneAtOnce() {
        SignUps.Admin admin = SignUps.signUp(api(), "Rotation Ltd");
        Api api = api().as(admin.token());
        String appId = api.get("/api/v1/applications").json().get(0).get("id").asString();
        Api.Response keys = api.get("/api/v1/applications/" + appId + "/keys");
        String oldKey = keys.text("privateKey");
        assertThat(oldKey).startsWith("sk_test_");
        assertThat(api().as(oldKey).get("/api/v1/applications/current").text("id"))
                .isEqualTo(appId);

        Api.Response rotated = api.post("/api/v1/applications/" + appId + "/keys/private-key/rotate", null);
        String newKey = rotated.text("privateKey");
        assertThat(newKey).startsWith("sk_test_").isNotEqualTo(oldKey);
        assertThat(rotated.text("cryptoKey")).as("other keys stay").isEqualTo(keys.text("cryptoKey"));
        assertThat(api().as(oldKey).get("/api/v1/applications/current").status())
                .isEqualTo(401);
        assertThat(api().as(newKey).get("/api/v1/applications/current").status())
                .isEqualTo(200);

        for (String key : List.of("app-key", "crypto-key", "webhook-secret")) {
            Api.Response after = api.post("/api/v1/applications/" + appId + "/keys/" + key + "/rotate", null);
            String field = switch (key) {
                case "app-key" -> "appKey";
                case "crypto-key" -> "cryptoKey";
                default -> "webhookSecret";
            };
            assertThat(after.text(field)).isNotEqualTo(keys.text(field));
        }
        assertThat(java.util.Base64.getDecoder()
                        .decode(api.get("/api/v1/applications/" + appId + "/keys")
                                .text("cryptoKey")))
                .hasSize(32);
    }

    @Test
    void privateClientKeysActForTheDefaultApplicationOfTheirMode() {
        SignUps.Admin admin = SignUps.signUp(api(), "Client Keys Ltd");
        Api api = api().as(admin.token());
        Api.Response keys = api.get("/api/v1/company/keys");
        String testKey = keys.text("privateClientTestKey");
        assertThat(testKey).startsWith("ck_test_");
        assertThat(keys.json().get("privateClientKey").isNull())
                .as("no live key on the free plan")
                .isTrue();
        assertThat(api.post("/api/v1/company/keys/live/rotate", null).status()).isEqualTo(403);
        assertThat(api().as(testKey)
                        .get("/api/v1/applications/current")
                        .json()
                        .get("default")
                        .asBoolean())
                .isTrue();

        String rotated = api.post("/api/v1/company/keys/test/rotate", null).text("privateClientTestKey");
        assertThat(api().as(testKey).get("/api/v1/applications/current").status())
                .isEqualTo(401);
        assertThat(api().as(rotated).get("/api/v1/applications/current").status())
                .isEqualTo(200);

        companies.changePlan(
                new CompanyId(UUID.fromString(api.get("/api/v1/company").text("id"))), Plan.PAY_AS_YOU_GO);
        String liveKey = api.get("/api/v1/company/keys").text("privateClientKey");
        assertThat(liveKey).startsWith("ck_live_");
        assertThat(api().as(liveKey).get("/api/v1/applications/current").status())
                .as("the live key answers nothing while no live application exists")
                .isEqualTo(401);
        String liveApp = api.inMode("live")
                .post("/api/v1/applications", Map.of("name", "Live"))
                .text("id");
        assertThat(api().as(liveKey).get("/api/v1/applications/current").text("id"))
                .isEqualTo(liveApp);
    }

    @Test
    void secretsNeverReachTheLogsNorTheListingsOfRolesWithoutKeyPermissions(CapturedOutput output) {
        SignUps.Admin admin = SignUps.signUp(api(), "Secretive Ltd");
        Api api = api().as(admin.token());
        String appId = api.get("/api/v1/applications").json().get(0).get("id").asString();
        Api.Response keys = api.get("/api/v1/applications/" + appId + "/keys");
        Api.Response companyKeys = api.get("/api/v1/company/keys");
        api.post("/api/v1/applications/" + appId + "/keys/private-key/rotate", null);
        api.patch(
                "/api/v1/applications/" + appId,
                Map.of("webhookHeaders", Map.of("X-Api-Secret", "header-secret-value-123")));

        String roleId = SignUps.role(api(), admin.token(), "Integrator", List.of("APPLICATIONS", "COMPANY"));
        String email = "integrator-" + UUID.randomUUID().toString().substring(0, 6) + "@secretive.test";
        String memberToken = SignUps.member(api(), baseUrl(), admin.token(), email, roleId);
        Api member = api().as(memberToken);

        Api.Response listing = member.get("/api/v1/applications");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(member.get("/api/v1/applications/" + appId).status()).isEqualTo(200);
        assertThat(member.get("/api/v1/applications/" + appId + "/keys").status())
                .isEqualTo(403);
        assertThat(member.post("/api/v1/applications/" + appId + "/keys/private-key/rotate", null)
                        .status())
                .isEqualTo(403);
        assertThat(member.get("/api/v1/company/keys").status()).isEqualTo(403);
        Api.Response company = member.get("/api/v1/company");
        assertThat(company.status()).isEqualTo(200);

        List<String> secrets = List.of(
                SignUps.PASSWORD,
                admin.token(),
                memberToken,
                keys.text("privateKey"),
                keys.text("cryptoKey"),
                keys.text("webhookSecret"),
                companyKeys.text("privateClientTestKey"));
        for (String secret : secrets) {
            assertThat(listing.body()).doesNotContain(secret);
            assertThat(company.body()).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(listing.body())
                .doesNotContain("privateKey", "cryptoKey", "webhookSecret", "header-secret-value-123");
        assertThat(listing.json()
                        .get(0)
                        .get("webhookHeaders")
                        .get("X-Api-Secret")
                        .asString())
                .isEqualTo("********");
        assertThat(api.get("/api/v1/applications/" + appId)
                        .json()
                        .get("webhookHeaders")
                        .get("X-Api-Secret")
                        .asString())
                .as("roles with the keys permission see the value")
                .isEqualTo("header-secret-value-123");
        assertThat(company.body()).doesNotContain("privateClient");
    }
}
