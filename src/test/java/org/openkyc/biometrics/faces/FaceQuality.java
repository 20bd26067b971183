package org.openkyc.biometrics.faces;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * Face detection and matching measured on the sample photos of the npm package {@code @vladmandic/face-api} (six group
 * photos, 22 faces, installed by the build), each also varied in scale, rotation, lighting and JPEG quality. A face in
 * a variation is the one at the place the original face moved to; same-face pairs compare each original face with
 * itself in the variations, different-face pairs compare it with every other face.
 */
final class FaceQuality {

    static final Path SAMPLES = Path.of("src/test/node/node_modules/@vladmandic/face-api/demo");

    /** A variation of a photo: the image, and where a point of the original is in it. */
    record Variant(BufferedImage image, AffineTransform moved) {}

    /** What was measured. */
    record Result(
            Map<String, int[]> detected,
            List<Double> same,
            List<Double> different,
            Map<String, Double> closestStrangers,
            int faces) {

        double detectionRate() {
            int found = 0;
            int total = 0;
            for (int[] counts : detected.values()) {
                found += counts[0];
                total += counts[1];
            }
            return (double) found / total;
        }

        double falseMatchRate(double cosine) {
            return different.stream().filter(c -> c >= cosine).count() / (double) different.size();
        }

        double falseNonMatchRate(double cosine) {
            return same.stream().filter(c -> c < cosine).count() / (double) same.size();
        }
    }

    static Map<String, UnaryOperator<Variant>> variations() {
        Map<String, UnaryOperator<Variant>> all = new LinkedHashMap<>();
        all.put("original", v -> v);
        all.put("half size", v -> scaled(v, 0.5));
        all.put("third size", v -> scaled(v, 0.33));
        all.put("rotated 12°", v -> rotated(v, 12));
        all.put("rotated −12°", v -> rotated(v, -12));
        all.put("brighter", v -> lit(v, 1.25, 35));
        all.put("darker", v -> lit(v, 0.55, 0));
        all.put("JPEG quality 25", v -> jpeg(v, 0.25f));
        all.put("half size, rotated 6°, JPEG 40", v -> jpeg(rotated(scaled(v, 0.5), 6), 0.4f));
        return all;
    }

