package org.openkyc.certificates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.support.Api;
import org.openkyc.support.Documents;
import org.openkyc.support.FaceVideo;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Every check issues its certificate with its expiry rule; new data for a check re-issues only its own; an approved
 * applicant whose certificate expires (the clock moved on) stays APPROVED and the company is told once.
 */
class CertificatesTest extends IntegrationTest {

    @Autowired
    Certificates certificates;

    private SignUps.Tenant tenant;

    @BeforeEach
    void company() {
        tenant = SignUps.tenant(api(), "Certificates");
    }

    @Test
    void documentWalletAndScreeningCertificatesExpireByTheirRulesAndAnExpiryIsToldOnce() {
        String flow = tenant.flow(
                "Certified",
                List.of(
                        Map.of("type", "DOCUMENT", "config", Map.of("permittedDocumentTypes", List.of("PASSPORT"))),
                        Map.of(
                                "type",
                                "CRYPTO_WALLET",
                                "config",
                                Map.of(
                                        "ownership",
                                        false,
                                        "walletAml",
                                        true,
                                        "networks",
                                        List.of("ETHEREUM"),
                                        // no source knows the address; this flow accepts that
                                        "unknownWallet",
                                        "ACCEPT")),
                        Map.of("type", "AML")));
        String id = tenant.applicant(flow);
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        document(app, "NX7K2P4Q8");
        app.post(
                "/sdk/v1/wallet/challenge",
                Map.of("network", "ETHEREUM", "address", "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"));
        app.post("/sdk/v1/wallet/verify", Map.of("signature", ""));
        app.post("/sdk/v1/finish", null);

        Map<String, JsonNode> issued = current(id);
        assertThat(issued).containsOnlyKeys("IDENTITY_DOCUMENT", "CRYPTO_ADDRESS", "CRYPTO_AML", "SANCTIONS_PEP");
        assertThat(issued.get("IDENTITY_DOCUMENT").get("expiresAt").asString())
                .as("the passport's own expiry date")
                .isEqualTo("2033-07-20T00:00:00Z");
        assertThat(lifetime(issued.get("CRYPTO_ADDRESS"))).isEqualTo(Duration.ofDays(7));
        assertThat(lifetime(issued.get("CRYPTO_AML"))).isEqualTo(Duration.ofDays(30));
        assertThat(issued.get("CRYPTO_AML").get("result").asString()).isEqualTo("CLEAR");
        assertThat(lifetime(issued.get("SANCTIONS_PEP"))).isEqualTo(Duration.ofDays(3652));
        assertThat(issued.get("SANCTIONS_PEP").get("details").asString())
                .as("what the screening ran against")
                .startsWith("no match; screened against ")
                .contains("un_sc/UN_consolidated.xml v", "us-congress/legislators-current.yaml v");

        tenant.owner().post("/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED"));
        assertThat(current(id)).as("a decision brings no new data").isEqualTo(issued);
        clock.advance(Duration.ofDays(8));
        certificates.notifyExpired();
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.get("status").asString()).as("stays approved").isEqualTo("APPROVED");
        assertThat(view.at("/review/warnings").toString()).contains("CERTIFICATE_EXPIRED", "crypto address");
        assertThat(view.at("/review/warnings").size()).isEqualTo(1);
        certificates.notifyExpired();
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .at("/review/warnings")
                        .size())
                .as("told once")
                .isEqualTo(1);
        clock.advance(Duration.ofDays(30));
        certificates.notifyExpired();
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .at("/review/warnings")
                        .toString())
                .contains("crypto aml");
    }

    @Test
    void anExpiredDocumentIsAskedForAgainAndTheApplicantComesBackForReview() {
        LocalDate soon = LocalDate.now(clock).plusDays(10);
        String id = approvedWithPassportExpiring(soon);
        assertThat(current(id).get("IDENTITY_DOCUMENT").get("expiresAt").asString())
                .isEqualTo(soon.atStartOfDay(ZoneOffset.UTC).toInstant().toString());

        clock.advance(Duration.ofDays(11));
        assertThat(certificates.notifyExpired()).isEqualTo(1);
        assertThat(tenant.status(id)).isEqualTo("APPROVED");

        // the owner signs in again: their token of 11 days ago has expired
        Api owner = api().as(SignUps.token(api(), tenant.admin().email(), SignUps.PASSWORD));
        Api.Response asked = owner.post(
                "/api/v1/applicants/" + id + "/resubmission",
                Map.of("step", "DOCUMENT", "message", "Your passport has expired; please send the new one."));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(tenant.status(id)).isEqualTo("INCOMPLETE");
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id + "/timeline")
                        .body())
                .contains("RESUBMISSION_REQUESTED", "Your passport has expired");

        Api again = api().as(tenant.token(id));
        assertThat(again.get("/sdk/v1/session").json().get("step").asString()).isEqualTo("DOCUMENT");
        document(again, "NX9R3T5V1", "330720");
        again.post("/sdk/v1/finish", null);
        assertThat(tenant.status(id)).as("back for review").isEqualTo("COMPLETED");
        assertThat(current(id).get("IDENTITY_DOCUMENT").get("expiresAt").asString())
                .isEqualTo("2033-07-20T00:00:00Z");
        JsonNode all = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/certificates?all=true")
                .json();
        assertThat(all.size())
                .as("the expired certificate is kept beside the new one")
                .isEqualTo(2);
    }

    @Test
    void inTheWorkplaceAReviewerRejectsAnExpiredDocumentFromItsCertificate() {
        String id = approvedWithPassportExpiring(LocalDate.now(clock).plusDays(3));
        clock.advance(Duration.ofDays(4));
        certificates.notifyExpired();

        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        FormClient.Page profile = workplace.get("/applicants/" + id);
        Element row = profile.document().selectFirst("#certificates tr[data-kind=IDENTITY_DOCUMENT]");
        assertThat(row.select(".badge.warn").eachText()).contains("expired");
        Element form = row.selectFirst("details.ask-again form");
        assertThat(form.selectFirst("input[name=step]").val()).isEqualTo("DOCUMENT");
        FormClient.Page asked = workplace.post(
                form.attr("action"),
                Map.of(
                        "step",
                        "DOCUMENT",
                        "message",
                        "Your passport expired; please send the one you use now.",
                        "_csrf",
                        profile.csrf()));
        assertThat(asked.location()).endsWith("/applicants/" + id);
        assertThat(tenant.status(id)).isEqualTo("INCOMPLETE");
        assertThat(workplace.get("/applicants/" + id + "?tab=timeline").html())
                .contains("Your passport expired; please send the one you use now.");
        assertThat(workplace.get("/applicants/" + id).document().select("#certificates details.ask-again"))
                .as("nothing to ask while the applicant is at it")
                .isEmpty();
    }

    @Test
    void newDataForACheckReissuesOnlyItsCertificate() {
        String flow = tenant.flow(
                "Certified",
                List.of(
                        Map.of("type", "DOCUMENT", "config", Map.of("permittedDocumentTypes", List.of("PASSPORT"))),
                        Map.of("type", "AML")));
        String id = tenant.applicant(flow);
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        document(app, "NX7K2P4Q8");
        Map<String, JsonNode> first = current(id);
        assertThat(first).containsOnlyKeys("IDENTITY_DOCUMENT", "SANCTIONS_PEP");

        clock.advance(Duration.ofMinutes(5));
        tenant.owner().post("/api/v1/applicants/" + id + "/review/start", null);
        certificates.issue(
                new org.openkyc.core.CompanyId(
                        UUID.fromString(tenant.owner().get("/api/v1/company").text("id"))),
                org.openkyc.core.Mode.TEST,
                org.openkyc.applicants.ApplicantId.parse(id));
        assertThat(current(id)).as("nothing new: nothing re-issued").isEqualTo(first);
        JsonNode all = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/certificates?all=true")
                .json();
        assertThat(all.size()).isEqualTo(2);
    }

    @Test
    void proofOfAddressRunsNinetyDaysFromItsIssueDate() throws Exception {
        String flow = tenant.flow("Certified", List.of(Map.of("type", "PROOF_OF_ADDRESS")));
        String id = tenant.applicant(flow);
        Api app = api().as(tenant.token(id)).header("X-Forwarded-For", "193.0.6.139");
        app.post("/sdk/v1/start", null);
        LocalDate issuedOn = LocalDate.now(clock).minusDays(20);
        byte[] pdf = Documents.statement(List.of(
                "Zuiderbank N.V. - Account statement",
                "Date of issue: " + issuedOn.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                "Anna Maria de Vries",
                "Keizersgracht 123",
                "1015 CJ Amsterdam"));
        String file = app.upload(
                        "/sdk/v1/media",
                        Map.of("purpose", "PROOF_OF_ADDRESS"),
                        "file",
                        "statement.pdf",
                        "application/pdf",
                        pdf)
                .text("id");
        Map<String, Object> declared = new HashMap<>();
        declared.put("file", file);
        declared.put("fullName", "Anna Maria de Vries");
        declared.put("street", "Keizersgracht 123");
        declared.put("city", "Amsterdam");
        declared.put("postCode", "1015 CJ");
        declared.put("country", "NL");
        assertThat(app.post("/sdk/v1/address", declared).status()).isEqualTo(200);
        JsonNode certificate = current(id).get("PROOF_OF_ADDRESS");
        assertThat(certificate.get("result").asString()).isEqualTo("CLEAR");
        assertThat(certificate.get("expiresAt").asString())
                .isEqualTo(issuedOn.plusDays(90)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .toString());
    }

    @Test
    void aFaceMatchHoldsNinetyDays() throws Exception {
        String id = tenant.faceApplicant(Map.of("mode", "ONE_SHOT"), FaceVideo.turned(0.05));
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        String attempt = app.post("/sdk/v1/liveness/challenge", null)
                .json()
                .get("attempt")
                .asString();
        List<byte[]> frames = java.util.Collections.nCopies(5, FaceVideo.jpeg(FaceVideo.still()));
        app.upload(
                "/sdk/v1/liveness",
                Map.of("attempt", attempt, "segments", "0,0,0,0,0"),
                "frames",
                "image/jpeg",
                frames,
                "frame.jpg");
        JsonNode certificate = current(id).get("FACE_MATCH");
        assertThat(certificate.get("result").asString()).isEqualTo("CLEAR");
        assertThat(lifetime(certificate)).isEqualTo(Duration.ofDays(90));
    }

    /** An applicant approved on a passport that expires on {@code expiry}. */
    private String approvedWithPassportExpiring(LocalDate expiry) {
        String flow = tenant.flow(
                "Certified",
                List.of(Map.of("type", "DOCUMENT", "config", Map.of("permittedDocumentTypes", List.of("PASSPORT")))));
        String id = tenant.applicant(flow);
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        document(app, "NX7K2P4Q8", expiry.format(DateTimeFormatter.ofPattern("yyMMdd")));
        app.post("/sdk/v1/finish", null);
        tenant.owner().post("/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED"));
        return id;
    }

    private Map<String, JsonNode> current(String id) {
        Map<String, JsonNode> byKind = new HashMap<>();
        tenant.integrator()
                .get("/api/v1/applicants/" + id + "/certificates")
                .json()
                .forEach(c -> byKind.put(c.get("kind").asString(), c));
        return byKind;
    }

    private static Duration lifetime(JsonNode certificate) {
        return Duration.between(
                Instant.parse(certificate.get("issuedAt").asString()),
                Instant.parse(certificate.get("expiresAt").asString()));
    }

    private void document(Api app, String number) {
        document(app, number, "330720");
    }

    private void document(Api app, String number, String expiry) {
        Documents.submit(
                app,
                "PASSPORT",
                "NL",
                DocumentPhotos.passport("NLD", "OKONKWO", "CHIDI", number, "910305", "M", expiry));
    }
}
