package org.openkyc.biometrics;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.openkyc.biometrics.faces.FaceSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The face models and thresholds ({@code openkyc.faces.*}). The defaults fit the models packaged in the jar; another
 * embedding model plugs in by folder, file name and input normalisation.
 *
 * @param directory the folder with the model files; unset, the models packaged in the jar
 * @param livenessThreshold the least median passive score for a live person
 * @param referenceDirectory where the external face database keeps reference photos, one per applicant, named by
 *     the applicant's external user id ({@code <id>.jpg} or {@code .png}); unset, there is none
 */
@ConfigurationProperties("openkyc.faces")
public record FacesConfiguration(
        @Nullable Path directory,
        @DefaultValue("fr_detect.onnx") String detector,
        @DefaultValue("fr_landmark.onnx") String landmarks,
        @DefaultValue("fr_feature.onnx") String embedding,
        @DefaultValue("fr_liveness.onnx") String liveness,
        @DefaultValue("112") int embeddingSize,
        @DefaultValue("127") double embeddingMean,
        @DefaultValue("0.0078125") double embeddingScale,
        @DefaultValue("true") boolean embeddingBgr,
        @DefaultValue("0.7") double minScore,
        @DefaultValue("0.5") double matchCosine,
        @DefaultValue("0.3") double livenessThreshold,
        @Nullable Path referenceDirectory) {

    FaceSettings settings(Path folder) {
        return new FaceSettings(
                folder,
                detector,
                landmarks,
                embedding,
                liveness,
                embeddingSize,
                embeddingMean,
                embeddingScale,
                embeddingBgr,
                minScore,
                matchCosine);
    }
}
