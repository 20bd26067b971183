package org.openkyc.biometrics;

import jakarta.annotation.PreDestroy;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.openkyc.biometrics.faces.FaceEngine;
import org.openkyc.biometrics.faces.Rgb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The face engine on the configured models, loaded once; unavailable (and saying why) when they are missing. */
@Component
public class FaceModels {

    private static final Logger log = LoggerFactory.getLogger(FaceModels.class);

    private final FaceEngine engine;
    private final FacesConfiguration configuration;

    FaceModels(FacesConfiguration configuration) {
        this.configuration = configuration;
        this.engine = FaceEngine.open(configuration.settings());
        if (engine.available()) {
            log.info("Face models loaded from {}", configuration.directory().toAbsolutePath());
        } else {
            log.warn(
                    "Face checks are not available, so liveness and face match go to a person: {}",
                    engine.unavailableReason());
        }
    }

    public FaceEngine engine() {
        return engine;
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
