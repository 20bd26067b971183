package org.openkyc.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.FaceVideo;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import tools.jackson.databind.JsonNode;

/**
 * Liveness and face match through the SDK API with the real models: a still photo fails the head-turn challenge and
 * may try again, a turning head passes, and the face match compares the liveness frame with the external database's
 * reference photo; attempts run out into a warning; a reference photo of someone else keeps the face match for a
 * person.
 */
class BiometricsFlowTest extends IntegrationTest {

    private SignUps.Tenant tenant;

    @BeforeEach
    void company() {
        tenant = SignUps.tenant(api(), "Biometrics");
    }

    @Test
    void aStillPhotoFailsTheChallengeATurningHeadPassesAndTheFacesMatch() throws Exception {
        String id = tenant.faceApplicant(Map.of("mode", "ACTIVE_3D", "attempts", 2), FaceVideo.turned(0.05));
        Api app = api().as(tenant.token(id));
        assertThat(app.post("/sdk/v1/start", null).json().get("step").asString())
                .isEqualTo("LIVENESS");

        JsonNode challenge = app.post("/sdk/v1/liveness/challenge", null).json();
        List<String> actions = new ArrayList<>();
        challenge.get("actions").forEach(a -> actions.add(a.asString()));
        assertThat(actions).containsExactlyInAnyOrder("TURN_LEFT", "TURN_RIGHT");
        assertThat(challenge.get("allowed").asInt()).isEqualTo(2);

        Api.Response still = frames(app, challenge.get("attempt").asString(), actions, false);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.json().at("/outcome/status").asString()).isEqualTo("FAILED");
        assertThat(still.json().at("/outcome/retry").asBoolean()).isTrue();
        assertThat(still.json().at("/outcome/problems").toString()).contains("turn left not seen");
        assertThat(frames(app, challenge.get("attempt").asString(), actions, true)
                        .status())
                .as("a judged attempt is not judged again")
                .isEqualTo(409);

