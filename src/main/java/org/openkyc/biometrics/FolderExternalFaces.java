package org.openkyc.biometrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.openkyc.core.CompanyId;
import org.springframework.stereotype.Component;

/**
 * Reference photos from {@code openkyc.faces.reference-directory}: {@code <company id>/<external user id>.jpg} (or
 * {@code .png}). Ids that are not plain file names find nothing.
 */
@Component
class FolderExternalFaces implements ExternalFaces {

    private final FacesConfiguration configuration;

    FolderExternalFaces(FacesConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Optional<byte[]> photo(CompanyId company, String externalUserId) {
        Path root = configuration.referenceDirectory();
        if (root == null || !externalUserId.matches("[A-Za-z0-9][A-Za-z0-9._@-]{0,199}")) {
            return Optional.empty();
        }
        for (String extension : new String[] {".jpg", ".jpeg", ".png"}) {
            Path file = root.resolve(company.value().toString()).resolve(externalUserId + extension);
            if (Files.isRegularFile(file)) {
                try {
                    return Optional.of(Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }
}
