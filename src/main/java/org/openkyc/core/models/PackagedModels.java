package org.openkyc.core.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openkyc.core.OpenKycSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The models and databases the build packs into the jar under {@code models/}, listed with their SHA-256 in
 * {@code models/SHA256SUMS}. A file the class path holds as a plain file (a build's classes folder) is used where it
 * is; one inside the jar is unpacked once to {@code <data-dir>/models/…}, checked against its sum, and used from
 * there (Tesseract and the memory-mapped IP databases need files). A later start finds it by its size and the sum
 * kept beside it (with the size it had), so nothing is unpacked twice.
 */
@Component
public class PackagedModels {

    private static final Logger log = LoggerFactory.getLogger(PackagedModels.class);
    private static final String ROOT = "models/";

    private final Path unpacked;
    private final ClassLoader classes;
    private final Map<String, String> sums;
    private final Map<String, Optional<Path>> found = new ConcurrentHashMap<>();

    @Autowired
    PackagedModels(OpenKycSettings settings) {
        this(settings.dataDir().resolve("models"), PackagedModels.class.getClassLoader());
    }

    PackagedModels(Path unpacked, ClassLoader classes) {
        this.unpacked = unpacked;
        this.classes = classes;
        this.sums = sums(classes);
    }

    /** The models of this class path, unpacked (when they must be) into the folder given: for commands and tests. */
    public static PackagedModels unpackingTo(Path folder) {
        return new PackagedModels(folder, PackagedModels.class.getClassLoader());
    }

    /** The packaged file at this path under {@code models/} ({@code ocr/mrz.traineddata}), if the jar has it. */
    public Optional<Path> file(String path) {
        return found.computeIfAbsent(path, this::locate);
    }

    /** Where a packaged file is looked for, to name in a reason. */
    public String describe(String path) {
        return "the model packaged as " + ROOT + path
                + (sums.containsKey(path) ? "" : ", which this build of OpenKYC does not contain");
    }

    private Optional<Path> locate(String path) {
        String sum = sums.get(path);
        URL resource = classes.getResource(ROOT + path);
        if (sum == null || resource == null) {
            return Optional.empty();
        }
        if (resource.getProtocol().equals("file")) {
            try {
                return Optional.of(Path.of(resource.toURI()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                // unpacked below like one inside a jar
            }
        }
        Path target = unpacked.resolve(path);
        Path kept = target.resolveSibling(target.getFileName() + ".sha256");
        try {
            if (Files.isRegularFile(target)
                    && Files.isRegularFile(kept)
                    && Files.readString(kept).strip().equals(sum + " " + Files.size(target))) {
                return Optional.of(target);
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(
                    target.getParent(), target.getFileName().toString(), ".part");
            String actual;
            try (InputStream in = new DigestInputStream(resource.openStream(), sha256());
                    OutputStream out = Files.newOutputStream(partial)) {
                in.transferTo(out);
                actual = HexFormat.of()
                        .formatHex(((DigestInputStream) in).getMessageDigest().digest());
            }
            if (!actual.equals(sum)) {
                Files.deleteIfExists(partial);
                log.error("The packaged {} does not have the SHA-256 the build listed; not used", path);
                return Optional.empty();
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(kept, sum + " " + Files.size(target) + "\n");
            log.info("Unpacked the packaged {} into {}", path, target);
            return Optional.of(target);
        } catch (IOException e) {
            log.error("The packaged {} cannot be unpacked into {}", path, target, e);
            return Optional.empty();
        }
    }

    private static Map<String, String> sums(ClassLoader classes) {
        Map<String, String> sums = new LinkedHashMap<>();
        try (InputStream in = classes.getResourceAsStream(ROOT + "SHA256SUMS")) {
            if (in == null) {
                log.warn("This build of OpenKYC packs no models (no {}SHA256SUMS)", ROOT);
                return sums;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] parts = line.strip().split("\\s+", 2);
                if (parts.length == 2) {
                    sums.put(parts[1].replaceFirst("^\\*", ""), parts[0]);
                }
            }
        } catch (IOException e) {
            log.error("The list of packaged models cannot be read", e);
        }
        return sums;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
