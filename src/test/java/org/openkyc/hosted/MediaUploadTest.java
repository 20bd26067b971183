package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
        HttpResponse<String> response = upload("DOCUMENT_FRONT", "passport.png", "image/png", photo);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
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
        HttpResponse<String> html = upload(
                "DOCUMENT_FRONT",
                "photo.jpg",
                "image/jpeg",
                "<html>not a photo</html>".getBytes(StandardCharsets.UTF_8));
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(Api.JSON.readTree(html.body()).at("/errors/0/code").asString())
                .isEqualTo("unsupportedType");

        HttpResponse<String> bomb =
                upload("DOCUMENT_FRONT", "bomb.png", "image/png", UploadChecksTest.pngClaiming(60_000, 60_000));
        assertThat(Api.JSON.readTree(bomb.body()).at("/errors/0/code").asString())
                .isEqualTo("tooManyPixels");

        HttpResponse<String> huge = upload("DOCUMENT_FRONT", "huge.jpg", "image/jpeg", new byte[11 * 1024 * 1024]);
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> pdfSelfie =
                upload("SELFIE", "me.pdf", "application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Api.JSON.readTree(pdfSelfie.body()).at("/errors/0/code").asString())
                .as("no step of this flow takes a selfie")
                .isEqualTo("notInFlow");

        HttpResponse<String> pdf = upload(
                "PROOF_OF_ADDRESS",
                "bill.pdf",
                "application/pdf",
                "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
        HttpResponse<String> pdfAsDocument = upload(
                "DOCUMENT_FRONT", "bill.pdf", "application/pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(Api.JSON.readTree(pdfAsDocument.body()).at("/errors/0/code").asString())
                .isEqualTo("unsupportedType");
    }

    private HttpResponse<String> upload(String purpose, String name, String type, byte[] data)
            throws IOException, InterruptedException {
        String boundary = "openkyc" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n" + purpose
                        + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + data.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(data, 0, body, head.length, data.length);
        System.arraycopy(tail, 0, body, head.length + data.length, tail.length);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/sdk/v1/media"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
