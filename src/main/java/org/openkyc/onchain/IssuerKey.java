package org.openkyc.onchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.openkyc.core.OpenKycSettings;
import org.springframework.stereotype.Component;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The installation's issuer key for attestations: {@code openkyc.attestations.issuer-key} (hex), or else one generated
 * on first use and kept in {@code <data-dir>/issuer.key}, readable by the owner only. Its address is what verifier
 * contracts trust.
 */
@Component
class IssuerKey {

    private final ECKeyPair key;

    IssuerKey(OpenKycSettings settings, AttestationSettings attestations) {
        this.key = attestations.issuerKey() != null && !attestations.issuerKey().isBlank()
                ? ECKeyPair.create(new BigInteger(strip(attestations.issuerKey()), 16))
                : stored(settings.dataDir().resolve("issuer.key"));
    }

    ECKeyPair key() {
        return key;
    }

    String address() {
        return Keys.toChecksumAddress(Keys.getAddress(key));
    }

    private static ECKeyPair stored(Path file) {
        try {
            if (Files.exists(file)) {
                return ECKeyPair.create(
                        new BigInteger(strip(Files.readString(file).strip()), 16));
            }
            ECKeyPair created = Keys.createEcKeyPair();
            Files.createDirectories(file.getParent());
            Files.writeString(file, created.getPrivateKey().toString(16));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system; the data directory's own protection applies
            }
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String hex) {
        return hex.startsWith("0x") ? hex.substring(2) : hex;
    }
}
