package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.core.CompanyId;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.media.MediaLibrary;
import org.openkyc.media.UploadChecksTest;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Uploads through the hosted flow's API: limits, sniffing, re-encoding and encryption at rest. */
class MediaUploadTest extends IntegrationTest {

    @Autowired
    MediaLibrary media;

    @Autowired
    OpenKycSettings settings;

    private Api integrator;
    private String companyId;
    private String token;

    @BeforeEach
    void applicant() {
        Api owner = api().as(SignUps.signUp(
                        api(), "Media " + UUID.randomUUID().toString().substring(0, 6))
                .token());
        companyId = owner.get("/api/v1/company").text("id");
        String applicationId =
                owner.get("/api/v1/applications").json().get(0).get("id").asString();
        integrator = api().as(owner.get("/api/v1/applications/" + applicationId + "/keys")
                .text("privateKey"));
        String flow = owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Docs",
                                "steps",
                                List.of(Map.of("type", "DOCUMENT"), Map.of("type", "PROOF_OF_ADDRESS"))))
                .text("id");
        String id = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "media-" + UUID.randomUUID(), "flowId", flow))
                .text("id");
        token = integrator
                .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 3600))
                .text("token");
        api().as(token).post("/sdk/v1/start", null);
    }

    @Test
    void aPhotoIsStoredEncryptedAndWithoutItsMetadata() throws Exception {
        byte[] photo = UploadChecksTest.withExif(UploadChecksTest.jpeg(800, 500), "GPS 48.8584 N 2.2945 E");
        Api.Response response = upload("DOCUMENT_FRONT", "passport.png", "image/png", photo);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode item = Api.JSON.readTree(response.body());
        assertThat(item.get("contentType").asString())
                .as("judged by content, not by the name")
                .isEqualTo("image/jpeg");
        assertThat(item.get("width").asInt()).isEqualTo(800);

        byte[] stored = media.content(
                        new CompanyId(UUID.fromString(companyId)),
                        UUID.fromString(item.get("id").asString()))
                .orElseThrow();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS 48.8584");
        assertThat(stored[0]).isEqualTo((byte) 0xFF);

        try (Stream<Path> files = Files.walk(settings.dataDir().resolve("media").resolve(companyId))) {
            List<Path> blobs = files.filter(Files::isRegularFile).toList();
            assertThat(blobs).hasSize(1);
            byte[] onDisk = Files.readAllBytes(blobs.getFirst());
            assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
                    .as("encrypted at rest")
                    .doesNotContain(new String(java.util.Arrays.copyOf(stored, 64), StandardCharsets.ISO_8859_1));
        }
        assertThat(media.content(
                        CompanyId.random(), UUID.fromString(item.get("id").asString())))
                .as("another company's media is not there")
                .isEmpty();
    }

    @Test
    void mislabelledOversizedBombAndMisdirectedUploadsAreRefused() throws Exception {
        Api.Response html = upload(
                "DOCUMENT_FRONT",
                "photo.jpg",
                "image/jpeg",
                "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.status()).isEqualTo(400);
        assertThat(Api.JSON.readTree(html.body()).at("/errors/0/code").asString())
                .isEqualTo("unsupportedType");

        Api.Response bomb =
                upload("DOCUMENT_FRONT", "bomb.png", "image/png", UploadChecksTest.pngClaiming(60_000, 60_000));
        assertThat(Api.JSON.readTree(bomb.body()).at("/errors/0/code").asString())
                .isEqualTo("tooManyPixels");

        Api.Response huge = upload("DOCUMENT_FRONT", "huge.jpg", "image/jpeg", new byte[11 * 1024 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");

        Api.Response pdfSelfie =
                upload("SELFIE", "me.pdf", "application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Api.JSON.readTree(pdfSelfie.body()).at("/errors/0/code").asString())
                .as("no step of this flow takes a selfie")
                .isEqualTo("notInFlow");

        Api.Response pdf = upload(
                "PROOF_OF_ADDRESS",
                "bill.pdf",
                "application/pdf",
                "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
        Api.Response pdfAsDocument = upload(
                "DOCUMENT_FRONT", "bill.pdf", "application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Api.JSON.readTree(pdfAsDocument.body()).at("/errors/0/code").asString())
                .isEqualTo("unsupportedType");
    }

    private Api.Response upload(String purpose, String name, String type, byte[] data) {
        return api().as(token).upload("/sdk/v1/media", Map.of("purpose", purpose), "file", name, type, data);
    }
}
