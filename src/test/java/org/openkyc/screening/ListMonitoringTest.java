package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.flows.definition.StepSettings.Periodicity;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.ScreeningIndex;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import tools.jackson.databind.JsonNode;

/**
 * Lists downloaded from a publisher (a local HTTP server here) are versioned in the database; a list change is
 * screened against monitored applicants and scans, new matches raise warnings and put finished verifications on hold;
 * a list that cannot be read is refused and its current version stays; periodic screening runs when due.
 */
class ListMonitoringTest extends IntegrationTest {

    private static final String HEADER = "id,name,aliases,type,list_type,programmes,birth_dates,countries\n";
    private static final String FIRST = HEADER + "w-1,Octavian Pellucid-Marsh,,person,WATCHLIST,TEST,1950,GB\n";
    private static final String SECOND = FIRST
            + "w-2,Quintessa Marlowe-Farrant,,person,SANCTION,TEST,1984,FR\n"
            + "w-3,Bartholomew Zanzibar-Okonkwo,,person,PEP,TEST,1962,NG\n";

    @Autowired
    ScreeningLists lists;

    @Autowired
    ListVersions versions;

    @Autowired
    AmlMonitoring monitoring;

    @Autowired
    OpenKycSettings settings;

    @Autowired
    ApplicationEventPublisher events;

    private final AtomicReference<String> published = new AtomicReference<>(FIRST);
    private HttpServer publisher;
    private URI address;
    private final String list = "watch-" + UUID.randomUUID();

    @BeforeEach
    void publisher() throws IOException {
        lists.reload();
        publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        publisher.createContext("/lists/watchlist.csv", exchange -> {
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        publisher.start();
        address = URI.create("http://127.0.0.1:" + publisher.getAddress().getPort() + "/lists/watchlist.csv");
    }

    @AfterEach
    void stop() {
        publisher.stop(0);
    }

    @Test
    void aListChangeIsScreenedAgainstMonitoredApplicantsAndScans() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Monitoring");
        String flow = tenant.owner()
                .post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Monitored",
                                "steps",
                                List.of(Map.of(
                                        "type",
                                        "AML",
                                        "config",
                                        Map.of("ongoingMonitoring", true, "periodicity", "DAILY")))))
                .text("id");
        String watched = finished(tenant, flow, "Quintessa", "Marlowe-Farrant");
        String other = finished(tenant, flow, "Ottilie", "Brandywine-Sallow");
        assertThat(tenant.status(watched)).isEqualTo("COMPLETED");
        tenant.owner().post("/api/v1/applicants/" + watched + "/review", Map.of("decision", "APPROVED"));
        assertThat(tenant.status(watched)).isEqualTo("APPROVED");

        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        FormClient.Page scanned = workplace.submit(
                workplace.get("/aml"), Map.of("name", "Bartholomew Zanzibar Okonkwo", "minMatchRate", "80"));
        String scanPath = scanned.location().substring(scanned.location().indexOf("/aml/"));
        Document scanPage = workplace.get(scanPath).document();
        assertThat(scanPage.selectFirst("#scan-none")).isNotNull();
        workplace.post(
                scanPage.selectFirst("#scan-monitoring").attr("action"),
                Map.of(
                        "periodicity",
                        "MONTHLY",
                        "_csrf",
                        scanPage.selectFirst("#scan-monitoring input[name=_csrf]")
                                .attr("value")));

        assertThat(lists.refresh(Map.of(list, List.of(address)))).isTrue();
        assertThat(current().entities()).isEqualTo(1);
        assertThat(tenant.status(watched))
                .as("nothing on the first version matches")
                .isEqualTo("APPROVED");

