package org.openkyc.biometrics;

import jakarta.annotation.PreDestroy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.openkyc.biometrics.faces.FaceEngine;
import org.openkyc.biometrics.faces.Rgb;
import org.openkyc.core.checks.SystemCheck.Readiness;
import org.openkyc.core.models.PackagedModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The face engine on the configured models, loaded once; unavailable (and saying why) when they are missing. */
@Component
public class FaceModels {

    private static final Logger log = LoggerFactory.getLogger(FaceModels.class);

    private final FaceEngine engine;
    private final FacesConfiguration configuration;
    private final Path folder;

    FaceModels(FacesConfiguration configuration, PackagedModels packaged) {
        this.configuration = configuration;
        Path folder = configuration.directory();
        List<String> names = List.of(
                configuration.detector(),
                configuration.landmarks(),
                configuration.embedding(),
                configuration.liveness());
        if (folder != null) {
            this.engine = FaceEngine.open(configuration.settings(folder));
        } else {
            // unpacked side by side, so the engine finds them in one folder
            List<Path> files = names.stream()
                    .map(name -> packaged.file("faces/" + name).orElse(null))
                    .filter(Objects::nonNull)
                    .toList();
            folder = files.isEmpty()
                    ? Path.of("models", "faces")
                    : files.getFirst().getParent();
            this.engine = files.size() == names.size()
                    ? FaceEngine.open(configuration.settings(folder))
                    : FaceEngine.unavailable(
                            configuration.settings(folder),
                            "no face model: looked for " + packaged.describe("faces/" + configuration.detector())
                                    + " and the three beside it");
        }
        this.folder = folder.toAbsolutePath();
        if (engine.available()) {
            log.info("Face models loaded from {}", this.folder);
        } else {
            log.warn(
                    "Face checks are not available, so liveness and face match go to a person: {}",
                    engine.unavailableReason());
        }
    }

    public FaceEngine engine() {
        return engine;
    }

    /** Whether face match can run, and why. */
    Readiness facesReadiness() {
        return engine.available()
                ? Readiness.ready("the face models are loaded from " + folder)
                : Readiness.unavailable("the face models are not available (" + engine.unavailableReason() + ")");
    }

    /** Whether liveness can be judged (detector, landmarks and the passive liveness model), and why. */
    Readiness livenessReadiness() {
        return engine.available()
                ? Readiness.ready("the liveness model is loaded from " + folder.resolve(configuration.liveness()))
                : Readiness.unavailable("the face models are not available (" + engine.unavailableReason() + ")");
    }

    public FacesConfiguration configuration() {
        return configuration;
    }

    /** An image file's pixels, if it is an image ImageIO reads. */
    public static Optional<Rgb> decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            return Optional.ofNullable(image).map(Rgb::of);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @PreDestroy
    void close() {
        engine.close();
    }
}
