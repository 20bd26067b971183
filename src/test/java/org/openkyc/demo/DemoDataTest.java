package org.openkyc.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Demo data: a year of applicants in plausible shares that the API reads like any other, counted by the dashboard,
 * and moved by later events like any other.
 */
class DemoDataTest extends IntegrationTest {

    @Autowired
    DemoData demo;

    @Autowired
    ApplicantManagement management;

    @Test
    void aYearOfApplicantsTheApiAndTheDashboardAgreeOn() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Demo");
        DemoData.Filled filled = demo.fill(tenant.admin().email(), 3000, 42);
        assertThat(filled.applicants()).isEqualTo(3000);
        assertThat(filled.company().toString()).isEqualTo(tenant.companyId());

        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        JsonNode year = tenant.owner()
                .get("/api/v1/dashboard?from=" + today.minusDays(366) + "&to=" + today)
                .json();
        assertThat(year.at("/headline/applicants").asLong()).isEqualTo(3000);
        long approved = year.at("/headline/approved").asLong();
        assertThat(approved).as("about 55%").isBetween(1500L, 1800L);
        assertThat(year.get("statuses")
                        .valueStream()
                        .mapToLong(JsonNode::asLong)
                        .sum())
                .isEqualTo(3000);
        for (String origin : List.of("residence", "phone", "document")) {
            assertThat(year.at("/countries/" + origin).size()).as(origin).isEqualTo(10);
        }
        assertThat(year.at("/services/document/attempted").asLong()).isPositive();
        assertThat(year.at("/services/document/passed").asLong())
                .isLessThan(year.at("/services/document/attempted").asLong());
        assertThat(year.get("perDay")
                        .valueStream()
                        .filter(n -> n.get("applicants").asLong() > 0)
                        .count())
                .as("spread over the year")
                .isGreaterThan(300);

        JsonNode listed = tenant.integrator()
                .get("/api/v1/applicants?status=APPROVED&size=1")
                .json();
        assertThat(listed.get("total").asLong()).isEqualTo(approved);
        String one = listed.at("/items/0/id").asString();
        JsonNode applicant =
                tenant.integrator().get("/api/v1/applicants/" + one).json();
        assertThat(applicant.get("steps").valueStream().map(s -> s.get("status").asString()))
                .containsOnly("PASSED");
        assertThat(applicant.at("/fixedInfo/country").asString()).hasSize(2);

        long blockedBefore = year.at("/headline/blocked").asLong();
        management.advance(ApplicantId.parse(one), ApplicantAction.BLOCK, ActorType.SYSTEM, Map.of());
        JsonNode after = tenant.owner()
                .get("/api/v1/dashboard?from=" + today.minusDays(366) + "&to=" + today)
                .json();
        assertThat(after.at("/headline/blocked").asLong())
                .as("a demo applicant moves the roll-up like any other")
                .isEqualTo(blockedBefore + 1);
        assertThat(after.at("/headline/approved").asLong()).isEqualTo(approved - 1);
        assertThat(after.at("/headline/applicants").asLong()).isEqualTo(3000);
        assertThat(after.get("countries"))
                .as("the applicant's phone and document are read back as the demo counted them")
                .isEqualTo(year.get("countries"));

        String notStarted = tenant.integrator()
                .get("/api/v1/applicants?status=INIT&size=1")
                .json()
                .at("/items/0/id")
                .asString();
        management.advance(ApplicantId.parse(notStarted), ApplicantAction.BLOCK, ActorType.SYSTEM, Map.of());
        assertThat(tenant.owner()
                        .get("/api/v1/dashboard?from=" + today.minusDays(366) + "&to=" + today)
                        .json()
                        .get("countries"))
                .as("one who never reached the document step counts no document country, before and after")
                .isEqualTo(year.get("countries"));
    }
}
