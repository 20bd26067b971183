package example;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A complete OpenKYC webhook receiver with nothing but the JDK. It checks the signature against every webhook
 * secret it knows (during a rotation, both), refuses messages whose timestamp is more than five minutes away,
 * and decrypts the event.
 *
 * <pre>
 * OPENKYC_WEBHOOK_SECRETS=&lt;webhook secret&gt; OPENKYC_CRYPTO_KEY=&lt;crypto key&gt; \
 *   java docs/examples/java/example/WebhookReceiver.java 9000
 * </pre>
 *
 * Deliveries are at least once: deduplicate by the event's {@code eventId} before acting on it.
 */
public final class WebhookReceiver {

    /** How far a message's timestamp may be from this machine's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final Pattern DATA = Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");

    private final List<byte[]> signingKeys;
    private final SecretKeySpec cryptoKey;

    /**
     * @param webhookSecrets the application's webhook secrets as the workplace shows them (base64)
     * @param cryptoKey the application's crypto key as the workplace shows it (base64 of 32 bytes)
     */
    public WebhookReceiver(List<String> webhookSecrets, String cryptoKey) {
        this.signingKeys = webhookSecrets.stream()
                .map(secret -> Base64.getDecoder().decode(secret.strip()))
                .toList();
        this.cryptoKey = new SecretKeySpec(Base64.getDecoder().decode(cryptoKey.strip()), "AES");
    }

    /** Why a message was refused. */
    public static final class Rejected extends Exception {
        public Rejected(String reason) {
            super(reason);
        }
    }

    /**
     * Verifies a delivery and answers the decrypted event JSON.
     *
     * @param id the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header
     * @param signatures the {@code webhook-signature} header: {@code v1,<base64>} entries separated by spaces
     * @param body the raw request body, exactly as received
     */
    public String open(String id, String timestamp, String signatures, byte[] body, Instant now) throws Rejected {
        if (id == null || timestamp == null || signatures == null) {
            throw new Rejected("missing webhook-id, webhook-timestamp or webhook-signature");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new Rejected("webhook-timestamp is not a number");
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            throw new Rejected("webhook-timestamp is outside the tolerance window");
        }
        if (!signedByUs(id, seconds, signatures, body)) {
            throw new Rejected("no valid signature");
        }
        Matcher data = DATA.matcher(new String(body, StandardCharsets.UTF_8));
        if (!data.find()) {
            throw new Rejected("the body has no data");
        }
        return decrypt(data.group(1));
    }

    /** Decrypts {@code base64(iv ‖ ciphertext)}: AES-256-CBC with PKCS#7 padding, the IV in the first 16 bytes. */
    public String decrypt(String data) throws Rejected {
        byte[] raw = Base64.getDecoder().decode(data);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, cryptoKey, new IvParameterSpec(Arrays.copyOf(raw, 16)));
            byte[] plain = cipher.doFinal(raw, 16, raw.length - 16);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Rejected("the data does not decrypt with this crypto key");
        }
    }

    private boolean signedByUs(String id, long timestamp, String signatures, byte[] body) {
        for (byte[] key : signingKeys) {
            byte[] expected = hmac(key, id, timestamp, body);
            for (String entry : signatures.trim().split(" +")) {
                if (entry.startsWith("v1,")) {
                    byte[] given;
                    try {
                        given = Base64.getDecoder().decode(entry.substring(3));
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    if (MessageDigest.isEqual(expected, given)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9000;
        WebhookReceiver receiver = new WebhookReceiver(
                List.of(System.getenv("OPENKYC_WEBHOOK_SECRETS").split(",")), System.getenv("OPENKYC_CRYPTO_KEY"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/webhooks", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readNBytes(1024 * 1024);
                var headers = exchange.getRequestHeaders();
                try {
                    String event = receiver.open(
                            headers.getFirst("webhook-id"),
                            headers.getFirst("webhook-timestamp"),
                            headers.getFirst("webhook-signature"),
                            body,
                            Instant.now());
                    System.out.println(event);
                    exchange.sendResponseHeaders(204, -1);
                } catch (Rejected e) {
                    System.err.println("refused: " + e.getMessage());
                    exchange.sendResponseHeaders(400, -1);
                }
            }
        });
        server.start();
        System.out.println("Listening on http://localhost:" + port + "/webhooks");
    }
}
