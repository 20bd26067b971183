package org.openkyc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Signs messages with ethers.js under Node (installed from npm by the build into {@code src/test/node}). */
public final class Ethers {

    private Ethers() {}

    /** An Ethereum {@code personal_sign} signature: {@code address} and {@code signature} (hex). */
    public static JsonNode sign(String privateKeyHex, String message) {
        try {
            Process process = new ProcessBuilder("node", "src/test/node/sign-ethereum.mjs", privateKeyHex, message)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as("node sign-ethereum.mjs (did npm install run in src/test/node?)")
                    .isZero();
            return Api.JSON.readTree(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
