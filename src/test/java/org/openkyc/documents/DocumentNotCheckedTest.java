package org.openkyc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * An OpenKYC whose MRZ model is missing: an applicant's document is not judged (they did nothing wrong), a person
 * looks, with a warning naming the check and why, and the system check says the same.
 */
@TestPropertySource(properties = "openkyc.ocr.mrz-model=target/no-such-folder/mrz.traineddata")
class DocumentNotCheckedTest extends IntegrationTest {

    private static final List<String> ANNA =
            DocumentPhotos.passport("SWE", "ERIKSSON", "ANNA MARIA", "X4R8K2M17", "740812", "F", "340415");

    @Test
    void withoutTheMrzModelTheDocumentWaitsForAPersonAndIsNotBlamedOnTheApplicant() throws IOException {
        SignUps.Tenant tenant = SignUps.tenant(api(), "No MRZ model");
        String flow = tenant.owner()
                .post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Passport",
                                "steps",
                                List.of(Map.of(
                                        "type",
                                        "DOCUMENT",
                                        "config",
                                        Map.of("permittedDocumentTypes", List.of("PASSPORT"))))))
                .text("id");
        String anna = tenant.integrator()
                .post(
                        "/api/v1/applicants",
                        Map.of("externalUserId", "doc-" + UUID.randomUUID(), "flowId", flow, "fixedInfo", Map.of()))
                .text("id");
        Api app = api().as(tenant.token(anna));
        app.post("/sdk/v1/start", null);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new DocumentPhotos(5).photograph(ANNA), "png", png);
        String front = app.upload(
                        "/sdk/v1/media",
                        Map.of("purpose", "DOCUMENT_FRONT"),
                        "file",
                        "photo.png",
                        "image/png",
                        png.toByteArray())
                .text("id");

        Api.Response sent =
                app.post("/sdk/v1/document", Map.of("documentType", "PASSPORT", "country", "SE", "front", front));
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);

        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + anna).json();
        assertThat(view.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.at("/steps/0/result").asString()).startsWith("not checked: the MRZ model is missing");
        List<JsonNode> warnings = view.at("/review/warnings").valueStream().toList();
        assertThat(warnings).extracting(w -> w.get("code").asString()).containsExactly("CHECK_UNAVAILABLE");
        assertThat(warnings.getFirst().get("message").asString())
                .startsWith("The document could not be checked: the MRZ model is missing (looked for ")
                .contains("no-such-folder");

        JsonNode checks = api().get("/actuator/health/checks").json();
        JsonNode mrz = checks.at("/details/mrz-ocr").isMissingNode()
                ? checks.at("/components/systemChecks/details/mrz-ocr")
                : checks.at("/details/mrz-ocr");
        assertThat(mrz.get("ready").asBoolean()).isFalse();
        assertThat(mrz.get("reason").asString()).contains("no-such-folder");
    }
}
