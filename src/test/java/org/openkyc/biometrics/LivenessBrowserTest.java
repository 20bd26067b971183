package org.openkyc.biometrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.support.Browser;
import org.openkyc.support.FaceVideo;
import org.openkyc.support.FakeCamera;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An applicant does the 3D liveness challenge in front of Chromium's fake camera, which plays a face turning its head:
 * the hosted page takes the frames, the server sees both turns, the face match compares the liveness frame with the
 * external database's reference photo, and the reviewer sees the attempt and the percentage in the profile.
 */
class LivenessBrowserTest extends IntegrationTest {

    @Test
    void aTurningHeadPassesTheChallengeAndMatchesTheReferencePhoto(@TempDir Path dir) throws Exception {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Liveness camera");
        String flow = tenant.owner()
                .post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Live",
                                "steps",
                                List.of(
                                        Map.of("type", "LIVENESS", "config", Map.of("mode", "ACTIVE_3D")),
                                        Map.of(
                                                "type",
                                                "FACE_MATCH",
                                                "config",
                                                Map.of("sources", List.of("LIVENESS", "EXTERNAL_DATABASE"))))))
                .text("id");
        String external = "camera-" + UUID.randomUUID();
        String id = tenant.applicant(flow, external);
        FaceVideo.reference(tenant.companyId(), external, FaceVideo.turned(0.05));
        String link = tenant.integrator()
                .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 3600))
                .text("url");
        Path video = FakeCamera.video(
                FaceVideo.turningHead(), FaceVideo.WIDTH, FaceVideo.HEIGHT, 10, dir.resolve("face.y4m"));

        try (Browser browser = Browser.withCamera(baseUrl(), video)) {
            browser.open(link);
            browser.click("#start");
            browser.find("#step-liveness");
            browser.screenshot("39-hosted-liveness");
            browser.click("#liveness-start");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(40))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("step-thank-you")));
            browser.screenshot("40-hosted-liveness-passed");
            browser.click("#finish");
            browser.find("#step-thank-you");
        }

        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        Document profile = workplace.get("/applicants/" + id).document();
        assertThat(profile.selectFirst("#liveness-check .liveness-attempt").attr("data-status"))
                .isEqualTo("PASSED");
        assertThat(profile.select("#liveness-check [data-action]")).hasSize(2);
        int percent = Integer.parseInt(
                profile.selectFirst("#face-match-percent strong").text().replace("%", ""));
        assertThat(percent).isGreaterThanOrEqualTo(85);
    }
}
