package org.openkyc.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openkyc.core.crypto.PayloadCipher;
import org.openkyc.core.crypto.Tokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiver examples of {@code docs/webhooks.md} against what OpenKYC really sends: they accept a genuine
 * delivery, and refuse a tampered body, a wrong secret and a timestamp outside the tolerance window. The Node
 * example runs under {@code node}.
 */
class DocumentedReceiverTest {

    private static final String EVENT = "{\"eventId\":\"e1\",\"type\":\"applicantApproved\",\"sequence\":4}";

    private final String secret = Base64.getEncoder().encodeToString(Tokens.randomBytes(32));
    private final String cryptoKey = Base64.getEncoder().encodeToString(Tokens.randomBytes(32));
    private final WebhookReceiver receiver = new WebhookReceiver(List.of(secret), cryptoKey);
    private final Instant now = Instant.now();

    @Test
    void acceptsAGenuineDelivery() throws Exception {
        Signed signed = sign(EVENT, now.getEpochSecond(), secret);
        assertThat(receiver.open("msg_1", signed.timestamp(), signed.signature(), signed.body(), now))
                .isEqualTo(EVENT);
    }

    @Test
    void refusesATamperedBody() {
        Signed signed = sign(EVENT, now.getEpochSecond(), secret);
        byte[] tampered = signed.body().clone();
        int at = new String(tampered, StandardCharsets.UTF_8).indexOf("\"time\"") + 10;
        tampered[at] = (byte) (tampered[at] == '1' ? '2' : '1');
        assertThatThrownBy(() -> receiver.open("msg_1", signed.timestamp(), signed.signature(), tampered, now))
                .isInstanceOf(WebhookReceiver.Rejected.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> receiver.open("msg_2", signed.timestamp(), signed.signature(), signed.body(), now))
                .as("the id is signed too")
                .isInstanceOf(WebhookReceiver.Rejected.class);
    }

    @Test
    void refusesTimestampsOutsideTheToleranceWindow() {
        for (long offset : new long[] {-301, 301, -3600}) {
            Signed signed = sign(EVENT, now.getEpochSecond() + offset, secret);
            assertThatThrownBy(() -> receiver.open("msg_1", signed.timestamp(), signed.signature(), signed.body(), now))
                    .isInstanceOf(WebhookReceiver.Rejected.class)
                    .hasMessageContaining("tolerance");
        }
    }

    @Test
    void acceptsATimestampJustInsideTheWindow() throws Exception {
        Signed edge = sign(EVENT, now.getEpochSecond() - 299, secret);
        assertThat(receiver.open("msg_1", edge.timestamp(), edge.signature(), edge.body(), now))
                .isEqualTo(EVENT);
    }

    @Test
    void refusesAnotherSecret() {
        String other = Base64.getEncoder().encodeToString(Tokens.randomBytes(32));
        Signed signed = sign(EVENT, now.getEpochSecond(), other);
        assertThatThrownBy(() -> receiver.open("msg_1", signed.timestamp(), signed.signature(), signed.body(), now))
                .isInstanceOf(WebhookReceiver.Rejected.class);
    }

    @Test
    void theNodeExampleVerifiesAndDecryptsAndRefusesTampering() throws Exception {
        Signed signed = sign(EVENT, now.getEpochSecond(), secret);
        Node genuine = node(signed.timestamp(), signed.signature(), new String(signed.body(), StandardCharsets.UTF_8));
        assertThat(genuine.exit()).as(genuine.err()).isZero();
        assertThat(genuine.out().strip()).isEqualTo(EVENT);

        String tampered = new String(signed.body(), StandardCharsets.UTF_8).replace("\"ok\"", "\"OK\"");
        Node refused = node(signed.timestamp(), signed.signature(), tampered);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("no valid signature");

        Signed old = sign(EVENT, now.getEpochSecond() - 600, secret);
        Node late = node(old.timestamp(), old.signature(), new String(old.body(), StandardCharsets.UTF_8));
        assertThat(late.exit()).isEqualTo(1);
        assertThat(late.err()).contains("tolerance");
    }

    @Test
    void theGuideShowsTheTestedReceiverWordForWord() throws Exception {
        String guide = Files.readString(Path.of("docs/webhooks.md"));
        assertThat(guide).contains(Files.readString(Path.of("docs/examples/java/example/WebhookReceiver.java")));
        assertThat(guide).contains(Files.readString(Path.of("docs/examples/node/decrypt.mjs")));
    }

    private Signed sign(String event, long timestamp, String key) {
        byte[] body = WebhookEnvelope.body(PayloadCipher.fromBase64(cryptoKey), event, now);
        return new Signed(
                Long.toString(timestamp), WebhookEnvelope.signature(List.of(key), "msg_1", timestamp, body), body);
    }

    private record Signed(String timestamp, String signature, byte[] body) {}

    private record Node(int exit, String out, String err) {}

    private Node node(String timestamp, String signature, String body) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("node", "docs/examples/node/decrypt.mjs");
        builder.environment().put("OPENKYC_WEBHOOK_SECRETS", secret);
        builder.environment().put("OPENKYC_CRYPTO_KEY", cryptoKey);
        Process process = builder.start();
        process.getOutputStream()
                .write(JsonMapper.builder()
                        .build()
                        .writeValueAsBytes(
                                Map.of("id", "msg_1", "timestamp", timestamp, "signature", signature, "body", body)));
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Node(process.exitValue(), out, err);
    }
}
