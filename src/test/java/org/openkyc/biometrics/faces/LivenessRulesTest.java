package org.openkyc.biometrics.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkyc.support.FaceVideo;

/** The liveness rules on frames of a turning head and of a still photo, through the real models. */
class LivenessRulesTest {

    private static FaceEngine engine;

    @BeforeAll
    static void models() {
        engine = FaceEngine.open(FaceSettings.defaults(Path.of("models/faces")));
        assertThat(engine.available())
                .as(String.valueOf(engine.unavailableReason()))
                .isTrue();
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void aTurningHeadPassesBothTurns() {
        List<LivenessRules.Frame> frames = new ArrayList<>();
        add(frames, 0, 0, 0, 0);
        add(frames, 1, 0.1, 0.2, 0.2, 0.1);
        add(frames, 2, -0.1, -0.2, -0.2, -0.1);
        LivenessRules.Verdict verdict = LivenessRules.evaluate(
                frames, List.of(LivenessRules.Action.TURN_LEFT, LivenessRules.Action.TURN_RIGHT), 0.3);
        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.actions()).containsEntry("TURN_LEFT", true).containsEntry("TURN_RIGHT", true);
        assertThat(frames.get(verdict.bestFrame()).segment()).isZero();
    }

    @Test
    void aStillPhotoFailsTheActiveChallengeButNotTheOneShot() {
        List<LivenessRules.Frame> frames = new ArrayList<>();
        add(frames, 0, 0, 0, 0);
        add(frames, 1, 0, 0, 0, 0);
        add(frames, 2, 0, 0, 0, 0);
        LivenessRules.Verdict active = LivenessRules.evaluate(
                frames, List.of(LivenessRules.Action.TURN_RIGHT, LivenessRules.Action.TURN_LEFT), 0.3);
        assertThat(active.passed()).isFalse();
        assertThat(active.problems()).contains("turn right not seen", "turn left not seen");
        // a held photo is what one-shot liveness relies on the passive model to catch; this sample is a real
        // person photographed, so it passes the one-shot check, as it should
        assertThat(LivenessRules.evaluate(frames.subList(0, 3), List.of(), 0.3).passed())
                .isTrue();
    }

    @Test
    void anotherFaceMidwayIsCaught() {
        List<LivenessRules.Frame> frames = new ArrayList<>();
        add(frames, 0, 0, 0, 0);
        BufferedImage stranger = FaceVideo.stranger();
        for (int i = 0; i < 3; i++) {
            Rgb image = Rgb.of(stranger);
            FaceEngine.Face face = engine.faces(image).getFirst();
            frames.add(new LivenessRules.Frame(1, face, engine.liveness(image, face.box())));
        }
        LivenessRules.Verdict verdict = LivenessRules.evaluate(frames, List.of(LivenessRules.Action.SMILE), 0.3);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.problems()).anyMatch(p -> p.startsWith("the face changed between frames"));
    }

    @Test
    void framesWithoutAFaceFail() {
        BufferedImage empty = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        assertThat(engine.faces(Rgb.of(empty))).isEmpty();
        LivenessRules.Verdict verdict = LivenessRules.evaluate(
                List.of(new LivenessRules.Frame(0, null, 0), new LivenessRules.Frame(0, null, 0)), List.of(), 0.3);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.bestFrame()).isEqualTo(-1);
    }

    @Test
    void missingModelsMakeAnUnavailableEngine() {
        try (FaceEngine none = FaceEngine.open(FaceSettings.defaults(Path.of("target/no-models")))) {
            assertThat(none.available()).isFalse();
            assertThat(none.unavailableReason()).startsWith("no face model at target/no-models/");
        }
    }

    private static void add(List<LivenessRules.Frame> frames, int segment, double... turns) {
        for (double turn : turns) {
            Rgb image = Rgb.of(FaceVideo.turned(turn));
            List<FaceEngine.Face> faces = engine.faces(image);
            FaceEngine.Face face = faces.isEmpty() ? null : faces.getFirst();
            frames.add(new LivenessRules.Frame(segment, face, face == null ? 0 : engine.liveness(image, face.box())));
        }
    }
}
