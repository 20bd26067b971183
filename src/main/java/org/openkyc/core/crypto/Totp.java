package org.openkyc.core.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), as authenticator apps
 * compute them. Secrets travel as RFC 4648 base32 without padding.
 */
public final class Totp {

    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final long STEP_SECONDS = 30;

    private Totp() {}

    /** A new 160-bit secret, base32 encoded. */
    public static String newSecret() {
        return base32(Tokens.randomBytes(20));
    }

    /** The code for the time step containing {@code at}. */
    public static String code(String base32Secret, Instant at) {
        return code(base32Decode(base32Secret), Math.floorDiv(at.getEpochSecond(), STEP_SECONDS), 6);
    }

    /** True when {@code code} matches the step at {@code now} or one step either side (clock drift). */
    public static boolean verify(String base32Secret, String code, Instant now) {
        return matchingStep(base32Secret, code, now).isPresent();
    }

    /**
     * The time step {@code code} belongs to, looking at the step of {@code now} and one either side; empty when
     * it matches none. Callers that remember the last accepted step can refuse a code used twice.
     */
    public static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        String digits = code.replace(" ", "");
        if (!digits.matches("\\d{6}")) {
            return OptionalLong.empty();
        }
        byte[] key = base32Decode(base32Secret);
        long step = Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
        OptionalLong match = OptionalLong.empty();
        for (long s = step - 1; s <= step + 1; s++) {
            if (Tokens.constantTimeEquals(code(key, s, 6), digits)) {
                match = OptionalLong.of(s);
            }
        }
        return match;
    }

    /** The {@code otpauth://} URI authenticator apps import. */
    public static String uri(String issuer, String account, String base32Secret) {
        return "otpauth://totp/" + encode(issuer) + ":" + encode(account) + "?secret=" + base32Secret + "&issuer="
                + encode(issuer);
    }

    static String code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            int modulus = (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulus);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    static byte[] base32Decode(String text) {
        String clean = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int value = BASE32.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("Not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
