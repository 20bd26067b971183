package org.openkyc.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Camera frames of a face for liveness tests, made from a sample photo of the npm package {@code @vladmandic/face-api}
 * (installed by the build): the face still, and the face turning its head. A turn is drawn by moving the middle of the
 * face sideways while its sides stay put, which moves the nose against the jaw as a real turn does.
 */
public final class FaceVideo {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    /** The second sample photo's face at its right, looking at the camera (box found by the detector). */
    private static final int[] FACE = {1427, 161, 233, 233};

    /**
     * Where the neutral frame sits in the warp: the sample's face is turned a little already, and from here both turns
     * have room before the drawing stops looking like a face.
     */
    private static final double NEUTRAL = -0.05;

    /** How much wider than the face the portrait is. */
    private static final double MARGIN = 2.2;

    private FaceVideo() {}

    /** The face, looking at the camera, in the middle of a 640 × 480 frame. */
    public static BufferedImage still() {
        return turned(0);
    }

    /**
     * The face turned: {@code amount} is how far the middle of the face moves, as a share of the face's width;
     * positive moves it to the image's right, which is the person turning to their own left.
     */
    public static BufferedImage turned(double amount) {
        BufferedImage photo = sample(2);
        int side = (int) (FACE[3] * MARGIN);
        int cx = FACE[0] + FACE[2] / 2;
        int cy = FACE[1] + FACE[3] / 2;
        BufferedImage portrait = photo.getSubimage(cx - side / 2, Math.max(0, cy - side / 2), side, side);
        BufferedImage warped = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        double low = 0.5 - 0.5 / MARGIN;
        double high = 0.5 + 0.5 / MARGIN;
        for (int x = 0; x < side; x++) {
            double u = (double) x / (side - 1);
            double from = u < low || u > high
                    ? u
                    : u - (NEUTRAL + amount) * (high - low) * Math.sin(Math.PI * (u - low) / (high - low));
            int source = (int) Math.round(Math.clamp(from, 0, 1) * (side - 1));
            for (int y = 0; y < side; y++) {
                warped.setRGB(x, y, portrait.getRGB(source, y));
            }
        }
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(60, 60, 60));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(warped, (WIDTH - HEIGHT) / 2, 0, HEIGHT, HEIGHT, null);
        g.dispose();
        return frame;
    }

    /**
     * A head looking at the camera for three seconds, then turning to its left and to its right, six times: 102
     * frames at 10 a second. The camera starts playing when the page opens it, so the page's first part (look at the
     * camera) sees a still head and each action's part sees both turns.
     */
    public static List<BufferedImage> turningHead() {
        List<BufferedImage> frames = new ArrayList<>();
        BufferedImage still = still();
        for (int i = 0; i < 30; i++) {
            frames.add(still);
        }
        double[] cycle = {.1, .2, .2, .2, .1, 0, -.1, -.2, -.2, -.2, -.1, 0};
        List<BufferedImage> turn = new ArrayList<>();
        for (double amount : cycle) {
            turn.add(amount == 0 ? still : turned(amount));
        }
        for (int i = 0; i < 6; i++) {
            frames.addAll(turn);
        }
        return frames;
    }

    /** An identity card photographed: a light card with the face's photo on its left and lines of print beside. */
    public static BufferedImage document() {
        BufferedImage card = new BufferedImage(1000, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        g.setColor(new Color(226, 232, 240));
        g.fillRect(0, 0, 1000, 640);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        BufferedImage face = still().getSubimage(200, 40, 240, 300);
        g.drawImage(face, 60, 150, 240, 300, null);
        g.setColor(new Color(40, 50, 70));
        for (int line = 0; line < 6; line++) {
            g.fillRect(360, 170 + line * 50, 420 - line * 30, 14);
        }
        g.dispose();
        return card;
    }

    /** Another person: the first face of the third sample photo. */
    public static BufferedImage stranger() {
        return sample(3).getSubimage(1034 - 200, 202 - 150, 307 + 400, 307 + 300);
    }

    /**
     * Puts a reference photo into the built-in external face database the tests configure
     * ({@code openkyc.faces.reference-directory=target/test-reference-faces}).
     */
    public static void reference(String companyId, String externalUserId, BufferedImage photo) {
        try {
            Path file = Path.of("target/test-reference-faces", companyId, externalUserId + ".jpg");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, jpeg(photo));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage sample(int number) {
        try {
            return ImageIO.read(Path.of("src/test/node/node_modules/@vladmandic/face-api/demo/sample" + number + ".jpg")
                    .toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] jpeg(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