        published.set(SECOND);
        assertThat(lists.refresh(Map.of(list, List.of(address)))).isTrue();
        ListVersions.Version second = current();
        assertThat(List.of(second.entities(), second.added(), second.changed(), second.removed()))
                .containsExactly(3, 2, 0, 0);

        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + watched).json();
        assertThat(view.get("status").asString())
                .as("an approved applicant now listed is put on hold")
                .isEqualTo("ON_HOLD");
        assertThat(view.at("/review/warnings/0/code").asString()).isEqualTo("AML_MONITORING_MATCH");
        assertThat(view.at("/review/warnings/0/message").asString()).contains("Quintessa Marlowe-Farrant");
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + watched + "/timeline")
                        .body())
                .contains("MONITORING_FLAGGED");
        assertThat(tenant.status(other))
                .as("an applicant on no list is left alone")
                .isEqualTo("COMPLETED");

        Document cases = workplace.get("/aml/results").document();
        var scanCase = cases.selectFirst("#cases tr[data-entity=watchlist.csv:w-3]");
        assertThat(scanCase).as("the monitored scan found the new entry").isNotNull();
        assertThat(scanCase.selectFirst(".found-by").text()).isEqualTo("found by monitoring after a list update");
        assertThat(scanCase.selectFirst(".periodicity").text()).isEqualTo("Monthly");
        var applicantCase = cases.selectFirst("#cases tr[data-entity=watchlist.csv:w-2]");
        assertThat(applicantCase.selectFirst(".periodicity").text()).isEqualTo("Daily");

        Document profile = workplace.get("/applicants/" + watched).document();
        for (var form : profile.select("#aml-matches form.match-decide")) {
            workplace.post(
                    form.attr("action"),
                    Map.of(
                            "status",
                            "FALSE_POSITIVE",
                            "comment",
                            "different person",
                            "_csrf",
                            profile.selectFirst("input[name=_csrf]").attr("value")));
        }
        published.set(SECOND.replace("1984,FR", "1984;1985,FR"));
        assertThat(lists.refresh(Map.of(list, List.of(address)))).isTrue();
        assertThat(current().changed()).isEqualTo(1);
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + watched)
                        .json()
                        .get("review")
                        .get("warnings")
                        .size())
                .as("a changed entry a reviewer cleared raises nothing")
                .isEqualTo(1);

        assertThat(lists.refresh(Map.of(list, List.of(address))))
                .as("the same content makes no new version")
                .isFalse();
    }

    @Test
    void aListThatCannotBeReadIsRefusedAndItsCurrentVersionStays() {
        assertThat(lists.refresh(Map.of(list, List.of(address)))).isTrue();
        long version = current().id();

        published.set(HEADER + "w-9,Someone Else,,person,WATCHLIST,TEST,1950,Atlantis\n");
        assertThat(lists.refresh(Map.of(list, List.of(address)))).isFalse();
        assertThat(lists.problems()).singleElement().asString().contains("Atlantis is not a country");
        assertThat(current().id()).as("the previous version stays current").isEqualTo(version);
        ListVersions.Version refused = versions.versions(10).stream()
                .filter(v -> v.list().equals(list))
                .findFirst()
                .orElseThrow();
        assertThat(refused.status()).isEqualTo("REFUSED");
        assertThat(refused.problem()).contains("line 2: Atlantis is not a country");
        assertThat(lists.index()
                        .search(ScreeningIndex.Query.name("Octavian Pellucid-Marsh", NameNormaliser.Schema.PERSON)))
                .as("screening still uses the current version")
                .isNotEmpty();

        publisher.stop(0);
        assertThat(lists.refresh(Map.of(list, List.of(address)))).isFalse();
        assertThat(current().id())
                .as("an unreachable publisher changes nothing")
                .isEqualTo(version);
        assertThat(versions.current().get(list))
                .as("what a restart would index")
                .extracting(e -> e.name())
                .containsExactly("Octavian Pellucid-Marsh");
    }

    @Test
    void aFolderListThatBreaksKeepsItsVersionAndARemovedFileIsRetired(@TempDir Path folder) throws IOException {
        Path lists = folder.resolve("company-" + UUID.randomUUID());
        Files.createDirectories(lists);
        Path file = lists.resolve("watchlist.csv");
        Files.writeString(file, FIRST);
        ScreeningLists reader = new ScreeningLists(
                settings,
                new ScreeningSettings(
                        List.of(lists.toString()),
                        Map.of(),
                        new ScreeningSettings.Refresh(false, "-", 1_000_000),
                        3,
                        Duration.ofDays(7),
                        Duration.ofSeconds(2),
                        Duration.ofDays(365),
                        1_000_000),
                versions,
                events,
                clock);
        assertThat(reader.reload()).isTrue();
        String name = lists.getFileName() + "/watchlist.csv";
        assertThat(versions.current().get(name)).hasSize(1);

        Files.writeString(file, HEADER + "w-1,,,person,WATCHLIST,TEST,1950,GB\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        assertThat(reader.reload()).isFalse();
        assertThat(reader.problems()).singleElement().asString().contains("watchlist.csv line 2 has no name");
        assertThat(versions.current().get(name)).hasSize(1);

        ScreeningLists restarted = new ScreeningLists(
                settings,
                new ScreeningSettings(
                        List.of(lists.toString()),
                        Map.of(),
                        new ScreeningSettings.Refresh(false, "-", 1_000_000),
                        3,
                        Duration.ofDays(7),
                        Duration.ofSeconds(2),
                        Duration.ofDays(365),
                        1_000_000),
                versions,
                events,
                clock);
        restarted.sync();
        assertThat(restarted
                        .index()
                        .search(ScreeningIndex.Query.name("Octavian Pellucid Marsh", NameNormaliser.Schema.PERSON)))
                .as("after a restart the last good version is screened, the broken file notwithstanding")
                .isNotEmpty();

        Files.delete(file);
        Files.writeString(lists.resolve("readme.txt"), "not a list");
        assertThat(restarted.reload()).isTrue();
        assertThat(versions.current()).doesNotContainKey(name);
        assertThat(restarted
                        .index()
                        .search(ScreeningIndex.Query.name("Octavian Pellucid Marsh", NameNormaliser.Schema.PERSON)))
                .as("a removed file's list is no longer screened")
                .isEmpty();
    }

    @Test
    void periodicScreeningRunsWhenDue() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Periodic");
        String flow = tenant.owner()
                .post("/api/v1/flows", Map.of("name", "Plain", "steps", List.of(Map.of("type", "AML"))))
                .text("id");
        String id = finished(tenant, flow, "Jane", "Examplewoman");
        CompanyId company = new CompanyId(
                UUID.fromString(tenant.owner().get("/api/v1/company").text("id")));
        // the applicant's details were corrected to a listed person's after the AML step ran
        monitoring.watchApplicant(
                company,
                Mode.TEST,
                UUID.fromString(id),
                new ApplicantScreening.Subject("Eric Badege", 1971, null, null),
                Periodicity.WEEKLY);
        monitoring.screenDue();
        assertThat(tenant.status(id)).as("not due yet").isEqualTo("COMPLETED");

        clock.advance(Duration.ofDays(8));
        assertThat(monitoring.screenDue()).isPositive();
        assertThat(tenant.status(id)).isEqualTo("ON_HOLD");
        AmlMonitoring.Monitor monitor =
                monitoring.monitor(company, UUID.fromString(id)).orElseThrow();
        assertThat(monitor.lastScreenedAt()).isBetween(clock.instant().minusSeconds(60), clock.instant());
        assertThat(monitor.nextDueAt()).isEqualTo(monitor.lastScreenedAt().plus(Duration.ofDays(7)));
        assertThat(monitoring.screenDue()).as("screened again only when due").isZero();
    }

    private String finished(SignUps.Tenant tenant, String flow, String first, String last) {
        String id = tenant.integrator()
                .post(
                        "/api/v1/applicants",
                        Map.of(
                                "externalUserId",
                                "m-" + UUID.randomUUID(),
                                "flowId",
                                flow,
                                "fixedInfo",
                                Map.of("firstName", first, "lastName", last)))
                .text("id");
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        app.post("/sdk/v1/finish", null);
        return id;
    }

    private ListVersions.Version current() {
        return versions.versions(500).stream()
                .filter(v -> v.list().equals(list) && v.status().equals("CURRENT"))
                .findFirst()
                .orElseThrow();
    }
}
