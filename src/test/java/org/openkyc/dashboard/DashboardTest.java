package org.openkyc.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.flows.definition.StepType;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's figures follow the applicants as they move, by the day they were created, for one company and
 * mode; a range sums its days.
 */
class DashboardTest extends IntegrationTest {

    @Autowired
    ApplicantManagement management;

    @Autowired
    DashboardRollup rollup;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theFiguresOfARangeFollowTheApplicantsAsTheyMove() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Dashboard");
        String flow = tenant.flow("Mail", List.of(Map.of("type", "EMAIL")));
        LocalDate first = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String approved = applicant(tenant, flow, "DE");
        String declined = applicant(tenant, flow, "DE");
        String waiting = applicant(tenant, flow, "FR");
        for (String id : List.of(approved, declined)) {
            management.passStep(ApplicantId.parse(id), StepType.EMAIL, "verified", ActorType.APPLICANT);
            management.advance(ApplicantId.parse(id), ApplicantAction.SUBMIT, ActorType.APPLICANT, Map.of());
            management.advance(ApplicantId.parse(id), ApplicantAction.CHECKS_PASSED, ActorType.SYSTEM, Map.of());
        }
        tenant.integrator().post("/api/v1/applicants/" + approved + "/review", Map.of("decision", "APPROVED"));
        tenant.integrator()
                .post(
                        "/api/v1/applicants/" + declined + "/review",
                        Map.of("decision", "DECLINED", "rejectLabels", List.of("FINAL_FRAUD")));
        clock.advance(Duration.ofDays(3));
        applicant(tenant, flow, "NL");

        Api owner = api().as(SignUps.token(api(), tenant.admin().email(), SignUps.PASSWORD));
        JsonNode day =
                owner.get("/api/v1/dashboard?from=" + first + "&to=" + first).json();
        assertThat(day.at("/headline/applicants").asLong()).isEqualTo(3);
        assertThat(day.at("/headline/approved").asLong()).isEqualTo(1);
        assertThat(day.at("/headline/rejected").asLong()).isEqualTo(1);
        assertThat(day.at("/statuses/INIT").asLong()).isEqualTo(1);
        assertThat(day.at("/countries/residence").toString()).isEqualTo("{\"DE\":2,\"FR\":1}");
        assertThat(day.at("/outcomes").toString()).isEqualTo("{\"succeeded\":1,\"failed\":1}");
        assertThat(day.at("/services/otp/passed").asLong()).isEqualTo(2);
        assertThat(day.at("/services/otp/attempted").asLong()).isEqualTo(2);

        JsonNode range = owner.get("/api/v1/dashboard?from=" + first + "&to=" + first.plusDays(3))
                .json();
        assertThat(range.at("/headline/applicants").asLong()).isEqualTo(4);
        assertThat(range.get("perDay")
                        .valueStream()
                        .map(d -> d.get("applicants").asLong()))
                .containsExactly(3L, 0L, 0L, 1L);
        assertThat(range.get("perDay").valueStream().map(d -> d.get("succeeded").asLong()))
                .containsExactly(1L, 0L, 0L, 0L);
        assertThat(range.get("averagePerDay").asDouble()).isEqualTo(1.0);
        assertThat(range.at("/headline/applicants").asLong())
                .as("the same as the applicants the API lists for the range")
                .isEqualTo(tenant.integrator()
                        .get("/api/v1/applicants?createdFrom=" + first + "T00:00:00Z&createdTo=" + first.plusDays(4)
                                + "T00:00:00Z")
                        .json()
                        .get("total")
                        .asLong());

        management.advance(ApplicantId.parse(waiting), ApplicantAction.BLOCK, ActorType.SYSTEM, Map.of());
        JsonNode moved =
                owner.get("/api/v1/dashboard?from=" + first + "&to=" + first).json();
        assertThat(moved.at("/headline/blocked").asLong())
                .as("counted on the day it was created")
                .isEqualTo(1);
        assertThat(moved.at("/statuses/INIT").asLong()).isZero();
        assertThat(moved.at("/outcomes/failed").asLong()).isEqualTo(2);
        assertThat(moved.at("/failedAt/EMAIL").asLong()).isEqualTo(1);

