package org.openkyc.documents.ocr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.openkyc.documents.mrz.CheckDigits;

/**
 * Generated photos of identity documents: a card or passport page with a visual zone and a machine-readable zone in
 * the OCR-B font (Debian {@code fonts-ocr-b}), photographed slightly rotated, in perspective (a true homography: one
 * edge nearer the camera), blurred and noisy.
 */
public final class DocumentPhotos {

    static final Path OCR_B = Path.of("/usr/share/fonts/opentype/ocr-b/OCRB.otf");

    private static final String[] SURNAMES = {
        "ERIKSSON",
        "MUSTERMANN",
        "SMITH",
        "OKONKWO",
        "GARCIA<LOPEZ",
        "NGUYEN",
        "DUPONT",
        "KOWALSKI",
        "ROSSI",
        "VAN<DER<BERG",
        "OCONNOR",
        "ZHANG",
        "IVANOVA",
        "SILVA",
        "MBEKI",
        "HANSEN",
        "TANAKA",
        "ABDULLAH",
        "MUELLER",
        "QUINN",
        "XAVIER",
        "JOHANSSON",
        "PAPADOPOULOS",
        "KIM"
    };
    private static final String[] GIVEN = {
        "ANNA", "MARIA", "JOHN", "PETER", "CHIDI", "LUCIA", "YUKI", "OLGA", "AHMED", "SOPHIE", "JAKUB", "ZOE", "WEI",
        "KWAME", "INGRID", "LUIS", "FATIMA", "BJORN", "ELENA", "MARC"
    };
    private static final String[] STATES = {"D<<", "UTO", "GBR", "FRA", "NLD", "POL", "ESP", "ITA", "SWE", "USA"};

    /** A generated document: the zone's lines and its photo. */
    public record Sample(List<String> lines, BufferedImage photo) {}

    private final Font ocrB;
    private final Random random;

    public DocumentPhotos(long seed) {
        try {
            this.ocrB = Font.createFont(Font.TRUETYPE_FONT, OCR_B.toFile());
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("The OCR-B font is needed: apt-get install fonts-ocr-b", e);
        }
        this.random = new Random(seed);
    }

    static boolean fontInstalled() {
        return Files.isReadable(OCR_B);
    }

    public Sample next() {
        List<String> lines = random.nextInt(3) == 0 ? td1() : td3();
        return new Sample(lines, photograph(lines));
    }

    public List<String> td3() {
        String state = pick(STATES);
        String names = pad(pick(SURNAMES) + "<<" + pick(GIVEN) + (random.nextBoolean() ? "<" + pick(GIVEN) : ""), 39);
        String line1 = "P<" + state + names;
        String number = alphanumeric(9);
        String birth = date(1940, 2008);
        String expiry = date(2025, 2036);
        String optional = random.nextBoolean() ? pad(digits(random.nextInt(6, 12)), 14) : "<".repeat(14);
        String sex = random.nextBoolean() ? "M" : "F";
        String nationality = pick(STATES);
        String optionalCheck = optional.replace("<", "").isEmpty() ? "<" : digit(optional);
        String line2 = number
                + digit(number)
                + nationality
                + birth
                + digit(birth)
                + sex
                + expiry
                + digit(expiry)
                + optional
                + optionalCheck;
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        return List.of(line1, line2 + digit(composite));
    }

    /**
     * The zone of a passport (TD3) with the given data, check digits computed.
     *
     * @param birth and {@code expiry}: YYMMDD
     */
    public static List<String> passport(
            String state, String surname, String given, String number, String birth, String sex, String expiry) {
        String line1 = pad("P<" + state + surname.replace(' ', '<') + "<<" + given.replace(' ', '<'), 44);
        String num = pad(number, 9);
        String line2 =
                num + digit(num) + state + birth + digit(birth) + sex + expiry + digit(expiry) + "<".repeat(14) + "<";
        String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
        return List.of(line1, line2 + digit(composite));
    }

    public List<String> td1() {
        String number = alphanumeric(9);
        String line1 = "I<" + pick(STATES) + number + digit(number) + pad(digits(random.nextInt(0, 8)), 15);
        String birth = date(1940, 2008);
        String expiry = date(2025, 2036);
        String head = birth
                + digit(birth)
                + (random.nextBoolean() ? "M" : "F")
                + expiry
                + digit(expiry)
                + pick(STATES)
                + "<".repeat(11);
        String composite = line1.substring(5, 30) + head.substring(0, 7) + head.substring(8, 15) + head.substring(18);
        String line2 = head + digit(composite);
        String line3 = pad(pick(SURNAMES) + "<<" + pick(GIVEN), 30);
        return List.of(line1, line2, line3);
    }

