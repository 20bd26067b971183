package org.openkyc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.support.Api;
import org.openkyc.support.Browser;
import org.openkyc.support.FakeCamera;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An applicant photographs their passport with the camera (Chromium's fake camera plays a generated passport photo):
 * the hosted page captures it by itself once the picture is steady and sharp, the server reads the zone, and the
 * reviewer sees the document in the profile.
 */
class DocumentCaptureBrowserTest extends IntegrationTest {

    @Test
    void aPassportCapturedByTheCameraIsReadAndShownInTheProfile(@TempDir Path dir) throws Exception {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Capture");
        SignUps.Admin admin = tenant.admin();
        Api owner = tenant.owner();
        Api integrator = tenant.integrator();
        String flow = owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Camera passport",
                                "steps",
                                List.of(Map.of(
                                        "type",
                                        "DOCUMENT",
                                        "config",
                                        Map.of(
                                                "permittedDocumentTypes",
                                                List.of("PASSPORT"),
                                                "captureWays",
                                                List.of("CAMERA", "AUTOCAPTURE"))))))
                .text("id");
        String id = integrator
                .post(
                        "/api/v1/applicants",
                        Map.of(
                                "externalUserId",
                                "camera-" + UUID.randomUUID(),
                                "flowId",
                                flow,
                                "fixedInfo",
                                Map.of("lastName", "Okonkwo")))
                .text("id");
        String link = integrator
                .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 3600))
                .text("url");
        List<String> zone = DocumentPhotos.passport("NLD", "OKONKWO", "CHIDI", "NX7K2P4Q8", "910305", "M", "330720");
        Path video = FakeCamera.video(
                new DocumentPhotos(12).photograph(zone), 1280, 720, Files.createFile(dir.resolve("passport.y4m")));

        try (Browser browser = Browser.withCamera(baseUrl(), video)) {
            browser.open(link);
            browser.click("#start");
            browser.find("#document-form");
            assertThat(browser.exists("#document-front.gallery-off"))
                    .as("the flow takes camera photos only")
                    .isTrue();
            new Select(browser.driver().findElement(By.id("document-country"))).selectByValue("NL");
            browser.click("#camera-front");
            browser.awaitAttribute("#side-front", "data-captured", "true");
            assertThat(browser.text("#side-front .capture-hint")).startsWith("Photo taken.");
            assertThat(browser.find("#preview-front").getAttribute("src")).startsWith("blob:");
            browser.screenshot("30-hosted-document-captured");
            browser.click("#document-submit");
            browser.find("#step-thank-you");
            browser.click("#finish");
            browser.find("#step-thank-you");
        }

        FormClient workplace = FormClient.signedIn(baseUrl(), admin.email());
        Document profile = workplace.get("/applicants/" + id).document();
        assertThat(profile.selectFirst("#document-banner").text())
                .as(profile.select(".document-problems").text())
                .startsWith("Valid document: Passport issued by NL");
        assertThat(profile.selectFirst("#field-documentNumber td.value").text()).isEqualTo("NX7K2P4Q8");
        assertThat(profile.selectFirst("#field-surname").hasClass("status-VERIFIED"))
                .isTrue();
        assertThat(profile.selectFirst("#document-mrz").text()).contains("P<NLDOKONKWO<<CHIDI");
        assertThat(integrator
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
    }
}
