package org.openkyc.onchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Solidity verifier in {@code contracts/}, compiled by solc-js and run in an EVM (both from npm), accepts an
 * attestation OpenKYC signed for it, computes the same EIP-712 digest, and refuses one that is not APPROVED or not
 * signed by the trusted issuer.
 */
class VerifierContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ECKeyPair ISSUER =
            ECKeyPair.create(new BigInteger("8da4ef21b864d2cc526dbdb2a120bd2874c36c9d0a1fb7f8c63d7f7a8b41de8f", 16));
    private static final ECKeyPair STRANGER =
            ECKeyPair.create(new BigInteger("1111111111111111111111111111111111111111111111111111111111111111", 16));

    @TempDir
    Path dir;

    @Test
    void theContractAcceptsOpenKycsSignatureAndNothingElse() throws Exception {
        String issuer = Keys.toChecksumAddress(Keys.getAddress(ISSUER));
        String contract = node("address", issuer).get("contract").asString();

        Map<String, Object> approved = typed(issuer, "APPROVED", contract);
        JsonNode accepted = verify(issuer, approved, TypedAttestation.sign(approved, ISSUER));
        assertThat(accepted.get("approved").asBoolean()).isTrue();
        assertThat(accepted.get("digest").asString())
                .as("Solidity's digest is the Java one")
                .isEqualTo("0x" + HexFormat.of().formatHex(TypedAttestation.hash(approved)));

        Map<String, Object> declined = typed(issuer, "DECLINED", contract);
        assertThat(verify(issuer, declined, TypedAttestation.sign(declined, ISSUER))
                        .get("approved")
                        .asBoolean())
                .isFalse();
        assertThat(verify(issuer, approved, TypedAttestation.sign(approved, STRANGER))
                        .get("approved")
                        .asBoolean())
                .as("signed by another key")
                .isFalse();
        Map<String, Object> elsewhere = typed(issuer, "APPROVED", "0x000000000000000000000000000000000000dEaD");
        assertThat(verify(issuer, elsewhere, TypedAttestation.sign(elsewhere, ISSUER))
                        .get("approved")
                        .asBoolean())
                .as("signed for another verifier contract")
                .isFalse();
    }

    private static Map<String, Object> typed(String issuer, String status, String contract) {
        return TypedAttestation.typedData(
                new TypedAttestation.Claim(
                        "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23",
                        status,
                        TypedAttestation.subject("company", "applicant"),
                        issuer,
                        1_800_000_000L,
                        1_900_000_000L),
                1,
                contract);
    }

    private JsonNode verify(String issuer, Map<String, Object> typedData, String signature) throws Exception {
        Path file = Files.createTempFile(dir, "attestation", ".json");
        Files.writeString(file, JSON.writeValueAsString(Map.of("typedData", typedData, "signature", signature)));
        return node("verify", issuer, file.toString());
    }

    private static JsonNode node(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", "src/test/node/verify-on-chain.mjs"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return JSON.readTree(out);
    }
}
