package org.openkyc.biometrics.faces;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Faces in a photo, found and described by four ONNX models: a detector (boxes and confidences on a 320 × 240 view of
 * the whole photo), 68 landmarks (on a 64 × 64 grey crop of each box), an embedding (on the face aligned to five
 * reference points by a similarity transform) and a passive liveness score (on a crop 2.7 times the face). Missing
 * models make the engine {@linkplain #available() unavailable}; it never pretends to have looked. Thread-safe.
 */
public final class FaceEngine implements AutoCloseable {

    /** Where the eyes, nose tip and mouth corners of an aligned 112 × 112 face are. */
    private static final double[][] REFERENCE = {
        {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}
    };

    private static final int[] RGB = {0, 1, 2};
    private static final int[] BGR = {2, 1, 0};

    /** A face box in photo pixels. */
    public record Box(double x1, double y1, double x2, double y2) {

        public double width() {
            return x2 - x1;
        }

        public double height() {
            return y2 - y1;
        }

        double iou(Box other) {
            double w = Math.max(0, Math.min(x2, other.x2) - Math.max(x1, other.x1));
            double h = Math.max(0, Math.min(y2, other.y2) - Math.max(y1, other.y1));
            double inter = w * h;
            return inter / (width() * height() + other.width() * other.height() - inter);
        }
    }

    public record Point(double x, double y) {}

    /** A face found: its box, the detector's confidence, its 68 landmarks and its unit-length embedding. */
    public record Face(Box box, double score, List<Point> landmarks, float[] embedding) {}

    private final FaceSettings settings;
    private final @Nullable String unavailable;
    private final @Nullable OrtEnvironment env;
    private final @Nullable OrtSession detector;
    private final @Nullable OrtSession landmarker;
    private final @Nullable OrtSession embedder;
    private final @Nullable OrtSession liveness;

    private FaceEngine(FaceSettings settings, @Nullable String unavailable, @Nullable OrtSession... sessions) {
        this.settings = settings;
        this.unavailable = unavailable;
        this.env = unavailable == null ? OrtEnvironment.getEnvironment() : null;
        this.detector = sessions.length > 0 ? sessions[0] : null;
        this.landmarker = sessions.length > 0 ? sessions[1] : null;
        this.embedder = sessions.length > 0 ? sessions[2] : null;
        this.liveness = sessions.length > 0 ? sessions[3] : null;
    }

    /** The engine on the models the settings name, or an unavailable one saying which file is missing. */
    public static FaceEngine open(FaceSettings settings) {
        List<Path> files = List.of(
                settings.directory().resolve(settings.detector()),
                settings.directory().resolve(settings.landmarks()),
                settings.directory().resolve(settings.embedding()),
                settings.directory().resolve(settings.liveness()));
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                return new FaceEngine(settings, "no face model at " + file);
            }
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession[] sessions = new OrtSession[4];
            for (int i = 0; i < 4; i++) {
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                sessions[i] = env.createSession(files.get(i).toString(), options);
            }
            return new FaceEngine(settings, null, sessions);
        } catch (OrtException e) {
            return new FaceEngine(settings, "the face models cannot be loaded: " + e.getMessage());
        }
    }

    /** An engine that runs nothing, saying why. */
    public static FaceEngine unavailable(FaceSettings settings, String reason) {
        return new FaceEngine(settings, reason);
    }

    public boolean available() {
        return unavailable == null;
    }

    /** Why the engine is unavailable, or null. */
    public @Nullable String unavailableReason() {
        return unavailable;
    }

    public FaceSettings settings() {
        return settings;
    }

    /** Every face in the photo with landmarks and embedding, the largest first. */
    public List<Face> faces(Rgb image) {
        List<Face> faces = new ArrayList<>();
        for (Detection found : detect(image)) {
            List<Point> points = landmarks(image, found.box());
            faces.add(new Face(found.box(), found.score(), points, embed(image, points)));
        }
        faces.sort(
                Comparator.comparingDouble((Face f) -> f.box().width() * f.box().height())
                        .reversed());
        return faces;
    }

    /** A box the detector is confident enough of. */
    public record Detection(Box box, double score) {}

    /** The faces the detector finds, made square (side: the box's height) and kept inside the photo. */
    public List<Detection> detect(Rgb image) {
        float[] input = image.resize(320, 240).planes(BGR, 127, 1 / 128.0);
        float[][] out = run(detector(), input, new long[] {1, 3, 240, 320}, "scores", "boxes");
        float[] scores = out[0];
        float[] boxes = out[1];
        List<Detection> candidates = new ArrayList<>();
        for (int i = 0; i < scores.length / 2; i++) {
            double score = scores[i * 2 + 1];
            if (score >= settings.minScore()) {
                candidates.add(new Detection(
                        new Box(
                                boxes[i * 4] * image.width(),
                                boxes[i * 4 + 1] * image.height(),
                                boxes[i * 4 + 2] * image.width(),
                                boxes[i * 4 + 3] * image.height()),
                        score));
            }
        }
        candidates.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection candidate : candidates) {
            if (candidate.box().width() > 0
                    && candidate.box().height() > 0
                    && kept.stream().allMatch(k -> k.box().iou(candidate.box()) < 0.4)) {
                kept.add(candidate);
            }
        }
        return kept.stream()
                .map(d -> {
                    Box b = d.box();
                    double side = b.height();
                    double cx = (b.x1() + b.x2()) / 2;
                    double cy = (b.y1() + b.y2()) / 2;
                    return new Detection(
                            new Box(
                                    Math.max(0, cx - side / 2),
                                    Math.max(0, cy - side / 2),
                                    Math.min(image.width() - 1, cx + side / 2),
                                    Math.min(image.height() - 1, cy + side / 2)),
                            d.score());
                })
                .toList();
    }

    /** The 68 landmarks (the usual iBUG order: jaw 0-16, brows, nose 27-35, eyes 36-47, mouth 48-67). */
    public List<Point> landmarks(Rgb image, Box box) {
        int x = (int) box.x1();
        int y = (int) box.y1();
        int w = Math.max(1, (int) box.x2() - x);
        int h = Math.max(1, (int) box.y2() - y);
        float[] input = image.crop(x, y, w, h).resize(64, 64).grey(1 / 256.0);
        float[] out = run(landmarker(), input, new long[] {1, 1, 64, 64})[0];
        List<Point> points = new ArrayList<>(68);
        for (int i = 0; i < 68; i++) {
            points.add(new Point(out[i * 2] * w + x, out[i * 2 + 1] * h + y));
        }
        return points;
    }

    /** The face's embedding, of unit length, after aligning its eyes, nose and mouth corners to the reference. */
    public float[] embed(Rgb image, List<Point> landmarks) {
        int size = settings.embeddingSize();
        double[][] from = fivePoints(landmarks);
        double[][] to = new double[5][2];
        for (int i = 0; i < 5; i++) {
            to[i][0] = REFERENCE[i][0] * size / 112.0;
            to[i][1] = REFERENCE[i][1] * size / 112.0;
        }
        Rgb aligned = image.warp(similarity(from, to), size, size);
        float[] input = aligned.planes(
                settings.embeddingBgr() ? BGR : RGB, settings.embeddingMean(), settings.embeddingScale());
        float[] vector = run(embedder(), input, new long[] {1, 3, size, size})[0];
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** The passive model's probability that the face in the box is a live person in front of the camera. */
    public double liveness(Rgb image, Box box) {
        double side = Math.min(Math.min(box.width(), box.height()) * 2.7, Math.min(image.width(), image.height()) - 1);
        double cx = (box.x1() + box.x2()) / 2;
        double cy = (box.y1() + box.y2()) / 2;
        int x = (int) Math.clamp(cx - side / 2, 0, image.width() - side - 1);
        int y = (int) Math.clamp(cy - side / 2, 0, image.height() - side - 1);
        float[] input =
                image.crop(x, y, (int) side, (int) side).resize(128, 128).planes(RGB, 0, 1);
        float[] logits = run(livenessModel(), input, new long[] {1, 3, 128, 128})[0];
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double sum = 0;
        for (float logit : logits) {
            sum += Math.exp(logit - max);
        }
        return Math.exp(logits[0] - max) / sum;
    }

    /** Cosine similarity of two unit-length embeddings. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /**
     * A cosine similarity as a percentage: 0 at cosine 0 or below, {@link FaceSettings#MATCH_PERCENT} at the
     * configured match cosine, 100 at 1, linear in between.
     */
    public int percent(double cosine) {
        double t = settings.matchCosine();
        double percent = cosine <= t
                ? FaceSettings.MATCH_PERCENT * Math.max(0, cosine) / t
                : FaceSettings.MATCH_PERCENT + (100 - FaceSettings.MATCH_PERCENT) * (cosine - t) / (1 - t);
        return (int) Math.floor(Math.clamp(percent, 0, 100));
    }

    /** The eye centres, the nose tip and the mouth corners. */
    private static double[][] fivePoints(List<Point> p) {
        return new double[][] {
            mean(p, 37, 38, 40, 41), mean(p, 43, 44, 46, 47), mean(p, 30), mean(p, 48, 60), mean(p, 54, 64)
        };
    }

    private static double[] mean(List<Point> points, int... indices) {
        double x = 0;
        double y = 0;
        for (int i : indices) {
            x += points.get(i).x();
            y += points.get(i).y();
        }
        return new double[] {x / indices.length, y / indices.length};
    }

    /**
     * The similarity transform (rotation, uniform scale, translation) taking {@code from} closest to {@code to} in
     * the least-squares sense, as {@code [a -b tx; b a ty]}.
     */
    static double[] similarity(double[][] from, double[][] to) {
        int n = from.length;
        double fx = 0;
        double fy = 0;
        double tx = 0;
        double ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from[i][0];
            fy += from[i][1];
            tx += to[i][0];
            ty += to[i][1];
        }
        fx /= n;
        fy /= n;
        tx /= n;
        ty /= n;
        double sxx = 0;
        double sxy = 0;
        double norm = 0;
        for (int i = 0; i < n; i++) {
            double ux = from[i][0] - fx;
            double uy = from[i][1] - fy;
            double vx = to[i][0] - tx;
            double vy = to[i][1] - ty;
            sxx += ux * vx + uy * vy;
            sxy += ux * vy - uy * vx;
            norm += ux * ux + uy * uy;
        }
        double a = sxx / norm;
        double b = sxy / norm;
        return new double[] {a, -b, tx - (a * fx - b * fy), b, a, ty - (b * fx + a * fy)};
    }

    /** Runs a model on one input; answers the outputs named, or the first output when none is named. */
    private float[][] run(OrtSession session, float[] input, long[] shape, String... outputs) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape)) {
            String name = session.getInputNames().iterator().next();
            try (OrtSession.Result result = session.run(Map.of(name, tensor))) {
                List<String> wanted = outputs.length == 0
                        ? List.of(session.getOutputNames().iterator().next())
                        : List.of(outputs);
                float[][] out = new float[wanted.size()][];
                for (int i = 0; i < wanted.size(); i++) {
                    OnnxTensor value = (OnnxTensor) result.get(wanted.get(i)).orElseThrow();
                    FloatBuffer buffer = value.getFloatBuffer();
                    out[i] = new float[buffer.remaining()];
                    buffer.get(out[i]);
                }
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Face model failed: " + e.getMessage(), e);
        }
    }

    private OrtSession detector() {
        return require(detector);
    }

    private OrtSession landmarker() {
        return require(landmarker);
    }

    private OrtSession embedder() {
        return require(embedder);
    }

    private OrtSession livenessModel() {
        return require(liveness);
    }

    private OrtSession require(@Nullable OrtSession session) {
        if (session == null) {
            throw new IllegalStateException("Face checks are not available: " + unavailable);
        }
        return session;
    }

    @Override
    public void close() {
        for (OrtSession session : new OrtSession[] {detector, landmarker, embedder, liveness}) {
            if (session != null) {
                try {
                    session.close();
                } catch (OrtException e) {
                    // closing; nothing to do
                }
            }
        }
    }
}