    static Result measure(FaceEngine engine) throws IOException {
        Map<String, int[]> detected = new LinkedHashMap<>();
        List<FaceEngine.Face> originals = new ArrayList<>();
        List<List<FaceEngine.Face>> variantFaces = new ArrayList<>();
        List<Double> same = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            BufferedImage photo =
                    ImageIO.read(SAMPLES.resolve("sample" + n + ".jpg").toFile());
            List<FaceEngine.Face> reference = engine.faces(Rgb.of(photo));
            originals.addAll(reference);
            for (Map.Entry<String, UnaryOperator<Variant>> variation :
                    variations().entrySet()) {
                Variant variant = variation.getValue().apply(new Variant(photo, new AffineTransform()));
                List<FaceEngine.Face> found = engine.faces(Rgb.of(variant.image()));
                int[] counts = detected.computeIfAbsent(variation.getKey(), k -> new int[2]);
                List<FaceEngine.Face> matched = new ArrayList<>();
                for (FaceEngine.Face face : reference) {
                    counts[1]++;
                    Point2D centre = variant.moved()
                            .transform(
                                    new Point2D.Double(
                                            (face.box().x1() + face.box().x2()) / 2,
                                            (face.box().y1() + face.box().y2()) / 2),
                                    null);
                    FaceEngine.Face at = found.stream()
                            .filter(f -> Math.abs((f.box().x1() + f.box().x2()) / 2 - centre.getX())
                                            < f.box().width() / 2
                                    && Math.abs((f.box().y1() + f.box().y2()) / 2 - centre.getY())
                                            < f.box().height() / 2)
                            .findFirst()
                            .orElse(null);
                    if (at != null) {
                        counts[0]++;
                        matched.add(at);
                        if (!variation.getKey().equals("original")) {
                            same.add(FaceEngine.cosine(face.embedding(), at.embedding()));
                        }
                    } else {
                        matched.add(null);
                    }
                }
                if (!variation.getKey().equals("original")) {
                    variantFaces.add(matched);
                }
            }
        }
        // every face against every other face, as photographed and as varied
        List<Double> different = new ArrayList<>();
        Map<String, Double> strangers = new LinkedHashMap<>();
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                double cosine = FaceEngine.cosine(
                        originals.get(i).embedding(), originals.get(j).embedding());
                different.add(cosine);
                strangers.merge(i + "/" + j, cosine, Math::max);
            }
        }
        int offset = 0;
        int perPhoto = variations().size() - 1;
        for (int v = 0; v < variantFaces.size(); v++) {
            List<FaceEngine.Face> faces = variantFaces.get(v);
            int photoStart = offset;
            for (int k = 0; k < faces.size(); k++) {
                FaceEngine.Face varied = faces.get(k);
                if (varied == null) {
                    continue;
                }
                for (int o = 0; o < originals.size(); o++) {
                    if (o != photoStart + k) {
                        double cosine = FaceEngine.cosine(originals.get(o).embedding(), varied.embedding());
                        different.add(cosine);
                        int a = Math.min(o, photoStart + k);
                        int b = Math.max(o, photoStart + k);
                        strangers.merge(a + "/" + b, cosine, Math::max);
                    }
                }
            }
            if ((v + 1) % perPhoto == 0) {
                offset += faces.size();
            }
        }
        return new Result(detected, same, different, strangers, originals.size());
    }

    static String report(Result result, FaceEngine engine) {
        StringBuilder out = new StringBuilder("# Face detection and matching\n\n");
        out.append(String.format(
                Locale.ROOT,
                "%d faces in 6 photos, %d variations each. Match threshold: cosine %.2f, shown as %d%%.%n%n",
                result.faces(),
                variations().size() - 1,
                engine.settings().matchCosine(),
                FaceSettings.MATCH_PERCENT));
        out.append("| variation | faces found |\n| --- | --- |\n");
        result.detected()
                .forEach((name, counts) ->
                        out.append(String.format(Locale.ROOT, "| %s | %d of %d |%n", name, counts[0], counts[1])));
        out.append(String.format(Locale.ROOT, "%nDetection rate: %.1f%%%n%n", 100 * result.detectionRate()));
        out.append(
                "| pairs | count | min | 5th pct | median | 95th pct | max |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        out.append(row("same face", result.same()));
        out.append(row("different faces", result.different()));
        double t = engine.settings().matchCosine();
        out.append(String.format(
                Locale.ROOT,
                "%nAt the threshold: false match rate %.3f%% (%d of %d different-face pairs), false non-match rate"
                        + " %.1f%% (%d of %d same-face pairs).%n",
                100 * result.falseMatchRate(t),
                result.different().stream().filter(c -> c >= t).count(),
                result.different().size(),
                100 * result.falseNonMatchRate(t),
                result.same().stream().filter(c -> c < t).count(),
                result.same().size()));
        out.append(
                "\nFace pairs of different photo positions that reach the threshold anywhere (faces numbered in photo"
                        + " order, largest first within a photo):\n\n");
        result.closestStrangers().entrySet().stream()
                .filter(e -> e.getValue() >= t)
                .forEach(e -> out.append(
                        String.format(Locale.ROOT, "- faces %s: cosine up to %.3f%n", e.getKey(), e.getValue())));
        return out.toString();
    }

    private static String row(String name, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(
                Locale.ROOT,
                "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
                name,
                sorted.size(),
                sorted.getFirst(),
                at(sorted, 0.05),
                at(sorted, 0.5),
                at(sorted, 0.95),
                sorted.getLast());
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
    }

    private static Variant scaled(Variant v, double factor) {
        int w = (int) Math.round(v.image().getWidth() * factor);
        int h = (int) Math.round(v.image().getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(v.image(), 0, 0, w, h, null);
        g.dispose();
        AffineTransform moved = AffineTransform.getScaleInstance(
                (double) w / v.image().getWidth(), (double) h / v.image().getHeight());
        moved.concatenate(v.moved());
        return new Variant(out, moved);
    }

    private static Variant rotated(Variant v, double degrees) {
        int w = v.image().getWidth();
        int h = v.image().getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(degrees), w / 2.0, h / 2.0);
        g.drawImage(v.image(), turn, null);
        g.dispose();
        turn.concatenate(v.moved());
        return new Variant(out, turn);
    }

    private static Variant lit(Variant v, double gain, int offset) {
        BufferedImage in = v.image();
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                int rgb = in.getRGB(x, y);
                int r = Math.clamp(Math.round(((rgb >> 16) & 0xFF) * gain + offset), 0, 255);
                int g = Math.clamp(Math.round(((rgb >> 8) & 0xFF) * gain + offset), 0, 255);
                int b = Math.clamp(Math.round((rgb & 0xFF) * gain + offset), 0, 255);
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return new Variant(out, v.moved());
    }

    private static Variant jpeg(Variant v, float quality) {
        try {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (var out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(v.image(), null, null), param);
            }
            writer.dispose();
            return new Variant(ImageIO.read(new ByteArrayInputStream(bytes.toByteArray())), v.moved());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        boolean bgr = args.length == 0 || args[0].equals("bgr");
        FaceSettings defaults = FaceSettings.defaults(Path.of("models/faces"));
        FaceSettings settings = new FaceSettings(
                defaults.directory(),
                defaults.detector(),
                defaults.landmarks(),
                defaults.embedding(),
                defaults.liveness(),
                112,
                127,
                1 / 128.0,
                bgr,
                defaults.minScore(),
                defaults.matchCosine());
        try (FaceEngine engine = FaceEngine.open(settings)) {
            System.out.println(report(measure(engine), engine));
        }
    }
}
