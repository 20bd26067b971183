package org.openkyc.biometrics.faces;

import java.awt.image.BufferedImage;

/** An RGB image as bytes, row by row, three per pixel, with the few operations the models need. */
public record Rgb(int width, int height, byte[] pixels) {

    public static Rgb of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            out[i * 3] = (byte) (argb[i] >> 16);
            out[i * 3 + 1] = (byte) (argb[i] >> 8);
            out[i * 3 + 2] = (byte) argb[i];
        }
        return new Rgb(w, h, out);
    }

    public BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[width * height];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = (value(i * 3) << 16) | (value(i * 3 + 1) << 8) | value(i * 3 + 2);
        }
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    int value(int index) {
        return pixels[index] & 0xFF;
    }

    /** The part inside the rectangle, clamped to the image. */
    public Rgb crop(int x, int y, int w, int h) {
        int x0 = Math.clamp(x, 0, width - 1);
        int y0 = Math.clamp(y, 0, height - 1);
        int cw = Math.clamp(w, 1, width - x0);
        int ch = Math.clamp(h, 1, height - y0);
        byte[] out = new byte[cw * ch * 3];
        for (int row = 0; row < ch; row++) {
            System.arraycopy(pixels, ((y0 + row) * width + x0) * 3, out, row * cw * 3, cw * 3);
        }
        return new Rgb(cw, ch, out);
    }

    /** Bilinear resampling with pixel centres aligned, as the models were trained with. */
    public Rgb resize(int w, int h) {
        byte[] out = new byte[w * h * 3];
        double sx = (double) width / w;
        double sy = (double) height / h;
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, (y + 0.5) * sy - 0.5);
            int y0 = Math.min((int) fy, height - 1);
            int y1 = Math.min(y0 + 1, height - 1);
            double ay = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, (x + 0.5) * sx - 0.5);
                int x0 = Math.min((int) fx, width - 1);
                int x1 = Math.min(x0 + 1, width - 1);
                double ax = fx - x0;
                for (int c = 0; c < 3; c++) {
                    double top = (1 - ax) * value((y0 * width + x0) * 3 + c) + ax * value((y0 * width + x1) * 3 + c);
                    double bottom = (1 - ax) * value((y1 * width + x0) * 3 + c) + ax * value((y1 * width + x1) * 3 + c);
                    out[(y * w + x) * 3 + c] = (byte) Math.round((1 - ay) * top + ay * bottom);
                }
            }
        }
        return new Rgb(w, h, out);
    }

    /**
     * The image seen through an affine map {@code [a b c; d e f]} from this image's coordinates to the output's,
     * sampled bilinearly; outside the image is black.
     */
    public Rgb warp(double[] m, int w, int h) {
        double det = m[0] * m[4] - m[1] * m[3];
        double ia = m[4] / det;
        double ib = -m[1] / det;
        double id = -m[3] / det;
        double ie = m[0] / det;
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - m[2];
                double dy = y - m[5];
                double sx = ia * dx + ib * dy;
                double sy = id * dx + ie * dy;
                int x0 = (int) Math.floor(sx);
                int y0 = (int) Math.floor(sy);
                double ax = sx - x0;
                double ay = sy - y0;
                for (int c = 0; c < 3; c++) {
                    double v = (1 - ay) * ((1 - ax) * at(x0, y0, c) + ax * at(x0 + 1, y0, c))
                            + ay * ((1 - ax) * at(x0, y0 + 1, c) + ax * at(x0 + 1, y0 + 1, c));
                    out[(y * w + x) * 3 + c] = (byte) Math.round(v);
                }
            }
        }
        return new Rgb(w, h, out);
    }

    private int at(int x, int y, int c) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : value((y * width + x) * 3 + c);
    }

    /**
     * Planar float channels (NCHW) in the given channel order ({@code {0,1,2}} RGB, {@code {2,1,0}} BGR), each value
     * {@code (v - mean) * scale}.
     */
    public float[] planes(int[] order, double mean, double scale) {
        int n = width * height;
        float[] out = new float[order.length * n];
        for (int p = 0; p < order.length; p++) {
            for (int i = 0; i < n; i++) {
                out[p * n + i] = (float) ((value(i * 3 + order[p]) - mean) * scale);
            }
        }
        return out;
    }

    /** One grey plane, weighted as the landmark model expects, each value times {@code scale}. */
    public float[] grey(double scale) {
        int n = width * height;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float)
                    (Math.round(0.114 * value(i * 3) + 0.587 * value(i * 3 + 1) + 0.299 * value(i * 3 + 2)) * scale);
        }
        return out;
    }
}
