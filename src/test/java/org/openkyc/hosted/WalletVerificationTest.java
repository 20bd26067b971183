package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.Ethers;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import tools.jackson.databind.JsonNode;

/** The wallet step through the hosted flow's API, with signatures made by ethers.js. */
class WalletVerificationTest extends IntegrationTest {

    private static final String KEY = "0x8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f";

    private Api owner;
    private Api integrator;

    @BeforeEach
    void company() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Wallets");
        owner = tenant.owner();
        integrator = tenant.integrator();
    }

    @Test
    void aSignatureOverTheChallengeProvesOwnershipAndCannotBeReplayed() {
        String address = Ethers.sign(KEY, "x").get("address").asString();
        Api first = applicant(true);
        assertThat(first.post("/sdk/v1/wallet/challenge", Map.of("network", "ETHEREUM", "address", "0x12"))
                        .status())
                .isEqualTo(400);
        assertThat(first.post("/sdk/v1/wallet/challenge", Map.of("network", "SOLANA", "address", address))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("network");
        JsonNode challenge = first.post(
                        "/sdk/v1/wallet/challenge", Map.of("network", "ETHEREUM", "address", address.toLowerCase()))
                .json();
        assertThat(challenge.get("address").asString()).as("checksummed").isEqualTo(address);
        String message = challenge.get("message").asString();
        assertThat(message).contains(address, "Nonce: ");
        String signature = Ethers.sign(KEY, message).get("signature").asString();

        Api second = applicant(true);
        second.post("/sdk/v1/wallet/challenge", Map.of("network", "ETHEREUM", "address", address));
        assertThat(second.post("/sdk/v1/wallet/verify", Map.of("signature", signature))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .as("another applicant's signature does not cover this applicant's message")
                .isEqualTo("BAD_SIGNATURE");

        String wrongKey =
                Ethers.sign("0x" + "11".repeat(32), message).get("signature").asString();
        assertThat(first.post("/sdk/v1/wallet/verify", Map.of("signature", wrongKey))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("BAD_SIGNATURE");
        Api.Response verified = first.post("/sdk/v1/wallet/verify", Map.of("signature", signature));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().get("step").asString()).isEqualTo("THANK_YOU");
        assertThat(verified.json().at("/steps/0/result").asString())
                .isEqualTo("ETHEREUM " + address + "; ownership proven by signature");

        first.post("/sdk/v1/wallet/challenge", Map.of("network", "ETHEREUM", "address", address));
        assertThat(first.post("/sdk/v1/wallet/verify", Map.of("signature", signature))
                        .status())
                .as("a passed step stays passed")
                .isEqualTo(200);
    }

    @Test
    void aReusedSignatureOverAnOlderMessageOrAStaleMessageIsRefused() {
        String address = Ethers.sign(KEY, "x").get("address").asString();
        Api sdk = applicant(true);
        String old = sdk.post("/sdk/v1/wallet/challenge", Map.of("network", "ETHEREUM", "address", address))
                .text("message");
        String oldSignature = Ethers.sign(KEY, old).get("signature").asString();
        String fresh = sdk.post("/sdk/v1/wallet/challenge", Map.of("network", "ETHEREUM", "address", address))
                .text("message");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(sdk.post("/sdk/v1/wallet/verify", Map.of("signature", oldSignature))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .as("only the latest message counts")
                .isEqualTo("BAD_SIGNATURE");

        clock.advance(Duration.ofDays(8));
        String freshSignature = Ethers.sign(KEY, fresh).get("signature").asString();
        assertThat(sdk.post("/sdk/v1/wallet/verify", Map.of("signature", freshSignature))
                        .json()
                        .at("/errors/0/code")
                        .asString())
                .isEqualTo("STALE");
    }

    @Test
    void withoutProofOfOwnershipTheAddressIsTakenAsGiven() {
        Api sdk = applicant(false);
        sdk.post(
                "/sdk/v1/wallet/challenge",
                Map.of("network", "BITCOIN", "address", "mpLQjfK79b7CCV4VMJWEWAj5Mpx8Up5zxB"));
        JsonNode verified = sdk.post("/sdk/v1/wallet/verify", Map.of()).json();
        assertThat(verified.at("/steps/0/result").asString())
                .isEqualTo("BITCOIN mpLQjfK79b7CCV4VMJWEWAj5Mpx8Up5zxB; ownership not asked for");
    }

    private Api applicant(boolean ownership) {
        String flow = owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Wallet",
                                "steps",
                                List.of(Map.of(
                                        "type",
                                        "CRYPTO_WALLET",
                                        "config",
                                        Map.of("ownership", ownership, "networks", List.of("ETHEREUM", "BITCOIN"))))))
                .text("id");
        String id = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "wallet-" + UUID.randomUUID(), "flowId", flow))
                .text("id");
        Api sdk = api().as(integrator
                .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 30 * 24 * 3600))
                .text("token"));
        sdk.post("/sdk/v1/start", null);
        return sdk;
    }
}
