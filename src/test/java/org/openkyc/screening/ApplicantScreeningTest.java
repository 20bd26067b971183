package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The AML step: a listed person is held for review with the matches in the profile, a reviewer's false positive stays
 * decided when screening runs again, and a person on no list passes.
 */
class ApplicantScreeningTest extends IntegrationTest {

    @Autowired
    ScreeningLists lists;

    @Autowired
    ApplicantScreening screening;

    private SignUps.Tenant tenant;
    private String flow;

    @BeforeEach
    void company() {
        lists.reload();
        tenant = SignUps.tenant(api(), "AML step");
        flow = tenant.owner()
                .post("/api/v1/flows", Map.of("name", "Screened", "steps", List.of(Map.of("type", "AML"))))
                .text("id");
    }

    @Test
    void aListedPersonIsHeldAndAReviewerDecidesEachMatch() {
        String id = applicant(Map.of("firstName", "Eric", "lastName", "Badege", "dateOfBirth", "1971-05-01"));
        Api app = api().as(tenant.token(id));
        assertThat(app.post("/sdk/v1/start", null).json().get("step").asString())
                .as("the AML step runs as the applicant reaches it")
                .isEqualTo("THANK_YOU");
        assertThat(app.post("/sdk/v1/finish", null).json().get("status").asString())
                .isEqualTo("ON_HOLD");
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.at("/review/warnings/0/code").asString()).isEqualTo("AML_POTENTIAL_MATCH");

        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        Document profile = workplace.get("/applicants/" + id).document();
        assertThat(profile.selectFirst("#aml-banner").text()).startsWith("Potential matches to review:");
        Element un = profile.selectFirst("#aml-matches tr[data-entity=UN_SC:6907993]");
        assertThat(un).isNotNull();
        assertThat(un.selectFirst(".rate").text()).isEqualTo("100%");
        assertThat(un.selectFirst(".match-status").text()).isEqualTo("Potential match");

        for (Element form : profile.select("#aml-matches form.match-decide")) {
            FormClient.Page saved = workplace.post(
                    form.attr("action"),
                    Map.of(
                            "status",
                            "FALSE_POSITIVE",
                            "comment",
                            "other person, born elsewhere",
                            "_csrf",
                            profile.selectFirst("input[name=_csrf]").attr("value")));
            assertThat(saved.status()).isEqualTo(302);
        }
        Document after = workplace.get("/applicants/" + id).document();
        assertThat(after.selectFirst("#aml-banner").text()).isEqualTo("Every match has been reviewed.");
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id + "/timeline")
                        .body())
                .contains("AML_MATCH_DECIDED");

        List<AmlCases.Match> again = screening
                .screen(
                        new CompanyId(UUID.fromString(
                                tenant.owner().get("/api/v1/company").text("id"))),
                        Mode.TEST,
                        UUID.fromString(id),
                        new ApplicantScreening.Subject("Eric Badege", 1971, null, null),
                        ApplicantScreening.kinds(true))
                .open();
        assertThat(again)
                .as("a false positive stays decided when the entity matches again")
                .isEmpty();
    }

    @Test
    void aPersonOnNoListPasses() {
        String id = applicant(Map.of("firstName", "Jane", "lastName", "Examplewoman"));
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        assertThat(app.post("/sdk/v1/finish", null).json().get("status").asString())
                .isEqualTo("COMPLETED");
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .at("/steps/0/result")
                        .asString())
                .startsWith("screened as Jane Examplewoman: no match against ")
                .contains("un_sc/UN_consolidated.xml v", "us-congress/legislators-current.yaml v");
    }

    private String applicant(Map<String, String> fixedInfo) {
        return tenant.integrator()
                .post(
                        "/api/v1/applicants",
                        Map.of("externalUserId", "aml-" + UUID.randomUUID(), "flowId", flow, "fixedInfo", fixedInfo))
                .text("id");
    }
}
