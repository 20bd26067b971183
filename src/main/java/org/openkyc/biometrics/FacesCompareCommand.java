package org.openkyc.biometrics;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.openkyc.biometrics.faces.FaceEngine;
import org.openkyc.biometrics.faces.FaceSettings;
import org.openkyc.biometrics.faces.Rgb;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code faces compare --a FILE --b FILE [--models DIR] [--threshold 85]}: the faces found in each photo (box and
 * detector confidence), the similarity percentage of the most similar pair, and whether it reaches the threshold.
 * Exit code 0 when both photos have a face, 1 when one has none, 2 on bad arguments or missing models.
 */
public final class FacesCompareCommand {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private FacesCompareCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path a = null;
        Path b = null;
        Path models = Path.of(System.getenv().getOrDefault("OPENKYC_FACES_DIRECTORY", "models/faces"));
        int threshold = FaceSettings.MATCH_PERCENT;
        for (int i = 0; i < args.length; i++) {
            boolean valued = i + 1 < args.length;
            switch (args[i]) {
                case "--a" -> a = valued ? Path.of(args[++i]) : null;
                case "--b" -> b = valued ? Path.of(args[++i]) : null;
                case "--models" -> models = valued ? Path.of(args[++i]) : models;
                case "--threshold" -> threshold = valued ? Integer.parseInt(args[++i]) : threshold;
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("Unknown option " + args[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if (a == null || b == null) {
            err.println(usage());
            return 2;
        }
        try (FaceEngine engine = FaceEngine.open(FaceSettings.defaults(models))) {
            if (!engine.available()) {
                err.println("Face models are missing: " + engine.unavailableReason());
                return 2;
            }
            List<FaceEngine.Face> first = engine.faces(read(a));
            List<FaceEngine.Face> second = engine.faces(read(b));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("a", describe(a, first));
            result.put("b", describe(b, second));
            Integer best = null;
            int[] pair = null;
            for (int i = 0; i < first.size(); i++) {
                for (int j = 0; j < second.size(); j++) {
                    int percent = engine.percent(FaceEngine.cosine(
                            first.get(i).embedding(), second.get(j).embedding()));
                    if (best == null || percent > best) {
                        best = percent;
                        pair = new int[] {i, j};
                    }
                }
            }
            result.put("similarity", best);
            result.put("bestPair", pair == null ? null : Map.of("a", pair[0], "b", pair[1]));
            result.put("threshold", threshold);
            result.put("decision", best == null ? "NO_FACE" : best >= threshold ? "MATCH" : "NO_MATCH");
            out.println(JSON.writeValueAsString(result));
            return best == null ? 1 : 0;
        } catch (IOException e) {
            err.println("Cannot read the photos: " + e.getMessage());
            return 2;
        }
    }

    private static Rgb read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null) {
            throw new IOException(file + " is not an image ImageIO reads");
        }
        return Rgb.of(image);
    }

    private static Map<String, Object> describe(Path file, List<FaceEngine.Face> faces) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (FaceEngine.Face face : faces) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put(
                    "box",
                    Map.of(
                            "x", Math.round(face.box().x1()),
                            "y", Math.round(face.box().y1()),
                            "width", Math.round(face.box().width()),
                            "height", Math.round(face.box().height())));
            one.put("score", Math.round(face.score() * 1000) / 1000.0);
            found.add(one);
        }
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("file", file.toString());
        described.put("faces", found);
        return described;
    }

    static String usage() {
        return "Usage: faces compare --a FILE --b FILE [--models DIR] [--threshold 85]";
    }
}
