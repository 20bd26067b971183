package org.openkyc.documents.ocr;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where a machine-readable zone lies in a document photo: the text is separated from the background by its
 * local contrast, the photo straightened by the angle at which text rows project most sharply, and the zone taken as
 * the lowest run of long, evenly filled text rows.
 */
public final class MrzLocator {

    /** The width photos are analysed at; smaller photos are used as they are. */
    static final int WORK_WIDTH = 1400;

    private MrzLocator() {}

    /** The photo in greyscale, straightened, and the zone's band in it (or the whole photo when none stands out). */
    public record Located(BufferedImage straightened, BufferedImage zone, double angleDegrees, boolean found) {}

    public static Located locate(BufferedImage photo) {
        BufferedImage grey = grey(photo, Math.min(1.0, (double) WORK_WIDTH / photo.getWidth()));
        boolean[][] ink = ink(grey);
        double angle = skew(ink);
        BufferedImage straight = rotate(grey, -angle);
        boolean[][] straightInk = ink(straight);
        int[] band = band(straightInk);
        if (band == null) {
            return new Located(straight, straight, angle, false);
        }
        int pad = Math.max(6, (band[1] - band[0]) / 6);
        int top = Math.max(0, band[0] - pad);
        int bottom = Math.min(straight.getHeight(), band[1] + pad);
        int left = Math.max(0, band[2] - pad);
        int right = Math.min(straight.getWidth(), band[3] + pad);
        BufferedImage zone = copy(straight.getSubimage(left, top, right - left, bottom - top));
        return new Located(straight, zone, angle, true);
    }

    /** An 8-bit greyscale copy, scaled. */
    public static BufferedImage grey(BufferedImage image, double scale) {
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = grey.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return grey;
    }