        JsonNode again = app.post("/sdk/v1/liveness/challenge", null).json();
        List<String> next = new ArrayList<>();
        again.get("actions").forEach(a -> next.add(a.asString()));
        Api.Response live = frames(app, again.get("attempt").asString(), next, true);
        assertThat(live.json().at("/outcome/status").asString()).isEqualTo("PASSED");
        assertThat(live.json().at("/session/step").asString())
                .as("the face match ran as the applicant reached it")
                .isEqualTo("THANK_YOU");
        assertThat(app.post("/sdk/v1/finish", null).json().get("status").asString())
                .isEqualTo("COMPLETED");
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/steps/1/type").asString()).isEqualTo("FACE_MATCH");
        assertThat(view.at("/steps/1/status").asString()).isEqualTo("PASSED");
        assertThat(view.at("/steps/1/result").asString()).endsWith("% across liveness, external_database");

        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        Document profile = workplace.get("/applicants/" + id).document();
        assertThat(profile.select("#liveness-check .liveness-attempt"))
                .extracting(e -> e.attr("data-status"))
                .containsExactly("PASSED", "FAILED");
        assertThat(profile.selectFirst("#liveness-check [data-action=TURN_LEFT]")
                        .text())
                .isEqualTo("Turn left: seen");
        String frames = profile.selectFirst("#liveness-check .recording").attr("data-frames");
        assertThat(frames.split(" ")).hasSize(13);
        String percent = profile.selectFirst("#face-match-percent strong").text();
        assertThat(Integer.parseInt(percent.replace("%", ""))).isGreaterThanOrEqualTo(85);
        assertThat(profile.select("#face-match figure"))
                .extracting(e -> e.attr("data-source"))
                .containsExactly("LIVENESS", "EXTERNAL_DATABASE");
        String image = profile.selectFirst("#face-match figure[data-source=LIVENESS] img")
                .attr("src");
        assertThat(workplace.get(image).status()).as("the faces are shown").isEqualTo(200);
    }

    @Test
    void attemptsRunOutAndAStrangersReferencePhotoGoToAPerson() throws Exception {
        String id = tenant.faceApplicant(
                Map.of("mode", "CUSTOM", "attempts", 1, "actions", List.of("TURN_RIGHT")), FaceVideo.still());

        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        JsonNode challenge = app.post("/sdk/v1/liveness/challenge", null).json();
        assertThat(challenge.get("actions").get(0).asString()).isEqualTo("TURN_RIGHT");
        Api.Response bad = app.upload(
                "/sdk/v1/liveness",
                Map.of("attempt", challenge.get("attempt").asString(), "segments", "0"),
                "frames",
                "image/jpeg",
                List.of(FaceVideo.jpeg(FaceVideo.still()), FaceVideo.jpeg(FaceVideo.still())),
                "frame.jpg");
        assertThat(bad.status()).as("one segment per frame").isEqualTo(400);

        Api.Response still = frames(app, challenge.get("attempt").asString(), List.of("TURN_RIGHT"), false);
        assertThat(still.json().at("/outcome/status").asString()).isEqualTo("FAILED");
        assertThat(still.json().at("/outcome/retry").asBoolean()).isFalse();
        assertThat(app.post("/sdk/v1/liveness/challenge", null).status())
                .as("no attempts left")
                .isEqualTo(409);

        assertThat(app.post("/sdk/v1/finish", null).json().get("status").asString())
                .isEqualTo("ON_HOLD");
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.at("/steps/1/status").asString()).isEqualTo("SUBMITTED");
        List<String> warnings = new ArrayList<>();
        view.at("/review/warnings").forEach(w -> warnings.add(w.get("code").asString()));
        assertThat(warnings).containsExactly("LIVENESS_FAILED", "FACE_NOT_FOUND");
    }

    @Test
    void aOneShotLivenessAndAStrangersReferencePhotoLeaveTheFaceMatchToAPerson() throws Exception {
        String id = tenant.faceApplicant(Map.of("mode", "ONE_SHOT"), FaceVideo.stranger());
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        JsonNode challenge = app.post("/sdk/v1/liveness/challenge", null).json();
        assertThat(challenge.get("actions").size()).isZero();
        Api.Response live = frames(app, challenge.get("attempt").asString(), List.of(), false);
        assertThat(live.json().at("/outcome/status").asString()).isEqualTo("PASSED");
        assertThat(app.post("/sdk/v1/finish", null).json().get("status").asString())
                .isEqualTo("ON_HOLD");
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/review/warnings/0/code").asString()).isEqualTo("FACE_MATCH_LOW");
        assertThat(view.at("/steps/1/result").asString()).contains("below 85%");
    }

    @Test
    void theFaceOnTheDocumentIsComparedWithTheLivenessFrame() {
        String flow = tenant.flow(
                "Faces",
                List.of(
                        Map.of("type", "DOCUMENT"),
                        Map.of("type", "LIVENESS", "config", Map.of("mode", "ONE_SHOT")),
                        Map.of(
                                "type",
                                "FACE_MATCH",
                                "config",
                                Map.of("sources", List.of("DOCUMENT_PHOTO", "LIVENESS")))));
        String id = tenant.applicant(flow, "bio-" + UUID.randomUUID());
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        Api.Response front = app.upload(
                "/sdk/v1/media",
                Map.of("purpose", "DOCUMENT_FRONT"),
                "file",
                "front.jpg",
                "image/jpeg",
                FaceVideo.jpeg(FaceVideo.document()));
        assertThat(front.status()).as(front.body()).isEqualTo(201);
        Api.Response document = app.post(
                "/sdk/v1/document", Map.of("documentType", "PASSPORT", "country", "NL", "front", front.text("id")));
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        assertThat(document.json().get("step").asString()).isEqualTo("LIVENESS");
        JsonNode challenge = app.post("/sdk/v1/liveness/challenge", null).json();
        Api.Response live = frames(app, challenge.get("attempt").asString(), List.of(), false);
        assertThat(live.json().at("/outcome/status").asString()).isEqualTo("PASSED");

        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/steps/2/type").asString()).isEqualTo("FACE_MATCH");
        assertThat(view.at("/steps/2/status").asString())
                .as(view.at("/steps/2/result").asString())
                .isEqualTo("PASSED");
        assertThat(view.at("/steps/2/result").asString()).endsWith("% across document_photo, liveness");
    }

    /** Sends an attempt's frames: five looking at the camera, then four per action, turning or held still. */
    private static Api.Response frames(Api app, String attempt, List<String> actions, boolean turning) {
        List<byte[]> images = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            images.add(FaceVideo.jpeg(FaceVideo.still()));
            segments.add("0");
        }
        for (int a = 0; a < actions.size(); a++) {
            double direction = actions.get(a).equals("TURN_LEFT") ? 1 : -1;
            for (double amount : new double[] {0.05, 0.12, 0.2, 0.2}) {
                images.add(FaceVideo.jpeg(turning ? FaceVideo.turned(direction * amount) : FaceVideo.still()));
                segments.add(String.valueOf(a + 1));
            }
        }
        return app.upload(
                "/sdk/v1/liveness",
                Map.of("attempt", attempt, "segments", String.join(",", segments)),
                "frames",
                "image/jpeg",
                images,
                "frame.jpg");
    }
}
