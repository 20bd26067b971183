package org.openkyc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.Reports;
import org.openkyc.support.SignUps;

/**
 * The document check through the hosted flow's API, as an integrator's app uses it, and what a reviewer sees: photos
 * read by OCR, fields held to the flow's rules and to the declared data, duplicates across applicants, expired
 * documents, reviewer corrections in the timeline, and photos kept to their company.
 */
class DocumentCheckTest extends IntegrationTest {

    private static final List<String> ANNA =
            DocumentPhotos.passport("SWE", "ERIKSSON", "ANNA MARIA", "X4R8K2M17", "740812", "F", "340415");

    private SignUps.Tenant tenant;
    private Api owner;
    private Api integrator;
    private SignUps.Admin admin;
    private String flow;

    @BeforeEach
    void company() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Docs");
        admin = tenant.admin();
        owner = tenant.owner();
        integrator = tenant.integrator();
        this.tenant = tenant;
        flow = owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Passport and selfie",
                                "steps",
                                List.of(
                                        Map.of(
                                                "type",
                                                "DOCUMENT",
                                                "config",
                                                Map.of("permittedDocumentTypes", List.of("PASSPORT", "ID_CARD"))),
                                        Map.of("type", "SELFIE_WITH_DOCUMENT"))))
                .text("id");
    }

    @Test
    void aPassportPhotoIsReadCheckedAndShownToTheReviewer() throws Exception {
        String anna = applicant(Map.of("firstName", "Anna Maria", "lastName", "Eriksson", "dateOfBirth", "1974-08-12"));
        Api app = api().as(token(anna));
        app.post("/sdk/v1/start", null);
        String front = upload(app, "DOCUMENT_FRONT", new DocumentPhotos(5).photograph(ANNA));

        Api.Response wrongType =
                app.post("/sdk/v1/document", Map.of("documentType", "VISA", "country", "SE", "front", front));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().at("/errors/0/code").asString()).isEqualTo("notAccepted");

        Api.Response checked =
                app.post("/sdk/v1/document", Map.of("documentType", "PASSPORT", "country", "SE", "front", front));
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().get("step").asString()).isEqualTo("SELFIE_WITH_DOCUMENT");
        assertThat(integrator
                        .get("/api/v1/applicants/" + anna)
                        .json()
                        .at("/steps/0/result")
                        .asString())
                .isEqualTo("valid: PASSPORT SE X4R8K2M17");

        String selfie = upload(app, "SELFIE", new DocumentPhotos(6).photograph(ANNA));
        assertThat(app.post("/sdk/v1/selfie", Map.of("selfie", selfie))
                        .json()
                        .get("step")
                        .asString())
                .isEqualTo("THANK_YOU");
        assertThat(app.post("/sdk/v1/finish", null).json().get("status").asString())
                .isEqualTo("COMPLETED");

        FormClient workplace = signedIn();
        Document profile = workplace.get("/applicants/" + anna).document();
        assertThat(profile.selectFirst("#document-banner").text()).startsWith("Valid document: Passport issued by SE");
        assertThat(field(profile, "documentNumber")).containsExactly("X4R8K2M17", "MRZ and visual zone", "verified");
        assertThat(field(profile, "surname")).containsExactly("ERIKSSON", "MRZ", "verified");
        assertThat(field(profile, "birthDate")).containsExactly("1974-08-12", "MRZ", "verified");
        assertThat(field(profile, "expiryDate")).containsExactly("2034-04-15", "MRZ", "verified");
        assertThat(field(profile, "nationality").getLast())
                .as("nothing declared to compare with")
                .isEqualTo("not checked");
        assertThat(profile.select("#quality-front-focus").hasClass("ok")).isTrue();
        String photo = profile.selectFirst(".document-photos img.thumb").attr("src");
        FormClient.Page image = workplace.get(photo);
        assertThat(image.status()).isEqualTo(200);
        assertThat(profile.selectFirst("#selfie figcaption").text()).startsWith("Taken");

        HttpResponse<byte[]> report = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/applicants/" + anna + "/report"))
                                .header("Authorization", "Bearer " + admin.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(Reports.unzip(report.body()).keySet())
                .as("the report carries the photos")
                .contains("media/document_front-" + front + ".png", "media/selfie-" + selfie + ".png");

        FormClient stranger = new FormClient(baseUrl());
        SignUps.Admin other =
                SignUps.signUp(api(), "Other " + UUID.randomUUID().toString().substring(0, 6));
        stranger.submit(stranger.get("/signin"), Map.of("email", other.email(), "password", SignUps.PASSWORD));
        assertThat(stranger.get(photo).status())
                .as("another company cannot see the photo")
                .isEqualTo(404);
    }

    @Test
    void aDocumentAlreadyPresentedOrNotMatchingGoesToAReviewerWhoCanCorrectIt() {
        String first = applicant(Map.of());
        Api app = api().as(token(first));
        app.post("/sdk/v1/start", null);
        String front = upload(app, "DOCUMENT_FRONT", new DocumentPhotos(7).photograph(ANNA));
        // The zone as an NFC app read it: no OCR needed.
        app.post(
                "/sdk/v1/document",
                Map.of("documentType", "PASSPORT", "country", "SE", "front", front, "mrz", String.join("\n", ANNA)));

        String second = applicant(Map.of("lastName", "Smith"));
        Api other = api().as(token(second));
        other.post("/sdk/v1/start", null);
        String again = upload(other, "DOCUMENT_FRONT", new DocumentPhotos(8).photograph(ANNA));
        Api.Response checked = other.post(
                "/sdk/v1/document",
                Map.of("documentType", "PASSPORT", "country", "SE", "front", again, "mrz", String.join("\n", ANNA)));
        assertThat(checked.json().get("step").asString())
                .as("the applicant goes on; a person looks later")
                .isEqualTo("SELFIE_WITH_DOCUMENT");
        var view = integrator.get("/api/v1/applicants/" + second).json();
        assertThat(view.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        List<String> codes = view.at("/review/warnings")
                .valueStream()
                .map(w -> w.get("code").asString())
                .toList();
        assertThat(codes).contains("DUPLICATE_DOCUMENT", "DOCUMENT_NOT_VALID");

        FormClient workplace = signedIn();
        Document profile = workplace.get("/applicants/" + second).document();
        assertThat(profile.selectFirst("#document-banner").text()).startsWith("Not a valid document");
        assertThat(profile.selectFirst("#document-duplicates a.duplicate").attr("href"))
                .isEqualTo("/applicants/" + first);
        assertThat(field(profile, "surname")).containsExactly("ERIKSSON", "MRZ", "failed");
        assertThat(profile.select("#document-check .warning form"))
                .as("warnings resolved from the section")
                .isNotEmpty();

        FormClient.Page corrected = workplace.post(
                "/applicants/" + second + "/document/fields",
                Map.of(
                        "field",
                        "surname",
                        "value",
                        "SMITH",
                        "_csrf",
                        workplace.get("/applicants/" + second).csrf()));
        assertThat(corrected.status()).isEqualTo(302);
        Document after = workplace.get("/applicants/" + second).document();
        assertThat(field(after, "surname")).containsExactly("SMITH", "Reviewer", "verified");
        assertThat(after.selectFirst("#field-surname small").text()).contains("was ERIKSSON");
        assertThat(integrator.get("/api/v1/applicants/" + second + "/timeline").body())
                .contains("DOCUMENT_FIELD_EDITED");
    }

    @Test
    void anExpiredDocumentIsFlagged() {
        String late = applicant(Map.of());
        Api app = api().as(token(late));
        app.post("/sdk/v1/start", null);
        List<String> expired = DocumentPhotos.passport("SWE", "ERIKSSON", "ANNA", "L4R8K2M18", "740812", "F", "240101");
        String front = upload(app, "DOCUMENT_FRONT", new DocumentPhotos(9).photograph(expired));
        app.post(
                "/sdk/v1/document",
                Map.of("documentType", "PASSPORT", "country", "SE", "front", front, "mrz", String.join("\n", expired)));
        assertThat(integrator
                        .get("/api/v1/applicants/" + late)
                        .json()
                        .at("/review/warnings")
                        .valueStream()
                        .map(w -> w.get("code").asString()))
                .contains("DOCUMENT_EXPIRED");
        Document profile = signedIn().get("/applicants/" + late).document();
        assertThat(profile.selectFirst("#document-expired").text()).isEqualTo("The document expired on 2024-01-01.");
        assertThat(field(profile, "expiryDate").getLast()).isEqualTo("failed");
    }

    private List<String> field(Document profile, String name) {
        var row = profile.selectFirst("#field-" + name);
        assertThat(row).as(name).isNotNull();
        return List.of(
                row.selectFirst("td.value").text(),
                row.select("td").get(2).text(),
                row.select("td").get(3).selectFirst("span:not(.status-icon)").text());
    }

    private String applicant(Map<String, String> fixedInfo) {
        return integrator
                .post(
                        "/api/v1/applicants",
                        Map.of("externalUserId", "doc-" + UUID.randomUUID(), "flowId", flow, "fixedInfo", fixedInfo))
                .text("id");
    }

    private String token(String applicant) {
        return tenant.token(applicant);
    }

    private String upload(Api app, String purpose, java.awt.image.BufferedImage photo) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(photo, "png", png);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Api.Response response = app.upload(
                "/sdk/v1/media", Map.of("purpose", purpose), "file", "photo.png", "image/png", png.toByteArray());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.text("id");
    }

    private FormClient signedIn() {
        FormClient workplace = FormClient.signedIn(baseUrl(), admin.email());
        return workplace;
    }
}
