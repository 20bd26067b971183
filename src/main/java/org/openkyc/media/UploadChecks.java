package org.openkyc.media;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Checks an upload by its content, never its name or declared type: the first bytes must be those of an accepted
 * kind; an image's size in pixels is read from its header and refused above the limit before any pixel is decoded
 * (a decompression bomb costs nothing); accepted images are decoded and encoded anew, which leaves every metadata
 * block (EXIF, GPS, XMP, comments) behind. Free of Spring.
 */
public final class UploadChecks {

    /** What may be uploaded. */
    public enum Kind {
        JPEG("image/jpeg"),
        PNG("image/png"),
        PDF("application/pdf");

        private final String contentType;

        Kind(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }
    }

    /** An accepted upload, ready to store. */
    public record Checked(
            Kind kind,
            byte[] bytes,
            @Nullable Integer width,
            @Nullable Integer height) {}

    /** Why an upload was refused: {@code tooLarge}, {@code unsupportedType}, {@code tooManyPixels} or {@code unreadable}. */
    public static final class Refused extends Exception {
        private final String code;

        Refused(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private UploadChecks() {}

    public static Checked check(byte[] data, Set<Kind> allowed, long maxBytes, long maxPixels) throws Refused {
        if (data.length == 0 || data.length > maxBytes) {
            throw new Refused("tooLarge", "must be between 1 byte and " + maxBytes + " bytes");
        }
        Kind kind = sniff(data);
        if (kind == null || !allowed.contains(kind)) {
            throw new Refused("unsupportedType", "must be one of " + allowed + ", judged by its content");
        }
        if (kind == Kind.PDF) {
            return new Checked(kind, data, null, null);
        }
        return reencode(kind, data, maxPixels);
    }

    static @Nullable Kind sniff(byte[] data) {
        if (startsWith(data, 0xFF, 0xD8, 0xFF)) {
            return Kind.JPEG;
        }
        if (startsWith(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Kind.PNG;
        }
        if (startsWith(data, '%', 'P', 'D', 'F', '-')) {
            return Kind.PDF;
        }
        return null;
    }

    private static Checked reencode(Kind kind, byte[] data, long maxPixels) throws Refused {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind == Kind.JPEG ? "jpeg" : "png");
            if (!readers.hasNext()) {
                throw new Refused("unreadable", "cannot be read as an image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > maxPixels) {
                    throw new Refused("tooManyPixels", "may have at most " + maxPixels + " pixels");
                }
                BufferedImage image = reader.read(0);
                return new Checked(kind, encode(kind, image), image.getWidth(), image.getHeight());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new Refused("unreadable", "cannot be read as an image");
        }
    }

    private static byte[] encode(Kind kind, BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (kind == Kind.PNG) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.drawImage(image, 0, 0, null);
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.92f);
            writer.write(null, new IIOImage(rgb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(data, prefix.length), toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
