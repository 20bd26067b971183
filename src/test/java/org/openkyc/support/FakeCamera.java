package org.openkyc.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Video files (Y4M, 4:2:0) that Chromium's fake camera plays: a still scene held for a second, or moving frames. */
public final class FakeCamera {

    private FakeCamera() {}

    /** Writes the picture, fitted into width by height on a dark background, as a short Y4M video. */
    public static Path video(BufferedImage picture, int width, int height, Path file) {
        return video(java.util.Collections.nCopies(10, picture), width, height, 10, file);
    }

    /** Writes the pictures as the frames of a Y4M video at the given rate, which the fake camera plays in a loop. */
    public static Path video(java.util.List<BufferedImage> pictures, int width, int height, int fps, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(("YUV4MPEG2 W" + width + " H" + height + " F" + fps + ":1 Ip A1:1 C420jpeg\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (BufferedImage picture : pictures) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(yuv(picture, width, height));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** One frame in planar YUV 4:2:0, the picture fitted in on a dark background. */
    private static byte[] yuv(BufferedImage picture, int width, int height) {
        BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(40, 40, 40));
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        double scale = Math.min((double) width / picture.getWidth(), (double) height / picture.getHeight());
        int w = (int) (picture.getWidth() * scale);
        int h = (int) (picture.getHeight() * scale);
        g.drawImage(picture, (width - w) / 2, (height - h) / 2, w, h, null);
        g.dispose();
        byte[] out = new byte[width * height * 3 / 2];
        int uBase = width * height;
        int vBase = uBase + width * height / 4;
        for (int row = 0; row < height; row++) {
            for (int col = 0; col < width; col++) {
                int rgb = frame.getRGB(col, row);
                int r = rgb >> 16 & 0xff;
                int gr = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                out[row * width + col] = (byte) clamp(16 + (66 * r + 129 * gr + 25 * b + 128 >> 8));
                if (row % 2 == 0 && col % 2 == 0) {
                    int i = row / 2 * (width / 2) + col / 2;
                    out[uBase + i] = (byte) clamp(128 + (-38 * r - 74 * gr + 112 * b + 128 >> 8));
                    out[vBase + i] = (byte) clamp(128 + (112 * r - 94 * gr - 18 * b + 128 >> 8));
                }
            }
        }
        return out;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}
