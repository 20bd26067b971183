package org.openkyc.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Uploads judged by their content, on generated files. */
public class UploadChecksTest {

    private static final Set<UploadChecks.Kind> IMAGES = Set.of(UploadChecks.Kind.JPEG, UploadChecks.Kind.PNG);

    @Test
    void aJpegLosesItsMetadataAndKeepsItsPicture() throws Exception {
        byte[] photo = withExif(jpeg(640, 480), "GPS 51.5007 N 0.1246 W; camera serial SN-998877");
        UploadChecks.Checked checked = UploadChecks.check(photo, IMAGES, 10_000_000, 40_000_000);
        assertThat(checked.kind()).isEqualTo(UploadChecks.Kind.JPEG);
        assertThat(checked.width()).isEqualTo(640);
        assertThat(checked.height()).isEqualTo(480);
        assertThat(new String(checked.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain("GPS", "SN-998877", "Exif");
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(checked.bytes()));
        assertThat(back.getWidth()).isEqualTo(640);
    }

    @Test
    void theNameOrDeclaredTypeDoesNotMatterOnlyTheContent() {
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UploadChecks.check(html, IMAGES, 10_000_000, 40_000_000))
                .isInstanceOfSatisfying(
                        UploadChecks.Refused.class, e -> assertThat(e.code()).isEqualTo("unsupportedType"));
        byte[] pdf = "%PDF-1.7\n%fake".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> UploadChecks.check(pdf, IMAGES, 10_000_000, 40_000_000))
                .isInstanceOfSatisfying(
                        UploadChecks.Refused.class, e -> assertThat(e.code()).isEqualTo("unsupportedType"));
        byte[] brokenJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x01, 0x02};
        assertThatThrownBy(() -> UploadChecks.check(brokenJpeg, IMAGES, 10_000_000, 40_000_000))
                .isInstanceOfSatisfying(
                        UploadChecks.Refused.class, e -> assertThat(e.code()).isEqualTo("unreadable"));
    }

    @Test
    void aDecompressionBombIsRefusedFromItsHeaderAlone() {
        byte[] bomb = pngClaiming(50_000, 50_000);
        long started = System.nanoTime();
        assertThatThrownBy(() -> UploadChecks.check(bomb, IMAGES, 10_000_000, 40_000_000))
                .isInstanceOfSatisfying(
                        UploadChecks.Refused.class, e -> assertThat(e.code()).isEqualTo("tooManyPixels"));
        assertThat(bomb.length).isLessThan(10_000);
        assertThat(System.nanoTime() - started).as("nothing was decoded").isLessThan(2_000_000_000L);
    }

    @Test
    void sizeLimitsHold() {
        assertThatThrownBy(() -> UploadChecks.check(new byte[0], IMAGES, 100, 100))
                .isInstanceOfSatisfying(
                        UploadChecks.Refused.class, e -> assertThat(e.code()).isEqualTo("tooLarge"));
        assertThatThrownBy(() -> UploadChecks.check(new byte[101], IMAGES, 100, 100))
                .isInstanceOfSatisfying(
                        UploadChecks.Refused.class, e -> assertThat(e.code()).isEqualTo("tooLarge"));
    }

    public static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The JPEG with an APP1 (EXIF) segment carrying {@code text} right after the start-of-image marker. */
    public static byte[] withExif(byte[] jpeg, String text) {
        byte[] payload = ("Exif\0\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + payload.length);
        out.put(jpeg, 0, 2);
        out.put((byte) 0xFF)
                .put((byte) 0xE1)
                .putShort((short) (payload.length + 2))
                .put(payload);
        out.put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A small PNG whose header claims {@code width} × {@code height} pixels. */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 2)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0);
        Deflater deflater = new Deflater(9);
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        byte[] compressed = new byte[4096];
        int length = deflater.deflate(compressed);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
