package org.openkyc.applicants;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.questionnaires.logic.AnswerCheckTest;
import org.openkyc.screening.ScreeningLists;
import org.openkyc.support.Api;
import org.openkyc.support.Documents;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.Reports;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The report ZIP, opened and every part checked against the applicant: PDF, history, AML, questionnaire, media. */
class ReportTest extends IntegrationTest {

    @Autowired
    ScreeningLists lists;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPartOfTheReportMatchesTheApplicant() throws Exception {
        lists.reload();
        SignUps.Tenant tenant = SignUps.tenant(api(), "Reported");
        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        FormClient.Page created = workplace.submit(workplace.get("/questionnaires"), Map.of("name", "Source of funds"));
        String questionnaire = created.location().substring(created.location().lastIndexOf('/') + 1);
        workplace.json(
                "PUT",
                "/questionnaires/" + questionnaire,
                Api.JSON.writeValueAsString(
                        Map.of("name", "Source of funds", "description", "", "schema", AnswerCheckTest.SCHEMA)),
                workplace.get("/questionnaires/" + questionnaire).csrf());
        String flow = tenant.flow(
                "Full",
                List.of(
                        Map.of("type", "DOCUMENT", "config", Map.of("permittedDocumentTypes", List.of("PASSPORT"))),
                        Map.of("type", "QUESTIONNAIRE", "config", Map.of("questionnaireId", questionnaire)),
                        Map.of("type", "AML")));
        String reference = "report-" + UUID.randomUUID();
        String id = tenant.applicant(
                flow,
                reference,
                Map.of("fixedInfo", Map.of("firstName", "Eric", "lastName", "Badege", "dateOfBirth", "1971-05-01")));
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        Documents.submit(
                app,
                "PASSPORT",
                "NL",
                DocumentPhotos.passport("NLD", "BADEGE", "ERIC", "NB4K7P2Q1", "710501", "M", "330720"));
        app.post(
                "/sdk/v1/questionnaire",
                Map.of("answers", Map.of("source", "salary", "amount", 1_200, "notes", "monthly pay slips")));
        app.post("/sdk/v1/finish", null);
        tenant.owner()
                .post(
                        "/api/v1/applicants/" + id + "/review",
                        Map.of("decision", "APPROVED", "comment", "listed namesake, other birth year"));

        Map<String, byte[]> zip = Reports.unzip(workplace.bytes("/applicants/" + id + "/report"));
        List<Map<String, Object>> media = jdbc.sql("SELECT id, purpose, sha256 FROM media_item WHERE applicant_id = :a")
                .param("a", UUID.fromString(id))
                .query()
                .listOfRows();
        assertThat(media).hasSize(1);
        String photo = "media/document_front-" + media.getFirst().get("id") + ".jpg";
        assertThat(zip.keySet())
                .containsExactlyInAnyOrder(
                        "report.pdf", "history.json", "history.csv", "aml.json", "questionnaire.pdf", photo);

        JsonNode applicant = tenant.integrator().get("/api/v1/applicants/" + id).json();
        JsonNode amlFile = Api.JSON.readTree(zip.get("aml.json"));
        assertThat(amlFile.at("/screening/complete").asBoolean()).isTrue();
        assertThat(amlFile.at("/screening/lists")
                        .valueStream()
                        .map(l -> l.get("source").asString()))
                .as("what the applicant was screened against")
                .contains("un_sc/UN_consolidated.xml", "us-congress/legislators-current.yaml");
        JsonNode aml = amlFile.get("matches");
        assertThat(aml.size())
                .isEqualTo(jdbc.sql("SELECT count(*) FROM aml_match WHERE applicant_id = :a")
                        .param("a", UUID.fromString(id))
                        .query(Long.class)
                        .single()
                        .intValue())
                .isPositive();
        String listed = aml.get(0).get("entityName").asString();

        String pdf = Reports.pdfText(zip.get("report.pdf"));
        assertThat(pdf)
                .contains(reference, id, applicant.get("status").asString())
                .contains("Certificates", "IDENTITY_DOCUMENT", "SANCTIONS_PEP")
                .contains("Identity document", "BADEGE", "NB4K7P2Q1")
                .contains("Sanctions and PEP screening", listed)
                .contains("Screened against", "un_sc/UN_consolidated.xml")
                .contains("AML_POTENTIAL_MATCH")
                .contains("listed namesake, other birth year")
                .contains("Photos", "DOCUMENT_FRONT");
        assertThat(images(zip.get("report.pdf")))
                .as("the document photo is in the PDF")
                .isEqualTo(1);

        JsonNode timeline = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/timeline")
                .json();
        assertThat(Api.JSON.readTree(zip.get("history.json"))).isEqualTo(timeline);
        String[] csv = new String(zip.get("history.csv"), java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(csv).hasSize(1 + timeline.size());

        assertThat(Reports.pdfText(zip.get("questionnaire.pdf"))).contains("Source of funds", "monthly pay slips");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.get(photo))))
                .as("the photo as stored")
                .isEqualTo(media.getFirst().get("sha256"));
    }

    private static int images(byte[] pdf) throws java.io.IOException {
        int count = 0;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
