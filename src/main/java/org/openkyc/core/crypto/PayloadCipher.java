package org.openkyc.core.crypto;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integrator-facing encryption of webhook events and API payloads: AES-256-CBC with PKCS#7 padding under
 * an application's 32-byte crypto key, a fresh random 16-byte IV per message. Messages travel as
 * {@code base64(iv ‖ ciphertext)}; streamed downloads carry the IV separately.
 *
 * <p>CBC is what the public contract fixes. It has no integrity of its own: webhooks are signed, and API
 * payloads travel inside an authenticated TLS connection.
 */
public final class PayloadCipher {

    public static final int IV_BYTES = 16;
    private static final String TRANSFORMATION = "AES/CBC/PKCS5Padding";

    private final SecretKeySpec key;

    public PayloadCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A crypto key is 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A cipher for a crypto key as the workplace shows it (base64). */
    public static PayloadCipher fromBase64(String key) {
        return new PayloadCipher(Base64.getDecoder().decode(key));
    }

    /** {@code base64(iv ‖ ciphertext)} of the UTF-8 text. */
    public String encrypt(String plaintext) {
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8));
    }

    public String encrypt(byte[] plaintext) {
        byte[] iv = Tokens.randomBytes(IV_BYTES);
        byte[] ciphertext = run(Cipher.ENCRYPT_MODE, iv, plaintext);
        byte[] out = Arrays.copyOf(iv, IV_BYTES + ciphertext.length);
        System.arraycopy(ciphertext, 0, out, IV_BYTES, ciphertext.length);
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * The plaintext of {@code base64(iv ‖ ciphertext)}.
     *
     * @throws IllegalArgumentException when the text is not base64, too short, or does not decrypt under this key
     */
    public byte[] decrypt(String message) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(message.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The payload is not base64", e);
        }
        if (raw.length < IV_BYTES + 16 || (raw.length - IV_BYTES) % 16 != 0) {
            throw new IllegalArgumentException("The payload is not an IV followed by whole cipher blocks");
        }
        return run(Cipher.DECRYPT_MODE, Arrays.copyOf(raw, IV_BYTES), Arrays.copyOfRange(raw, IV_BYTES, raw.length));
    }

    /** Encrypts everything written to the returned stream into {@code out}; closing it writes the last block. */
    public OutputStream encrypting(byte[] iv, OutputStream out) {
        return new CipherOutputStream(out, cipher(Cipher.ENCRYPT_MODE, iv));
    }

    private byte[] run(int mode, byte[] iv, byte[] input) {
        try {
            return cipher(mode, iv).doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The payload does not decrypt with this key", e);
        }
    }

    private Cipher cipher(int mode, byte[] iv) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key, new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC is not available", e);
        }
    }
}
