package org.openkyc.documents.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Each routine on generated document photos: sharp and blurred, with and without glare, colour and greyscale. */
class ImageQualityTest {

    @Test
    void blurLowersSharpness() {
        BufferedImage sharp = document(60);
        BufferedImage blurred = blur(sharp, 9);
        double sharpScore = ImageQuality.sharpness(sharp);
        double blurredScore = ImageQuality.sharpness(blurred);
        assertThat(sharpScore).isGreaterThan(blurredScore * 5);
    }

    @Test
    void aReflectionShowsAsGlare() {
        BufferedImage plain = document(60);
        BufferedImage flash = withGlare(plain);
        assertThat(ImageQuality.glare(plain)).isLessThan(0.01);
        assertThat(ImageQuality.glare(flash)).isGreaterThan(0.05);
    }

    @Test
    void aGreyscaleCopyHasNoColour() {
        BufferedImage colour = document(60);
        BufferedImage grey = greyscale(colour);
        assertThat(ImageQuality.colourfulness(colour)).isGreaterThan(25);
        assertThat(ImageQuality.colourfulness(grey)).isLessThan(2);
    }

    @Test
    void marginsTellHowFarTheDocumentSitsInsideTheFrame() {
        double[] centred = ImageQuality.margins(document(60));
        for (double margin : centred) {
            assertThat(margin).isBetween(0.05, 0.3);
        }
        double[] cropped = ImageQuality.margins(document(-40));
        assertThat(Arrays.stream(cropped).min().orElseThrow())
                .as("the card runs off the edge")
                .isLessThan(0.01);
    }

    /** A coloured card with text and a photo box, {@code inset} pixels inside a 1000×700 frame (negative: cropped). */
    private static BufferedImage document(int inset) {
        BufferedImage photo = new BufferedImage(1000, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(40, 40, 44));
        g.fillRect(0, 0, 1000, 700);
        g.setColor(new Color(170, 205, 235));
        g.fillRoundRect(inset, inset, 1000 - 2 * inset, 700 - 2 * inset, 30, 30);
        g.setColor(new Color(180, 60, 50));
        g.fillRect(inset + 40, inset + 80, 220, 280);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 28));
        for (int line = 0; line < 8; line++) {
            g.drawString("SURNAME<<GIVEN<NAMES<<" + line, inset + 300, inset + 110 + line * 45);
        }
        g.setStroke(new BasicStroke(3));
        g.drawLine(inset + 40, inset + 420, 960 - inset, inset + 420);
        g.dispose();
        return photo;
    }

    private static BufferedImage blur(BufferedImage image, int size) {
        float[] weights = new float[size * size];
        Arrays.fill(weights, 1f / (size * size));
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        new ConvolveOp(new Kernel(size, size, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, out);
        return out;
    }

    private static BufferedImage withGlare(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.setPaint(new RadialGradientPaint(600, 300, 160, new float[] {0f, 0.75f, 1f}, new Color[] {
            Color.WHITE, Color.WHITE, new Color(255, 255, 255, 0)
        }));
        g.fillOval(440, 140, 320, 320);
        g.dispose();
        return out;
    }

    private static BufferedImage greyscale(BufferedImage image) {
        BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.dispose();
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = rgb.createGraphics();
        g2.drawImage(grey, 0, 0, null);
        g2.dispose();
        return rgb;
    }
}
