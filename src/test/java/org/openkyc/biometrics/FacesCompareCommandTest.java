package org.openkyc.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.support.FaceVideo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code faces compare} on sample faces: the same face matches, another does not, a photo without one says so. */
class FacesCompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSameFaceMatchesAndAnotherDoesNot() throws Exception {
        Path still = write("still.jpg", FaceVideo.still());
        Path turned = write("turned.jpg", FaceVideo.turned(0.1));
        Path stranger = write("stranger.jpg", FaceVideo.stranger());

        JsonNode same = run(0, "--a", still.toString(), "--b", turned.toString());
        assertThat(same.get("decision").asString()).isEqualTo("MATCH");
        assertThat(same.get("similarity").asInt()).isGreaterThanOrEqualTo(85);
        assertThat(same.at("/a/faces/0/box/width").asInt())
                .as("the face, largest first")
                .isBetween(180, 260);
        assertThat(same.at("/a/faces/0/score").asDouble()).isGreaterThan(0.99);
        assertThat(same.at("/bestPair/a").asInt()).isZero();

        JsonNode other = run(0, "--a", still.toString(), "--b", stranger.toString());
        assertThat(other.get("decision").asString()).isEqualTo("NO_MATCH");
        assertThat(other.get("similarity").asInt()).isLessThan(85);
    }

    @Test
    void aPhotoWithoutAFaceOrBadArgumentsAreSaid() throws Exception {
        Path blank = write("blank.png", new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB));
        Path still = write("still.jpg", FaceVideo.still());
        JsonNode none = run(1, "--a", blank.toString(), "--b", still.toString());
        assertThat(none.get("decision").asString()).isEqualTo("NO_FACE");
        assertThat(none.at("/a/faces").size()).isZero();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(FacesCompareCommand.run(
                        new String[] {"--a", still.toString()},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err)))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: faces compare");
        assertThat(FacesCompareCommand.run(
                        new String[] {"--a", still.toString(), "--b", still.toString(), "--models", dir.toString()},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err)))
                .as("without models the command says so")
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Face models are missing");
    }

    private Path write(String name, BufferedImage image) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, name.endsWith(".png") ? png(image) : FaceVideo.jpeg(image));
        return file;
    }

    private static byte[] png(BufferedImage image) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static JsonNode run(int exit, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = FacesCompareCommand.run(args, new PrintStream(out), new PrintStream(err));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(exit);
        return JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
