package org.openkyc.core;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.core.crypto.Tokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the {@link SecretBox} keyed by the configured master key, or one kept in the data directory. */
@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    SecretBox secretBox(OpenKycSettings settings) throws IOException {
        if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
            return new SecretBox(Base64.getDecoder().decode(settings.masterKey().strip()));
        }
        Path file = settings.dataDir().toAbsolutePath().resolve("master.key");
        if (!Files.exists(file)) {
            Files.createDirectories(file.getParent());
            try {
                Files.writeString(
                        file,
                        Base64.getEncoder().encodeToString(Tokens.randomBytes(32)),
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                // another instance sharing the data directory wrote it first: use that one
                return new SecretBox(
                        Base64.getDecoder().decode(Files.readString(file).strip()));
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's own protection applies
            }
            log.info("Generated a new master key in {}; back it up with the database", file);
        }
        return new SecretBox(Base64.getDecoder().decode(Files.readString(file).strip()));
    }
}
