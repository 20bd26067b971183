package org.openkyc.biometrics.faces;

import java.nio.file.Path;

/**
 * Which models the face engine runs, and how the embedding model wants its input. The defaults fit the models the
 * build installs; another embedding model of the ArcFace family (112 × 112 aligned faces in, one vector out) plugs in
 * by naming its file and its input normalisation.
 *
 * @param directory where the model files are
 * @param embeddingSize the side of the aligned face the embedding model takes
 * @param embeddingMean subtracted from each 0-255 channel value
 * @param embeddingScale the difference is multiplied by this
 * @param embeddingBgr whether the embedding model takes blue, green, red rather than red, green, blue
 * @param minScore the least detector confidence for a face
 * @param matchCosine the cosine similarity shown as {@link #MATCH_PERCENT} per cent
 */
public record FaceSettings(
        Path directory,
        String detector,
        String landmarks,
        String embedding,
        String liveness,
        int embeddingSize,
        double embeddingMean,
        double embeddingScale,
        boolean embeddingBgr,
        double minScore,
        double matchCosine) {

    /** The percentage a face match must reach to count as the same person. */
    public static final int MATCH_PERCENT = 85;

    public static FaceSettings defaults(Path directory) {
        return new FaceSettings(
                directory,
                "fr_detect.onnx",
                "fr_landmark.onnx",
                "fr_feature.onnx",
                "fr_liveness.onnx",
                112,
                127,
                1 / 128.0,
                true,
                0.7,
                0.5);
    }
}