    /** Pixels clearly darker than their neighbourhood: the strokes of printed characters. */
    static boolean[][] ink(BufferedImage grey) {
        int w = grey.getWidth();
        int h = grey.getHeight();
        int[] v = new int[w * h];
        grey.getRaster().getPixels(0, 0, w, h, v);
        long[] integral = new long[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            long row = 0;
            for (int x = 0; x < w; x++) {
                row += v[y * w + x];
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + row;
            }
        }
        // A window a few strokes wide: wide enough that a stroke is darker than its surroundings, narrow enough
        // that the dark table along a document's edge makes only a thin band of false ink.
        int r = Math.max(4, w / 150);
        boolean[][] ink = new boolean[h][w];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - r);
            int y1 = Math.min(h, y + r + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - r);
                int x1 = Math.min(w, x + r + 1);
                long sum = integral[y1 * (w + 1) + x1]
                        - integral[y0 * (w + 1) + x1]
                        - integral[y1 * (w + 1) + x0]
                        + integral[y0 * (w + 1) + x0];
                double mean = (double) sum / ((y1 - y0) * (x1 - x0));
                ink[y][x] = v[y * w + x] < mean - 25;
            }
        }
        return ink;
    }

    /** The angle, in degrees, at which rows of ink line up best (the sum of squared row counts is largest). */
    static double skew(boolean[][] ink) {
        int h = ink.length;
        int w = ink[0].length;
        List<int[]> points = new ArrayList<>();
        for (int y = 0; y < h; y += 1) {
            for (int x = 0; x < w; x += 2) {
                if (ink[y][x]) {
                    points.add(new int[] {x, y});
                }
            }
        }
        double best = 0;
        double bestScore = -1;
        for (double angle = -8; angle <= 8.001; angle += 0.25) {
            double t = Math.tan(Math.toRadians(angle));
            int offset = (int) Math.ceil(Math.abs(t) * w) + 1;
            long[] rows = new long[h + 2 * offset];
            for (int[] p : points) {
                rows[(int) Math.round(p[1] - p[0] * t) + offset]++;
            }
            double score = 0;
            for (long count : rows) {
                score += (double) count * count;
            }
            if (score > bestScore) {
                bestScore = score;
                best = angle;
            }
        }
        return best;
    }

    static BufferedImage rotate(BufferedImage grey, double degrees) {
        if (Math.abs(degrees) < 0.01) {
            return grey;
        }
        BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(
                grey,
                AffineTransform.getRotateInstance(
                        Math.toRadians(degrees), grey.getWidth() / 2.0, grey.getHeight() / 2.0),
                null);
        g.dispose();
        return out;
    }

    /**
     * The zone as {top, bottom, left, right}: text rows found by the row profile, the long ones kept (ink spread over
     * at least half the widest row's extent), and the lowest group of two or three such rows of like height taken.
     */
    static int[] band(boolean[][] ink) {
        int h = ink.length;
        int w = ink[0].length;
        int[] counts = new int[h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (ink[y][x]) {
                    counts[y]++;
                }
            }
        }
        int threshold = Math.max(3, w / 100);
        List<int[]> rows = new ArrayList<>();
        int start = -1;
        for (int y = 0; y <= h; y++) {
            boolean on = y < h && counts[y] >= threshold;
            if (on && start < 0) {
                start = y;
            } else if (!on && start >= 0) {
                if (y - start >= 6) {
                    rows.add(extent(ink, start, y));
                }
                start = -1;
            }
        }
        if (rows.isEmpty()) {
            return null;
        }
        int widest = rows.stream().mapToInt(r -> r[3] - r[2]).max().orElse(0);
        List<int[]> group = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            int[] row = rows.get(i);
            // Long, and filled like a line of characters rather than solid like the shadow along an edge.
            boolean longRow = row[3] - row[2] >= widest * 0.6
                    && row[4] * 3 >= (row[3] - row[2])
                    && row[5] <= 0.5 * (row[1] - row[0]) * (row[3] - row[2]);
            if (longRow && (group.isEmpty() || alike(group.getLast(), row))) {
                group.add(row);
                if (group.size() == 3) {
                    break;
                }
            } else if (group.size() >= 2) {
                break;
            } else {
                group.clear();
                if (longRow) {
                    group.add(row);
                }
            }
        }
        if (group.size() < 2) {
            return null;
        }
        int top = group.getLast()[0];
        int bottom = group.getFirst()[1];
        int left = group.stream().mapToInt(r -> r[2]).min().orElse(0);
        int right = group.stream().mapToInt(r -> r[3]).max().orElse(w);
        return new int[] {top, bottom, left, right};
    }

    private static boolean alike(int[] below, int[] above) {
        int hb = below[1] - below[0];
        int ha = above[1] - above[0];
        int gap = below[0] - above[1];
        return Math.abs(hb - ha) <= Math.max(hb, ha) / 2 && gap <= Math.max(hb, ha) * 2;
    }

    /** {top, bottom, left, right, filled columns, ink pixels} of a row of text. */
    private static int[] extent(boolean[][] ink, int top, int bottom) {
        int w = ink[0].length;
        boolean[] column = new boolean[w];
        for (int y = top; y < bottom; y++) {
            for (int x = 0; x < w; x++) {
                column[x] |= ink[y][x];
            }
        }
        // The longest stretch of columns with ink where no gap is wider than about two character widths.
        int maxGap = Math.max(8, (bottom - top) * 2);
        int bestLeft = 0;
        int bestRight = 0;
        int bestFilled = 0;
        int left = -1;
        int last = -1;
        int filled = 0;
        for (int x = 0; x < w; x++) {
            if (!column[x]) {
                continue;
            }
            if (left < 0 || x - last > maxGap) {
                left = x;
                filled = 0;
            }
            last = x;
            filled++;
            if (last - left > bestRight - bestLeft) {
                bestLeft = left;
                bestRight = last + 1;
                bestFilled = filled;
            }
        }
        int pixels = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = bestLeft; x < bestRight; x++) {
                pixels += ink[y][x] ? 1 : 0;
            }
        }
        return new int[] {top, bottom, bestLeft, bestRight, bestFilled, pixels};
    }

    private static BufferedImage copy(BufferedImage sub) {
        BufferedImage out = new BufferedImage(sub.getWidth(), sub.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        out.getRaster().setRect(sub.getRaster().createTranslatedChild(0, 0));
        return out;
    }
}
