package org.openkyc.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.core.crypto.PayloadCipher;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.Reports;
import org.openkyc.support.SignUps;
import tools.jackson.databind.JsonNode;

/** Encrypted request bodies and responses with an application's crypto key. */
class EncryptedPayloadTest extends IntegrationTest {

    private Api owner;
    private Api integrator;
    private PayloadCipher cipher;
    private String privateKey;
    private String cryptoKey;

    @BeforeEach
    void application() {
        owner = api().as(SignUps.signUp(
                        api(), "Cipher " + UUID.randomUUID().toString().substring(0, 6))
                .token());
        String applicationId =
                owner.get("/api/v1/applications").json().get(0).get("id").asString();
        JsonNode keys =
                owner.get("/api/v1/applications/" + applicationId + "/keys").json();
        privateKey = keys.get("privateKey").asString();
        cryptoKey = keys.get("cryptoKey").asString();
        integrator = api().as(privateKey);
        cipher = PayloadCipher.fromBase64(cryptoKey);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/v1/flows").json().size() == 1);
    }

    @Test
    void anEncryptedRequestIsHandledAndAnEncryptedAnswerComesBack() {
        String plain = "{\"externalUserId\":\"secret-agent\",\"email\":\"agent@example.org\"}";
        Api.Response created = integrator
                .header("X-OpenKYC-Encrypt-Response", "true")
                .post("/api/v1/applicants", Map.of("data", cipher.encrypt(plain)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers().get("x-openkyc-encrypted")).containsExactly("json");
        assertThat(created.json().propertyNames()).containsExactly("data");
        assertThat(created.body()).doesNotContain("secret-agent");
        JsonNode applicant = decrypt(created);
        assertThat(applicant.get("externalUserId").asString()).isEqualTo("secret-agent");
        assertThat(applicant.get("email").asString()).isEqualTo("agent@example.org");

        Api.Response plainAnswer =
                integrator.get("/api/v1/applicants/" + applicant.get("id").asString());
        assertThat(plainAnswer.json().get("externalUserId").asString()).isEqualTo("secret-agent");
    }

    @Test
    void problemsAreEncryptedToo() {
        Api.Response missing =
                integrator.header("X-OpenKYC-Encrypt-Response", "true").get("/api/v1/applicants/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(decrypt(missing).get("status").asInt()).isEqualTo(404);

        Api.Response invalid = integrator
                .header("X-OpenKYC-Encrypt-Response", "true")
                .post("/api/v1/applicants", Map.of("data", cipher.encrypt("{\"email\":\"x@example.org\"}")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(decrypt(invalid).get("errors").get(0).get("field").asString())
                .isEqualTo("externalUserId");
    }

    @Test
    void aBodyEncryptedWithAnotherKeyIsRefusedAndNothingIsCreated() {
        PayloadCipher other = new PayloadCipher(Tokens.randomBytes(32));
        Api.Response refused = integrator.post(
                "/api/v1/applicants", Map.of("data", other.encrypt("{\"externalUserId\":\"intruder\"}")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).endsWith("undecryptable-payload");
        assertThat(integrator
                        .get("/api/v1/applicants?externalUserId=intruder")
                        .json()
                        .get("items"))
                .isEmpty();
        assertThat(integrator
                        .post("/api/v1/applicants", Map.of("data", "not base64 at all!"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aUserTokenHasNoCryptoKey() {
        Api.Response refused =
                owner.header("X-OpenKYC-Encrypt-Response", "true").get("/api/v1/applications");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("type").asString()).endsWith("encryption-needs-application-key");
    }

    private JsonNode decrypt(Api.Response response) {
        byte[] plain = cipher.decrypt(response.json().get("data").asString());
        return Api.JSON.readTree(new String(plain, StandardCharsets.UTF_8));
    }

    @Test
    void aDownloadComesBackAsACipherStreamWithItsIvInAHeader() throws Exception {
        String id = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "streamed"))
                .text("id");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/applicants/" + id + "/report"))
                                .header("Authorization", "Bearer " + privateKey)
                                .header("X-OpenKYC-Encrypt-Response", "true")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-OpenKYC-Encrypted")).hasValue("stream");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        byte[] iv = Base64.getDecoder()
                .decode(response.headers().firstValue("X-OpenKYC-IV").orElseThrow());
        assertThat(new String(response.body(), 0, 2, StandardCharsets.ISO_8859_1))
                .isNotEqualTo("PK");

        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(
                Cipher.DECRYPT_MODE,
                new SecretKeySpec(Base64.getDecoder().decode(cryptoKey), "AES"),
                new IvParameterSpec(iv));
        Map<String, byte[]> entries = Reports.unzip(cipher.doFinal(response.body()));
        assertThat(entries.keySet()).containsExactly("report.pdf", "history.json", "history.csv");
        assertThat(Reports.pdfText(entries.get("report.pdf"))).contains("streamed");
    }
}
