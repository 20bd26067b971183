package org.openkyc.applicants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.core.CompanyId;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.support.Api;
import org.openkyc.support.Documents;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestReceiver;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.openkyc.tenancy.Retention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Status-only ("on-chain") KYC: the company's own users and keys see references, statuses and certificate results,
 * never personal data, in the workplace, the API and the webhooks; the platform operators review; decided applicants'
 * personal data is archived after the retention or through the archive API, keeping status and certificates.
 */
class StatusOnlyTest extends IntegrationTest {

    @Autowired
    CompanyManagement companies;

    @Autowired
    ApplicantManagement applicants;

    @Autowired
    OpenKycSettings settings;

    @Autowired
    JdbcClient jdbc;

    private SignUps.Tenant tenant;
    private CompanyId company;
    private String flow;
    private TestReceiver receiver;

    @BeforeEach
    void statusOnlyCompany() {
        tenant = SignUps.tenant(api(), "Token sale");
        company = new CompanyId(UUID.fromString(tenant.companyId()));
        companies.changePlan(company, Plan.ENTERPRISE_MANAGED);
        companies.statusOnly(company, true, Retention.SINGLE_EVENT);
        receiver = new TestReceiver();
        String application = tenant.owner()
                .get("/api/v1/applications")
                .json()
                .get(0)
                .get("id")
                .asString();
        tenant.owner().patch("/api/v1/applications/" + application, Map.of("webhookUrl", receiver.url()));
        flow = tenant.flow(
                "Sale",
                List.of(Map.of("type", "DOCUMENT", "config", Map.of("permittedDocumentTypes", List.of("PASSPORT")))));
        SignUps.platformOperator(api());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void theCompanySeesStatusesOnlyAndTheOperatorsReview() {
        String id = verified("buyer-1");

        JsonNode seen = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(seen.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(seen.get("email").isNull()).isTrue();
        assertThat(seen.get("fixedInfo").isEmpty()).isTrue();
        assertThat(seen.at("/steps/0/result").isNull()).isTrue();
        assertThat(seen.toString()).doesNotContainIgnoringCase("okonkwo").doesNotContain("buyer@");
        JsonNode certificate = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/certificates")
                .json()
                .get(0);
        assertThat(certificate.get("result").asString()).isEqualTo("CLEAR");
        assertThat(certificate.get("details").asString()).isEmpty();
        for (String path : List.of("/timeline", "/report", "/comments")) {
            assertThat(tenant.integrator()
                            .get("/api/v1/applicants/" + id + path)
                            .status())
                    .as(path)
                    .isEqualTo(403);
        }
        Api.Response review =
                tenant.owner().post("/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED"));
        assertThat(review.status()).as(review.body()).isEqualTo(403);
        assertThat(review.text("detail")).contains("status-only");
        assertThat(tenant.owner().get("/api/v1/aml/scans").status()).isEqualTo(403);

        FormClient member = FormClient.signedIn(baseUrl(), tenant.admin().email());
        FormClient.Page profile = member.get("/applicants/" + id);
        assertThat(profile.document().selectFirst("#status-only-notice")).isNotNull();
        assertThat(profile.document().selectFirst("#certificates td span.badge").text())
                .isEqualTo("CLEAR");
        assertThat(profile.html()).doesNotContainIgnoringCase("okonkwo").doesNotContain("buyer@");
        assertThat(member.get("/applicants").html()).contains("buyer-1").doesNotContainIgnoringCase("okonkwo");
        UUID media = jdbc.sql("SELECT id FROM media_item WHERE applicant_id = :a LIMIT 1")
                .param("a", UUID.fromString(id))
                .query(UUID.class)
                .single();
        assertThat(member.get("/applicants/" + id + "/media/" + media).status()).isEqualTo(403);
        assertThat(member.get("/applicants/" + id + "/report").status()).isEqualTo(403);

        FormClient console = FormClient.signedIn(baseUrl(), OPERATOR);
        console.post(
                "/operator/companies/" + company + "/open",
                Map.of(
                        "reason",
                        "review for the token sale",
                        "_csrf",
                        console.get("/account").csrf()));
        Document full = console.get("/applicants/" + id).document();
        assertThat(full.selectFirst("#status-only-notice")).isNull();
        assertThat(full.html()).containsIgnoringCase("okonkwo");
        assertThat(console.get("/applicants/" + id + "/media/" + media).status())
                .isEqualTo(200);
        FormClient.Page decided = console.post(
                "/applicants/" + id + "/review",
                Map.of(
                        "decision",
                        "APPROVED",
                        "comment",
                        "documents in order",
                        "_csrf",
                        full.selectFirst("input[name=_csrf]").attr("value")));
        assertThat(decided.status()).isEqualTo(302);
        assertThat(tenant.status(id)).isEqualTo("APPROVED");

        List<String> payloads = jdbc.sql("SELECT payload FROM webhook_event WHERE applicant_id = :a")
                .param("a", UUID.fromString(id))
                .query(String.class)
                .list();
        assertThat(payloads).isNotEmpty();
        for (String payload : payloads) {
            JsonNode event = Api.JSON.readTree(payload);
            assertThat(event.propertyNames()).containsExactlyInAnyOrderElementsOf(TestReceiver.PAYLOAD_FIELDS);
            assertThat(payload).doesNotContainIgnoringCase("okonkwo").doesNotContain("buyer@");
        }
    }

    @Test
    void theArchiveApiErasesPersonalDataAndKeepsStatusAndCertificates() throws IOException {
        String id = verified("buyer-2");
        Api.Response early = tenant.integrator().post("/api/v1/applicants/" + id + "/archive", null);
        assertThat(early.status()).as("only a decided verification").isEqualTo(409);
        decide(id);
        long files = mediaFiles();
        assertThat(files).isPositive();

        Api.Response archived = tenant.integrator().post("/api/v1/applicants/" + id + "/archive", null);
        assertThat(archived.status()).as(archived.body()).isEqualTo(200);
        assertThat(archived.json().get("status").asString()).isEqualTo("APPROVED");
        assertThat(archived.json().get("archivedAt").isNull()).isFalse();
        assertArchived(id);
        assertThat(mediaFiles()).as("the encrypted files are gone").isLessThan(files);
        assertThat(tenant.integrator()
                        .post("/api/v1/applicants/" + id + "/archive", null)
                        .status())
                .as("archiving again changes nothing")
                .isEqualTo(200);

        SignUps.Tenant keeper = SignUps.tenant(api(), "Keeps data");
        String kept = keeper.applicant(keeper.flow("Plain", List.of(Map.of("type", "EMAIL"))));
        assertThat(keeper.integrator()
                        .post("/api/v1/applicants/" + kept + "/archive", null)
                        .status())
                .as("archiving is part of status-only KYC")
                .isEqualTo(409);
    }

    @Test
    void decidedApplicantsAreArchivedAfterTheRetention() {
        String single = verified("buyer-3");
        decide(single);
        clock.advance(Duration.ofDays(20));
        applicants.archiveDue();
        assertThat(archivedAt(single)).as("within the month").isNull();
        clock.advance(Duration.ofDays(12));
        assertThat(applicants.archiveDue()).isGreaterThanOrEqualTo(1);
        assertArchived(single);

        companies.statusOnly(company, true, Retention.ONGOING);
        String ongoing = verified("buyer-4");
        decide(ongoing);
        clock.advance(Duration.ofDays(40));
        applicants.archiveDue();
        assertThat(archivedAt(ongoing))
                .as("an ongoing service keeps two months")
                .isNull();
        clock.advance(Duration.ofDays(22));
        applicants.archiveDue();
        assertArchived(ongoing);
    }

    private void assertArchived(String id) {
        UUID applicant = UUID.fromString(id);
        assertThat(archivedAt(id)).isNotNull();
        for (String table : List.of("document_check", "media_item", "applicant_comment")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE applicant_id = :a")
                            .param("a", applicant)
                            .query(Long.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        Map<String, Object> row = jdbc.sql("SELECT email, fixed_info, status FROM applicant WHERE id = :a")
                .param("a", applicant)
                .query()
                .singleRow();
        assertThat(row.get("email")).isNull();
        assertThat(row.get("fixed_info")).isEqualTo("{}");
        assertThat(row.get("status")).isEqualTo("APPROVED");
        List<Map<String, Object>> certificates = jdbc.sql(
                        "SELECT kind, result, details FROM certificate WHERE applicant_id = :a AND current")
                .param("a", applicant)
                .query()
                .listOfRows();
        assertThat(certificates).hasSize(1);
        assertThat(certificates.getFirst().get("result")).isEqualTo("CLEAR");
        assertThat(certificates.getFirst().get("details")).isEqualTo("");
    }

    private Object archivedAt(String id) {
        return jdbc.sql("SELECT archived_at FROM applicant WHERE id = :a")
                .param("a", UUID.fromString(id))
                .query()
                .singleRow()
                .get("archived_at");
    }

    private long mediaFiles() throws IOException {
        Path folder = settings.dataDir().resolve("media").resolve(company.toString());
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private String verified(String reference) {
        String id = tenant.applicant(
                flow,
                reference,
                Map.of(
                        "email",
                        "buyer@" + reference + ".test",
                        "fixedInfo",
                        Map.of("firstName", "Chidi", "lastName", "Okonkwo")));
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        Documents.submit(
                app,
                "PASSPORT",
                "NL",
                // each buyer their own passport: the same number twice would be a duplicate, blocked
                DocumentPhotos.passport(
                        "NLD",
                        "OKONKWO",
                        "CHIDI",
                        "NX7K2P4Q" + reference.charAt(reference.length() - 1),
                        "910305",
                        "M",
                        "330720"));
        app.post("/sdk/v1/finish", null);
        return id;
    }

    /** The operators decide for a status-only company; here through the service, as an operator would. */
    private void decide(String id) {
        FormClient console = FormClient.signedIn(baseUrl(), OPERATOR);
        console.post(
                "/operator/companies/" + company + "/open",
                Map.of("reason", "decision", "_csrf", console.get("/account").csrf()));
        String csrf = console.get("/applicants/" + id).csrf();
        console.post("/applicants/" + id + "/review", Map.of("decision", "APPROVED", "_csrf", csrf));
        assertThat(tenant.status(id)).isEqualTo("APPROVED");
    }
}
