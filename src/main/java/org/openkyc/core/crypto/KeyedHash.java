package org.openkyc.core.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * HMAC-SHA256 under a key derived from the master key for one purpose. Without the master key nobody can
 * compute a matching hash, so a record chained or sealed with it cannot be rewritten in the database alone.
 * Parts are length-prefixed, so a missing part and the text "null" hash differently.
 */
public final class KeyedHash {

    private final SecretKeySpec key;

    KeyedHash(byte[] masterKey, String purpose) {
        this.key =
                new SecretKeySpec(mac(new SecretKeySpec(masterKey, "HmacSHA256"), "openkyc:" + purpose), "HmacSHA256");
    }

    /** A keyed hash under a key of one's own (an applicant's data key, say), for one purpose. */
    public static KeyedHash under(byte[] key, String purpose) {
        return new KeyedHash(key, purpose);
    }

    /** The hex HMAC of the parts, in order. */
    public String of(@Nullable String... parts) {
        StringBuilder encoded = new StringBuilder();
        for (String part : parts) {
            encoded.append(part == null ? "-1:" : part.length() + ":" + part).append(';');
        }
        return HexFormat.of().formatHex(mac(key, encoded.toString()));
    }

    private static byte[] mac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
