package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkyc.OpenKycApplication;
import org.openkyc.core.CompanyId;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A first start without internet: an empty data directory, every publisher's download failing. Nothing is screened
 * and nothing says "no match": a scan answers that screening is unavailable, the AML step leaves the applicant for a
 * person with {@code SCREENING_INCOMPLETE}, no certificate is CLEAR and the KYC Bot does not approve. Lists imported
 * over the API bring screening back, and the waiting applicant is screened without anyone acting.
 */
class ScreeningFailsClosedTest {

    private static ConfigurableApplicationContext app;
    private static Api api;
    private static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("openkyc-offline");
        app = new SpringApplicationBuilder(OpenKycApplication.class)
                .run(
                        "--server.port=0",
                        "--openkyc.embedded-db.durable=false",
                        "--openkyc.data-dir=" + data,
                        "--openkyc.master-key=" + IntegrationTest.MASTER_KEY,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMailServer.port(),
                        "--openkyc.mail.poll-interval=PT0.2S",
                        "--openkyc.email.check-mx=false",
                        // a port nothing listens on: every download fails at once
                        "--openkyc.screening.sources.un-sc=http://127.0.0.1:9/consolidated.xml",
                        "--openkyc.screening.sources.ofac-sdn=http://127.0.0.1:9/SDN.CSV",
                        "--openkyc.screening.refresh.enabled=true",
                        "--openkyc.screening.sync-interval=PT0.5S",
                        "--logging.level.root=WARN");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        baseUrl = "http://localhost:" + port;
        api = new Api(baseUrl);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void withoutListsNothingPassesAndImportedListsScreenTheWaitingApplicant() throws Exception {
        SignUps.Tenant tenant = SignUps.tenant(api, "Offline");
        app.getBean(CompanyManagement.class)
                .changePlan(new CompanyId(UUID.fromString(tenant.companyId())), Plan.PAY_AS_YOU_GO);

        Api.Response scan = tenant.owner().post("/api/v1/aml/scans", Map.of("name", "Vladimir Putin"));
        assertThat(scan.status()).isEqualTo(503);
        assertThat(scan.json().get("type").asString()).isEqualTo("https://openkyc.org/problems/screening-unavailable");
        assertThat(scan.json().get("missing").toString()).contains("no sanctions list is loaded");
        assertThat(api.get("/actuator/health").json().get("status").asString())
                .as("the installation stays reachable, to load lists")
                .isEqualTo("UP");
        Api.Response health = api.get("/actuator/health/screening");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().get("status").asString()).isEqualTo("INCOMPLETE");
        JsonNode coverage = tenant.owner().get("/api/v1/screening/lists").json();
        assertThat(coverage.get("sanctions").asBoolean()).isFalse();
        assertThat(coverage.get("lists").size()).isZero();
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tenant.owner()
                                .get("/api/v1/screening/lists")
                                .json()
                                .get("notLoaded")
                                .valueStream()
                                .map(n -> n.get("source").asString()))
                        .as("each publisher's failed download is shown with its reason")
                        .contains("un-sc", "ofac-sdn"));

        FormClient workplace = FormClient.signedIn(baseUrl, tenant.admin().email());
        Document page = workplace.get("/aml/lists").document();
        assertThat(page.selectFirst("#coverage").text())
                .as("the lists page says in plain words that screening fails closed")
                .startsWith("Screening fails closed until lists are loaded: no sanctions list is loaded");
        assertThat(page.select("#not-loaded tr[data-list=un-sc] .problem").text())
                .contains("un-sc");
        assertThat(page.selectFirst("form#list-import")).as("admins may import").isNotNull();
        assertThat(workplace
                        .post(
                                "/aml/scans",
                                Map.of(
                                        "name",
                                        "Vladimir Putin",
                                        "_csrf",
                                        workplace.get("/aml").csrf()))
                        .status())
                .isEqualTo(302);
        assertThat(workplace
                        .get("/aml")
                        .document()
                        .select("#screening-unavailable")
                        .text())
                .as("the scan page says nothing was searched")
                .contains("nothing was searched", "no sanctions list is loaded");

        String flow = tenant.owner()
                .post(
                        "/api/v1/flows",
                        Map.of("name", "Screened", "autoApproval", true, "steps", List.of(Map.of("type", "AML"))))
                .text("id");
        String id = tenant.applicant(
                flow,
                "offline-" + UUID.randomUUID(),
                Map.of("fixedInfo", Map.of("firstName", "Jane", "lastName", "Examplewoman")));
        Api applicant = api.as(tenant.token(id));
        applicant.post("/sdk/v1/start", null);
        assertThat(applicant.post("/sdk/v1/finish", null).json().get("status").asString())
                .as("waits for a person; the KYC Bot does not approve")
                .isEqualTo("ON_HOLD");
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.at("/steps/0/result").asString()).startsWith("not screened: no sanctions list is loaded");
        assertThat(view.at("/review/warnings/0/code").asString()).isEqualTo("SCREENING_INCOMPLETE");
        JsonNode certificate = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/certificates")
                .json()
                .valueStream()
                .filter(c -> c.get("kind").asString().equals("SANCTIONS_PEP"))
                .findFirst()
                .orElseThrow();
        assertThat(certificate.get("result").asString()).isEqualTo("CONSIDER");
        assertThat(certificate.get("reasons").toString()).contains("NOT_CHECKED");

        Path un = Path.of("../shared/data/sanctions/un_sc/UN_consolidated.xml");
        Api.Response imported = tenant.owner()
                .upload(
                        "/api/v1/screening/lists/imports",
                        Map.of(),
                        "file",
                        "UN_consolidated.xml",
                        "application/xml",
                        Files.readAllBytes(un));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("kind").asString()).isEqualTo("SANCTIONS");
        Path congress = Path.of("../shared/data/pep/us-congress/legislators-current.yaml");
        assertThat(tenant.owner()
                        .upload(
                                "/api/v1/screening/lists/imports",
                                Map.of(),
                                "file",
                                "legislators-current.yaml",
                                "application/yaml",
                                Files.readAllBytes(congress))
                        .json()
                        .get("kind")
                        .asString())
                .isEqualTo("PEP");

        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(tenant.integrator()
                                .get("/api/v1/applicants/" + id)
                                .json()
                                .at("/steps/0/result")
                                .asString())
                        .as("screened again without anyone acting")
                        .startsWith("screened as Jane Examplewoman: no match against "));
        JsonNode after = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(after.at("/steps/0/status").asString()).isEqualTo("PASSED");
        assertThat(after.at("/review/warnings/0/resolution").asString())
                .startsWith("screened when the lists were loaded");
        assertThat(tenant.owner()
                        .post("/api/v1/aml/scans", Map.of("name", "Eric Badege"))
                        .json()
                        .at("/results/0/source")
                        .asString())
                .as("scans run again")
                .isEqualTo("UN_SC");
        assertThat(api.get("/actuator/health/screening").status()).isEqualTo(200);
    }
}
