package org.openkyc.onchain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.support.Api;
import org.openkyc.support.Ethers;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An approved applicant who proved their Ethereum wallet gets an EIP-712 attestation signed by the installation's
 * issuer key; ethers.js ({@code verifyTypedData}) recovers the same issuer and computes the same hash, and a changed
 * field no longer verifies.
 */
class AttestationTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String KEY = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    @TempDir
    Path dir;

    @Test
    void anApprovedWalletIsAttestedAndEthersAgrees() throws Exception {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Attestations");
        String flow = tenant.flow(
                "Wallet",
                List.of(Map.of(
                        "type",
                        "CRYPTO_WALLET",
                        "config",
                        Map.of("ownership", true, "networks", List.of("ETHEREUM")))));
        String id = tenant.applicant(flow, "chain-" + UUID.randomUUID());
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        String address = Ethers.sign(KEY, "x").get("address").asString();
        String message = app.post("/sdk/v1/wallet/challenge", Map.of("network", "ETHEREUM", "address", address))
                .text("message");
        assertThat(app.post(
                                "/sdk/v1/wallet/verify",
                                Map.of(
                                        "signature",
                                        Ethers.sign(KEY, message)
                                                .get("signature")
                                                .asString()))
                        .status())
                .isEqualTo(200);
        app.post("/sdk/v1/finish", null);
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id + "/attestation")
                        .status())
                .as("not approved yet")
                .isEqualTo(409);
        tenant.owner().post("/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED"));

        JsonNode attestation = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/attestation")
                .json();
        String issuer = attestation.get("issuer").asString();
        String signature = attestation.get("signature").asString();
        JsonNode typed = attestation.get("typedData");
        assertThat(typed.at("/message/wallet").asString()).isEqualTo(address);
        assertThat(typed.at("/message/status").asString()).isEqualTo("APPROVED");
        assertThat(typed.at("/message/issuer").asString()).isEqualTo(issuer);
        JsonNode wallet = null;
        for (JsonNode certificate : tenant.integrator()
                .get("/api/v1/applicants/" + id + "/certificates")
                .json()) {
            if (certificate.get("kind").asString().equals("CRYPTO_ADDRESS")) {
                wallet = certificate;
            }
        }
        assertThat(typed.at("/message/expiresAt").asLong())
                .as("the attestation ends with the first certificate to expire: the crypto address's 7 days")
                .isEqualTo(java.time.Instant.parse(wallet.get("expiresAt").asString())
                        .getEpochSecond());
        assertThat(typed.at("/message/subject").asString()).doesNotContain(id).hasSize(66);

        Map<String, Object> typedData = JSON.convertValue(typed, Map.class);
        assertThat(TypedAttestation.signer(typedData, signature)).isEqualTo(issuer);
        JsonNode ethers = verify(typedData, signature);
        assertThat(ethers.get("signer").asString())
                .as("ethers.js recovers the issuer")
                .isEqualTo(issuer);
        assertThat(ethers.get("hash").asString())
                .as("the same EIP-712 hash")
                .isEqualTo("0x" + HexFormat.of().formatHex(TypedAttestation.hash(typedData)));

        Map<String, Object> tampered = JSON.convertValue(typed, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> changed = new LinkedHashMap<>((Map<String, Object>) tampered.get("message"));
        changed.put("expiresAt", ((Number) changed.get("expiresAt")).longValue() + 3600);
        tampered.put("message", changed);
        assertThat(verify(tampered, signature).get("signer").asString()).isNotEqualTo(issuer);
        assertThat(TypedAttestation.signer(tampered, signature)).isNotEqualTo(issuer);
        assertThatThrownBy(() -> TypedAttestation.signer(typedData, "0x1234")).isInstanceOf(SignatureException.class);

        clock.advance(java.time.Duration.ofDays(8));
        Api.Response expired = tenant.integrator().get("/api/v1/applicants/" + id + "/attestation");
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.text("detail")).contains("CRYPTO_ADDRESS certificate expired");
    }

    private JsonNode verify(Map<String, Object> typedData, String signature) throws Exception {
        Path file = Files.createTempFile(dir, "attestation", ".json");
        Files.writeString(file, JSON.writeValueAsString(Map.of("typedData", typedData, "signature", signature)));
        Process node = new ProcessBuilder("node", "src/test/node/verify-typed-data.mjs", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
        return JSON.readTree(out);
    }
}
