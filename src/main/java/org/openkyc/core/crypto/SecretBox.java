package org.openkyc.core.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that must be shown again later (private keys, crypto keys, TOTP seeds) with AES-256-GCM
 * under the master key. The output is {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}; the associated data
 * binds a ciphertext to the column it was written for, so a value copied into another column fails.
 */
public final class SecretBox {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;

    private final SecretKey key;
    private final byte[] masterKey;

    public SecretBox(byte[] masterKey) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("The master key must be 32 bytes");
        }
        this.masterKey = masterKey.clone();
        this.key = new SecretKeySpec(this.masterKey, "AES");
    }

    /** A keyed hash for one purpose, derived from the same master key. */
    public KeyedHash keyedHash(String purpose) {
        return new KeyedHash(masterKey, purpose);
    }

    public String seal(String plaintext, String purpose) {
        try {
            byte[] nonce = Tokens.randomBytes(NONCE_BYTES);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out =
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String open(String sealed, String purpose) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Unknown secret format");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret could not be decrypted: wrong master key?", e);
        }
    }
}