    /** The document, laid on a table and photographed. */
    public BufferedImage photograph(List<String> lines) {
        int columns = lines.getFirst().length();
        int cardWidth = 900 + random.nextInt(500);
        double ratio = columns == 44 ? 88.0 / 125.0 : 54.0 / 85.6;
        int cardHeight = (int) (cardWidth * ratio);
        BufferedImage card = new BufferedImage(cardWidth, cardHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        Color tint = new Color(205 + random.nextInt(40), 210 + random.nextInt(40), 200 + random.nextInt(50));
        g.setPaint(new GradientPaint(0, 0, tint, cardWidth, cardHeight, tint.brighter()));
        g.fillRect(0, 0, cardWidth, cardHeight);
        // Guilloche-like background lines and the visual zone.
        g.setStroke(new BasicStroke(1.2f));
        g.setColor(new Color(tint.getRed() - 30, tint.getGreen() - 25, tint.getBlue() - 10));
        for (int i = 0; i < 14; i++) {
            int y = random.nextInt(cardHeight / 2);
            g.drawArc(-cardWidth / 2, y, cardWidth * 2, cardHeight, 0, 180);
        }
        g.setColor(new Color(120, 120, 130));
        g.fillRect(cardWidth / 20, cardHeight / 6, cardWidth / 4, cardHeight * 2 / 5);
        g.setColor(new Color(40, 40, 60));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, cardHeight / 18));
        g.drawString(columns == 30 ? "IDENTITY CARD" : "PASSPORT", cardWidth / 3, cardHeight / 9);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, cardHeight / 26));
        // The visual zone: the names and the document number as the zone holds them, and some other fields.
        String[] visual = {
            "Surname / Nom " + name(lines, true),
            "Given names / Prenoms " + name(lines, false),
            "Document No. " + number(lines),
            "Authority " + pick(GIVEN) + " " + digits(4),
            "Place of birth " + pick(GIVEN)
        };
        for (int i = 0; i < visual.length; i++) {
            g.drawString(visual[i], cardWidth / 3, cardHeight / 5 + i * cardHeight / 11);
        }
        // The machine-readable zone: OCR-B, monospaced, across about nine tenths of the width.
        float size = 10f;
        Font font = ocrB.deriveFont(size);
        double advance = g.getFontMetrics(font).stringWidth("<".repeat(columns));
        size = (float) (size * cardWidth * 0.9 / advance);
        font = ocrB.deriveFont(size);
        g.setFont(font);
        g.setColor(new Color(15 + random.nextInt(30), 15 + random.nextInt(30), 20 + random.nextInt(30)));
        int lineHeight = (int) (size * 1.45);
        int top = cardHeight - lineHeight * lines.size() - cardHeight / 30;
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), cardWidth / 20, top + (i + 1) * lineHeight - lineHeight / 4);
        }
        g.dispose();
        return distort(card);
    }

    private static String name(List<String> lines, boolean surname) {
        String field = lines.size() == 3 ? lines.get(2) : lines.getFirst().substring(5);
        String[] parts = field.split("<<", 2);
        String name = surname ? parts[0] : parts.length > 1 ? parts[1] : "";
        return name.replaceAll("<+$", "").replace('<', ' ').strip();
    }

    private static String number(List<String> lines) {
        String number = lines.size() == 3
                ? lines.getFirst().substring(5, 14)
                : lines.get(1).substring(0, 9);
        return number.replace("<", "");
    }

    private BufferedImage distort(BufferedImage card) {
        int margin = card.getWidth() / 6;
        int width = card.getWidth() + 2 * margin;
        int height = card.getHeight() + 2 * margin;
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(60 + random.nextInt(60), 50 + random.nextInt(50), 40 + random.nextInt(40)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        AffineTransform placement = new AffineTransform();
        placement.translate(width / 2.0, height / 2.0);
        placement.rotate(Math.toRadians(random.nextDouble(-4, 4)));
        placement.scale(random.nextDouble(0.96, 1.04), random.nextDouble(0.96, 1.04));
        placement.translate(-card.getWidth() / 2.0, -card.getHeight() / 2.0);
        double cw = card.getWidth();
        double ch = card.getHeight();
        double[] corners = {0, 0, cw, 0, cw, ch, 0, ch};
        double[] placed = new double[8];
        placement.transform(corners, 0, placed, 0, 4);
        // Perspective, as from a phone held not quite parallel: one edge nearer the camera than the other.
        double keystone = random.nextDouble(-0.04, 0.04) * cw;
        double tilt = random.nextDouble(-0.03, 0.03) * ch;
        placed[0] += keystone;
        placed[2] -= keystone;
        placed[1] += tilt;
        placed[7] -= tilt;
        project(card, photo, homography(placed, corners));
        BufferedImage blurred = blur(photo, random.nextDouble(0.0, 1.4));
        addNoise(blurred, random.nextDouble(2, 12));
        return blurred;
    }

    /** Draws the card into the photo through a homography that maps photo pixels back onto the card. */
    private static void project(BufferedImage card, BufferedImage photo, double[] h) {
        int cw = card.getWidth();
        int ch = card.getHeight();
        int[] source = card.getRGB(0, 0, cw, ch, null, 0, cw);
        for (int y = 0; y < photo.getHeight(); y++) {
            for (int x = 0; x < photo.getWidth(); x++) {
                double w = h[6] * x + h[7] * y + 1;
                double u = (h[0] * x + h[1] * y + h[2]) / w;
                double v = (h[3] * x + h[4] * y + h[5]) / w;
                if (u < 0 || v < 0 || u >= cw - 1 || v >= ch - 1) {
                    continue;
                }
                int u0 = (int) u;
                int v0 = (int) v;
                double fu = u - u0;
                double fv = v - v0;
                int rgb = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    double c = (1 - fu) * (1 - fv) * (source[v0 * cw + u0] >> shift & 0xff)
                            + fu * (1 - fv) * (source[v0 * cw + u0 + 1] >> shift & 0xff)
                            + (1 - fu) * fv * (source[(v0 + 1) * cw + u0] >> shift & 0xff)
                            + fu * fv * (source[(v0 + 1) * cw + u0 + 1] >> shift & 0xff);
                    rgb |= ((int) Math.round(c) & 0xff) << shift;
                }
                photo.setRGB(x, y, rgb);
            }
        }
    }

    /** The homography taking the four points {@code from} (x, y pairs) to the four points {@code to}. */
    static double[] homography(double[] from, double[] to) {
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = from[2 * i];
            double y = from[2 * i + 1];
            double u = to[2 * i];
            double v = to[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -x * u, -y * u, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -x * v, -y * v, v};
        }
        for (int col = 0; col < 8; col++) {
            int pivot = col;
            for (int row = col + 1; row < 8; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            double[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < 8; row++) {
                if (row != col) {
                    double factor = a[row][col] / a[col][col];
                    for (int k = col; k < 9; k++) {
                        a[row][k] -= factor * a[col][k];
                    }
                }
            }
        }
        double[] h = new double[8];
        for (int i = 0; i < 8; i++) {
            h[i] = a[i][8] / a[i][i];
        }
        return h;
    }

    private static BufferedImage blur(BufferedImage image, double sigma) {
        if (sigma < 0.3) {
            return image;
        }
        int radius = (int) Math.ceil(sigma * 2.5);
        float[] weights = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            weights[i + radius] = (float) Math.exp(-(i * i) / (2 * sigma * sigma));
            sum += weights[i + radius];
        }
        for (int i = 0; i < weights.length; i++) {
            weights[i] /= sum;
        }
        BufferedImage horizontal =
                new ConvolveOp(new Kernel(weights.length, 1, weights), ConvolveOp.EDGE_NO_OP, null).filter(image, null);
        return new ConvolveOp(new Kernel(1, weights.length, weights), ConvolveOp.EDGE_NO_OP, null)
                .filter(horizontal, null);
    }

    private void addNoise(BufferedImage image, double sigma) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int n = (int) (random.nextGaussian() * sigma);
                int r = clamp(((rgb >> 16) & 0xff) + n);
                int gr = clamp(((rgb >> 8) & 0xff) + n);
                int b = clamp((rgb & 0xff) + n);
                image.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String alphanumeric(int length) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(chars.charAt(random.nextInt(chars.length())));
        }
        return out.toString();
    }

    private String digits(int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    private String date(int fromYear, int toYear) {
        int year = random.nextInt(fromYear, toYear) % 100;
        return String.format("%02d%02d%02d", year, random.nextInt(1, 13), random.nextInt(1, 29));
    }

    private static String digit(String field) {
        return String.valueOf(CheckDigits.of(field));
    }

    private static String pad(String value, int length) {
        String cut = value.length() > length ? value.substring(0, length) : value;
        return cut + "<".repeat(length - cut.length());
    }

    public static void write(BufferedImage image, Path file) {
        try {
            javax.imageio.ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
