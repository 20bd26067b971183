package org.openkyc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.documents.ocr.MrzReaderAccuracyTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadMrzCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheZoneAsJsonWithEveryCheckDigit() {
        int exit = run(
                "--text",
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");
        assertThat(exit).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("format").asString()).isEqualTo("TD3");
        assertThat(json.get("documentNumber").asString()).isEqualTo("L898902C3");
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("checks")).hasSize(5);
        assertThat(json.at("/checks/4/field").asString()).isEqualTo("composite");
    }

    @Test
    void aWrongCheckDigitIsReportedAndNotValid() {
        assertThat(run(
                        "--text",
                        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F1204159ZE184226B<<<<<10"))
                .isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.at("/checks/0/ok").asBoolean()).isFalse();
    }

    @Test
    void readsAPhotoAndPrintsTheOcrLinesBeforeCorrection(@TempDir Path dir) {
        DocumentPhotos photos = new DocumentPhotos(42);
        List<String> lines = photos.td3();
        Path photo = dir.resolve("passport.png");
        DocumentPhotos.write(photos.photograph(lines), photo);
        int exit = run("--image", photo.toString(), "--model", MrzReaderAccuracyTest.MODEL.toString());
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("documentNumber").asString())
                .isEqualTo(lines.get(1).substring(0, 9).replace("<", ""));
        assertThat(json.get("ocrLines")).isNotEmpty();
    }

    @Test
    void aPhotoWithoutAZoneOrAMissingModelIsSaidSo(@TempDir Path dir) throws Exception {
        Path blank = dir.resolve("blank.png");
        ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
        assertThat(run("--image", blank.toString(), "--model", MrzReaderAccuracyTest.MODEL.toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No machine-readable zone");
        err.reset();
        assertThat(run(
                        "--image",
                        blank.toString(),
                        "--model",
                        dir.resolve("none.traineddata").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No trained model");
    }

    @Test
    void badInputGetsAMessageAndAnExitCode() {
        assertThat(run("--text", "not an mrz")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MRZ");
        assertThat(run()).isEqualTo(2);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return ReadMrzCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
