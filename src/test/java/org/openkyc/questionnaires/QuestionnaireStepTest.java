package org.openkyc.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openkyc.questionnaires.logic.AnswerCheckTest;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The questionnaire step through the SDK: a crafted submission that breaks the questionnaire's logic is refused with
 * an error per question and nothing is kept; the answers that follow it pass the step and reach the profile and its
 * PDF. A schema with broken logic is refused when it is saved.
 */
class QuestionnaireStepTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aSubmissionBreakingTheLogicIsRefusedAndOneFollowingItIsKept() {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Questionnaire step");
        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        FormClient.Page list = workplace.get("/questionnaires");
        FormClient.Page created = workplace.submit(list, Map.of("name", "Source of funds"));
        String questionnaire = created.location().substring(created.location().lastIndexOf('/') + 1);
        String csrf = workplace.get("/questionnaires/" + questionnaire).csrf();
        String save = JSON.writeValueAsString(Map.of(
                "name",
                "Source of funds",
                "description",
                "Where the money comes from",
                "schema",
                AnswerCheckTest.SCHEMA));
        assertThat(workplace
                        .json("PUT", "/questionnaires/" + questionnaire, save, csrf)
                        .status())
                .isEqualTo(200);
        FormClient.Page broken = workplace.json(
                "PUT",
                "/questionnaires/" + questionnaire,
                JSON.writeValueAsString(
                        Map.of(
                                "name", "Broken",
                                "description", "",
                                "schema",
                                        "{\"pages\":[{\"elements\":[{\"type\":\"text\",\"name\":\"a\",\"visibleIf\":\"{b} =\"}]}]}")),
                csrf);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.html()).contains("Expected a value");
        assertThat(workplace
                        .get("/questionnaires")
                        .document()
                        .select("#questionnaires a")
                        .text())
                .isEqualTo("Source of funds");

        String flow = tenant.flow(
                "Funds", List.of(Map.of("type", "QUESTIONNAIRE", "config", Map.of("questionnaireId", questionnaire))));
        String id = tenant.applicant(flow);
        Api app = api().as(tenant.token(id));
        assertThat(app.post("/sdk/v1/start", null).json().get("step").asString())
                .isEqualTo("QUESTIONNAIRE");

        // what a browser that skipped the logic would send: the crypto page shown, its required wallet missing
        Api.Response crafted = app.post(
                "/sdk/v1/questionnaire",
                Map.of("answers", Map.of("source", "crypto", "amount", 50_000, "selfCustody", true, "notes", "n")));
        assertThat(crafted.status()).isEqualTo(400);
        JsonNode errors = crafted.json().get("errors");
        assertThat(errors.size()).isEqualTo(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("answers.wallet");
        assertThat(errors.get(0).get("code").asString()).isEqualTo("required");
        assertThat(app.post("/sdk/v1/questionnaire", Map.of("answers", Map.of("source", "gift", "notes", "n")))
                        .json()
                        .get("errors")
                        .toString())
                .contains("answers.source", "answers.amount");
        assertThat(app.get("/sdk/v1/session").json().get("step").asString())
                .as("nothing was kept")
                .isEqualTo("QUESTIONNAIRE");

        JsonNode passed = app.post(
                        "/sdk/v1/questionnaire",
                        Map.of(
                                "answers",
                                Map.of(
                                        "source", "crypto",
                                        "amount", 50_000,
                                        "wallet", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
                                        "selfCustody", true,
                                        "notes", "long-term holdings")))
                .json();
        assertThat(passed.get("step").asString()).isEqualTo("THANK_YOU");

        Document profile = workplace.get("/applicants/" + id).document();
        assertThat(profile.selectFirst("#questionnaire-results [data-question=wallet] td")
                        .text())
                .isEqualTo("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
        byte[] pdf = workplace.bytes(profile.selectFirst("#questionnaire-results a.questionnaire-pdf")
                .attr("href"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }
}