        Api other = api().as(SignUps.signUp(api(), "Elsewhere").token());
        assertThat(other.get("/api/v1/dashboard?from=" + first + "&to=" + first.plusDays(3))
                        .json()
                        .at("/headline/applicants")
                        .asLong())
                .isZero();
        assertThat(owner.get("/api/v1/dashboard?from=" + first + "&to=" + first.minusDays(1))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void applicantsFromBeforeTheRollUpAreCountedByTheBackfill() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Older");
        String flow = tenant.flow("Mail", List.of(Map.of("type", "EMAIL")));
        for (String country : List.of("IT", "IT", "PT")) {
            applicant(tenant, flow, country);
        }
        java.util.UUID company = java.util.UUID.fromString(tenant.companyId());
        // as an installation that had applicants before the roll-up existed
        jdbc.sql("DELETE FROM dashboard_applicant WHERE company_id = :c")
                .param("c", company)
                .update();
        jdbc.sql("DELETE FROM dashboard_day WHERE company_id = :c")
                .param("c", company)
                .update();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        assertThat(tenant.owner()
                        .get("/api/v1/dashboard?from=" + today + "&to=" + today)
                        .json()
                        .at("/headline/applicants")
                        .asLong())
                .isZero();

        assertThat(rollup.backfill()).isGreaterThanOrEqualTo(3);
        JsonNode figures = tenant.owner()
                .get("/api/v1/dashboard?from=" + today + "&to=" + today)
                .json();
        assertThat(figures.at("/headline/applicants").asLong()).isEqualTo(3);
        assertThat(figures.at("/countries/residence").toString()).isEqualTo("{\"IT\":2,\"PT\":1}");
        assertThat(rollup.backfill()).as("nothing is counted twice").isZero();
    }

    @Test
    void countriesComeFromResidencePhoneAndDocumentAndRangesCompareWithTheDaysBeforeAndTheTarget() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Origins");
        String flow = tenant.flow("Papers", List.of(Map.of("type", "DOCUMENT")));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        for (int i = 0; i < 9; i++) {
            applicant(tenant, flow, "DE");
        }
        clock.advance(Duration.ofDays(9));
        LocalDate later = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String traveller = tenant.applicant(
                flow,
                "d-" + java.util.UUID.randomUUID(),
                Map.of("phone", "+33612345678", "fixedInfo", Map.of("country", "de")));
        management.passStep(
                ApplicantId.parse(traveller), StepType.DOCUMENT, "valid: PASSPORT GB 123456789", ActorType.APPLICANT);

        Api owner = api().as(SignUps.token(api(), tenant.admin().email(), SignUps.PASSWORD));
        JsonNode figures =
                owner.get("/api/v1/dashboard?from=" + later + "&to=" + later).json();
        assertThat(figures.at("/countries/residence").toString()).isEqualTo("{\"DE\":1}");
        assertThat(figures.at("/countries/phone").toString()).isEqualTo("{\"FR\":1}");
        assertThat(figures.at("/countries/document").toString()).isEqualTo("{\"GB\":1}");
        assertThat(figures.at("/baseline/applicants").asDouble())
                .as("nine applicants over the nine days since the company's first, not over ninety")
                .isEqualTo(1.0);
        assertThat(figures.get("elapsedDays").asDouble()).as("today so far").isStrictlyBetween(0.0, 1.0);
        JsonNode past = owner.get("/api/v1/dashboard?from=" + today + "&to=" + today.plusDays(1))
                .json();
        assertThat(past.get("elapsedDays").asDouble()).isEqualTo(2.0);
        assertThat(past.at("/baseline/applicants").asDouble())
                .as("nothing before the company's first day")
                .isZero();
        assertThat(owner.get("/api/v1/dashboard?from=-999999999-01-01&to=" + today)
                        .status())
                .as("a date beyond reason is a bad request, not an error")
                .isEqualTo(400);
        assertThat(figures.get("target").isNull()).isTrue();

        assertThat(owner.get("/api/v1/dashboard")
                        .json()
                        .at("/headline/applicants")
                        .asLong())
                .as("the last 28 days by default")
                .isEqualTo(10);
        assertThat(owner.get("/api/v1/dashboard?from=" + today + "&to=" + today)
                        .json()
                        .at("/countries/document")
                        .toString())
                .isEqualTo("{}");
    }

    @Test
    void theOriginsAreReadFromAnInternationalNumberAndTheDocumentStepsResult() {
        assertThat(DashboardRollup.phoneCountry("+4915112345678")).isEqualTo("DE");
        assertThat(DashboardRollup.phoneCountry("015112345678"))
                .as("no country code")
                .isNull();
        assertThat(DashboardRollup.phoneCountry(null)).isNull();
        StepType document = StepType.DOCUMENT;
        assertThat(DashboardRollup.documentCountry(List.of(new org.openkyc.applicants.StepState(
                        document,
                        org.openkyc.applicants.StepState.StepStatus.SUBMITTED,
                        "not valid: ID_CARD FR 1; expired"))))
                .isEqualTo("FR");
        assertThat(DashboardRollup.documentCountry(List.of(new org.openkyc.applicants.StepState(
                        document,
                        org.openkyc.applicants.StepState.StepStatus.PASSED,
                        "PASSPORT UA 77, valid; activated from history"))))
                .as("an activated historical result")
                .isEqualTo("UA");
        assertThat(DashboardRollup.documentCountry(List.of(new org.openkyc.applicants.StepState(
                        document, org.openkyc.applicants.StepState.StepStatus.NOT_STARTED, null))))
                .isNull();
    }

    private static String applicant(SignUps.Tenant tenant, String flow, String country) {
        return tenant.applicant(
                flow, "d-" + java.util.UUID.randomUUID(), Map.of("fixedInfo", Map.of("country", country)));
    }
}
