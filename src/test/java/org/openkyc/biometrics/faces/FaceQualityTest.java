package org.openkyc.biometrics.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Detection and matching on the face-api sample photos and their variations; writes {@code target/face-quality.md}
 * (the numbers the README quotes).
 */
class FaceQualityTest {

    @Test
    void facesAreFoundAndMatchedThroughScaleRotationLightAndCompression() throws Exception {
        try (FaceEngine engine = FaceEngine.open(FaceSettings.defaults(Path.of("models/faces")))) {
            assertThat(engine.available()).as(engine.unavailableReason()).isTrue();
            FaceQuality.Result result = FaceQuality.measure(engine);
            String report = FaceQuality.report(result, engine);
            Files.writeString(Path.of("target/face-quality.md"), report);
            System.out.println(report);

            assertThat(result.faces()).isEqualTo(22);
            assertThat(result.detectionRate()).isGreaterThanOrEqualTo(0.97);
            double threshold = engine.settings().matchCosine();
            assertThat(result.falseNonMatchRate(threshold)).isLessThanOrEqualTo(0.02);
            // Faces 2 and 6 look like the same woman in two photos (sample1 and sample3); no other two faces of
            // different places reach the threshold in any variation.
            assertThat(result.closestStrangers().entrySet().stream()
                            .filter(e -> e.getValue() >= threshold)
                            .map(java.util.Map.Entry::getKey))
                    .containsExactly("2/6");
            assertThat(engine.percent(threshold)).isEqualTo(FaceSettings.MATCH_PERCENT);
        }
    }
}
