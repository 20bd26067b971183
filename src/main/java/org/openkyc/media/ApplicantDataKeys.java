package org.openkyc.media;

import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openkyc.core.CompanyId;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.core.crypto.Tokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each applicant's 256-bit data key, made on first use and stored only wrapped by the master key. The applicant's
 * media are encrypted with it (inside the company's encryption), and their timeline's content is sealed with it. When
 * the applicant is erased the key is destroyed, so a copy of their files or digests kept anywhere (a backup, say)
 * can no longer be read or tied to them.
 */
@Component
public class ApplicantDataKeys {

    private static final String PURPOSE = "media.applicant_key";
    private static final int NONCE_BYTES = 12;

    private final JdbcClient jdbc;
    private final SecretBox box;
    private final Clock clock;

    ApplicantDataKeys(JdbcClient jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    /** The applicant's key, made now if they have none; empty once it was destroyed. */
    public Optional<byte[]> key(CompanyId company, UUID applicant) {
        // Every timeline entry asks: read first, and write only for an applicant's first key.
        Optional<byte[]> existing = existing(applicant);
        if (existing.isPresent()) {
            return existing;
        }
        jdbc.sql("""
                        INSERT INTO applicant_data_key (applicant_id, company_id, wrapped_key, created_at)
                        SELECT :applicant, :company, :key, :now
                        WHERE NOT EXISTS (SELECT 1 FROM applicant_data_key WHERE applicant_id = :applicant)
                          AND NOT EXISTS (SELECT 1 FROM applicant_data_key_destroyed WHERE applicant_id = :applicant)
                        ON CONFLICT (applicant_id) DO NOTHING
                        """)
                .param("applicant", applicant)
                .param("company", company.value())
                .param("key", box.seal(Base64.getEncoder().encodeToString(Tokens.randomBytes(32)), PURPOSE))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return existing(applicant);
    }

    /** The applicant's key if they have one; never makes one. */
    public Optional<byte[]> existing(UUID applicant) {
        return jdbc.sql("SELECT wrapped_key FROM applicant_data_key WHERE applicant_id = :applicant")
                .param("applicant", applicant)
                .query(String.class)
                .optional()
                .map(wrapped -> Base64.getDecoder().decode(box.open(wrapped, PURPOSE)));
    }

    /** Destroys the applicant's key for good; nothing encrypted or sealed with it can be read or checked again. */
    public void destroy(UUID applicant) {
        jdbc.sql("DELETE FROM applicant_data_key WHERE applicant_id = :applicant")
                .param("applicant", applicant)
                .update();
        jdbc.sql("""
                        INSERT INTO applicant_data_key_destroyed (applicant_id, destroyed_at) VALUES (:applicant, :now)
                        ON CONFLICT (applicant_id) DO NOTHING
                        """)
                .param("applicant", applicant)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    static byte[] encrypt(byte[] key, UUID applicant, byte[] plaintext) {
        byte[] nonce = Tokens.randomBytes(NONCE_BYTES);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, key, applicant, nonce, plaintext);
        byte[] out = java.util.Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    static byte[] decrypt(byte[] key, UUID applicant, byte[] sealed) {
        return cipher(
                Cipher.DECRYPT_MODE,
                key,
                applicant,
                java.util.Arrays.copyOf(sealed, NONCE_BYTES),
                java.util.Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length));
    }

    private static byte[] cipher(int mode, byte[] key, UUID applicant, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(applicant.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A media file does not decrypt with the applicant's key", e);
        }
    }
}
