package org.openkyc.documents.quality;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Measures of a document photo's quality, each a small routine over the pixels, on a copy scaled to at most
 * {@value #WORKING_SIZE} pixels on its longer side so every photo costs about the same:
 *
 * <ul>
 *   <li>{@link #sharpness}: the variance of the Laplacian of the grey image; blur flattens edges and lowers it;
 *   <li>{@link #glare}: the share of pixels blown out to near-white with little colour, where a flash or lamp
 *       reflects off the laminate;
 *   <li>{@link #colourfulness}: the chroma (how far pixels are from grey) the most colourful tenth of the photo
 *       reaches; a photocopy or greyscale scan has almost none;
 *   <li>{@link #margins}: how far the document's edges sit inside the frame, as a share of each side, found as the
 *       box of pixels that differ from the background at the photo's border.
 * </ul>
 */
public final class ImageQuality {

    static final int WORKING_SIZE = 640;

    private ImageQuality() {}

    /** Variance of the 4-neighbour Laplacian over the grey image; higher is sharper. */
    public static double sharpness(BufferedImage photo) {
        int[][] grey = grey(scaled(photo));
        int height = grey.length;
        int width = grey[0].length;
        double sum = 0;
        double sumOfSquares = 0;
        int count = 0;
        for (int y = 1; y < height - 1; y++) {
            for (int x = 1; x < width - 1; x++) {
                int laplacian = grey[y - 1][x] + grey[y + 1][x] + grey[y][x - 1] + grey[y][x + 1] - 4 * grey[y][x];
                sum += laplacian;
                sumOfSquares += (double) laplacian * laplacian;
                count++;
            }
        }
        double mean = sum / count;
        return sumOfSquares / count - mean * mean;
    }

    /** Share of pixels (0 to 1) that are near-white and nearly colourless. */
    public static double glare(BufferedImage photo) {
        BufferedImage image = scaled(photo);
        long blown = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                int max = Math.max(r, Math.max(g, b));
                int min = Math.min(r, Math.min(g, b));
                if (min >= 245 && max - min <= 12) {
                    blown++;
                }
            }
        }
        return (double) blown / ((long) image.getWidth() * image.getHeight());
    }

    /**
     * Chroma (0 to 255, the spread between a pixel's strongest and weakest channel) that one pixel in ten reaches: a
     * colour document stands out even when a grey table fills most of the photo, while a photocopy or greyscale scan
     * has almost none anywhere.
     */
    public static double colourfulness(BufferedImage photo) {
        BufferedImage image = scaled(photo);
        int[] histogram = new int[256];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                histogram[Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b))]++;
            }
        }
        long tenth = (long) image.getWidth() * image.getHeight() / 10;
        long seen = 0;
        for (int chroma = 255; chroma > 0; chroma--) {
            seen += histogram[chroma];
            if (seen >= tenth) {
                return chroma;
            }
        }
        return 0;
    }

    /**
     * The document's distance from each edge of the frame as a share of the photo's width or height: left, top,
     * right, bottom. The background is taken from the photo's border; a document touching an edge has 0 there.
     */
    public static double[] margins(BufferedImage photo) {
        BufferedImage image = scaled(photo);
        int width = image.getWidth();
        int height = image.getHeight();
        int background = borderColour(image);
        int left = width;
        int right = -1;
        int top = height;
        int bottom = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (distance(image.getRGB(x, y), background) > 60) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        if (right < 0) {
            return new double[] {0, 0, 0, 0};
        }
        return new double[] {
            (double) left / width,
            (double) top / height,
            (double) (width - 1 - right) / width,
            (double) (height - 1 - bottom) / height
        };
    }

    private static int borderColour(BufferedImage image) {
        long r = 0;
        long g = 0;
        long b = 0;
        int n = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y : new int[] {0, image.getHeight() - 1}) {
                int rgb = image.getRGB(x, y);
                r += rgb >> 16 & 0xff;
                g += rgb >> 8 & 0xff;
                b += rgb & 0xff;
                n++;
            }
        }
        return (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
    }

    private static int distance(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff))
                + Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff))
                + Math.abs((a & 0xff) - (b & 0xff));
    }

    private static int[][] grey(BufferedImage image) {
        int[][] grey = new int[image.getHeight()][image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                grey[y][x] = (299 * (rgb >> 16 & 0xff) + 587 * (rgb >> 8 & 0xff) + 114 * (rgb & 0xff)) / 1000;
            }
        }
        return grey;
    }

    static BufferedImage scaled(BufferedImage photo) {
        int longer = Math.max(photo.getWidth(), photo.getHeight());
        if (longer <= WORKING_SIZE && photo.getType() == BufferedImage.TYPE_INT_RGB) {
            return photo;
        }
        double factor = Math.min(1.0, (double) WORKING_SIZE / longer);
        int width = Math.max(1, (int) Math.round(photo.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(photo.getHeight() * factor));
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, width, height, null);
        g.dispose();
        return copy;
    }
}
