package org.openkyc.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openkyc.core.CompanyId;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.core.crypto.Tokens;

/**
 * The built-in blob store: one file per blob under {@code <data-dir>/media/<company>/}, each
 * {@code nonce ‖ AES-256-GCM(data)} under the company's data key, with the company and blob key as associated data so
 * a file moved to another name or company does not decrypt. Files are written to a temporary name and moved into
 * place, so a crash never leaves half a blob.
 */
final class EncryptedFileBlobStore implements BlobStore {

    private static final int NONCE_BYTES = 12;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{20,64}");

    private final Path root;
    private final DataKeys keys;

    EncryptedFileBlobStore(OpenKycSettings settings, DataKeys keys) {
        this.root = settings.dataDir().resolve("media");
        this.keys = keys;
    }

    @Override
    public String put(CompanyId company, byte[] plaintext) {
        String key = Tokens.random(24);
        byte[] nonce = Tokens.randomBytes(NONCE_BYTES);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, company, key, nonce, plaintext);
        byte[] file = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, file, NONCE_BYTES, sealed.length);
        try {
            Path dir = Files.createDirectories(root.resolve(company.toString()));
            Path temporary = Files.createTempFile(dir, "upload", ".part");
            Files.write(temporary, file);
            Files.move(temporary, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("The media file could not be written", e);
        }
        return key;
    }

    @Override
    public Optional<byte[]> get(CompanyId company, String key) {
        Path file = file(company, key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            byte[] raw = Files.readAllBytes(file);
            return Optional.of(cipher(
                    Cipher.DECRYPT_MODE,
                    company,
                    key,
                    Arrays.copyOf(raw, NONCE_BYTES),
                    Arrays.copyOfRange(raw, NONCE_BYTES, raw.length)));
        } catch (IOException e) {
            throw new UncheckedIOException("The media file could not be read", e);
        }
    }

    @Override
    public void delete(CompanyId company, String key) {
        try {
            Files.deleteIfExists(file(company, key));
        } catch (IOException e) {
            throw new UncheckedIOException("The media file could not be deleted", e);
        }
    }

    private Path file(CompanyId company, String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Not a blob key");
        }
        return root.resolve(company.toString()).resolve(key);
    }

    private byte[] cipher(int mode, CompanyId company, String key, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(keys.of(company), "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD((company + "/" + key).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A media file does not decrypt: altered, moved, or another key", e);
        }
    }
}
