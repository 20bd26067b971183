package org.openkyc.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openkyc.core.crypto.PayloadCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * What goes over the wire: the body that wraps the encrypted event, and the Standard Webhooks signature over
 * {@code "<id>.<timestamp>.<body>"}, one {@code v1,<base64>} per signing secret, separated by spaces.
 */
final class WebhookEnvelope {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookEnvelope() {}

    static byte[] body(PayloadCipher cipher, String eventJson, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("statusCode", 200);
        body.put("data", cipher.encrypt(eventJson));
        body.put("time", now.toString());
        return JSON.writeValueAsBytes(body);
    }

    static String signature(List<String> secrets, String id, long timestamp, byte[] body) {
        return secrets.stream()
                .map(secret -> "v1," + sign(secret, id, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
