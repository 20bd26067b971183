package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.ScreeningIndex;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * PEP data: the 537 current members of the US Congress (CC0 sample, in the tests' lists folder) are found as PEP
 * with their chamber and state; a PEP match sends the applicant to a person with a {@code PEP} warning; a reviewer's
 * false positive stays decided when the same list is imported again.
 */
class PepScreeningTest extends IntegrationTest {

    private static final Path CONGRESS = Path.of("../shared/data/pep/us-congress/legislators-current.yaml");

    @Autowired
    ScreeningLists lists;

    @Autowired
    ApplicantScreening screening;

    @Autowired
    ScreeningListImports imports;

    @Test
    @SuppressWarnings("unchecked")
    void everyCurrentMemberOfCongressIsFoundAsPepWithChamberAndState() throws IOException {
        lists.reload();
        List<Map<String, Object>> members;
        try (InputStream in = Files.newInputStream(CONGRESS)) {
            members = new Yaml().load(in);
        }
        assertThat(members).hasSize(537);
        List<String> missed = new ArrayList<>();
        for (Map<String, Object> member : members) {
            Map<String, Object> name = (Map<String, Object>) member.get("name");
            String birthday = String.valueOf(((Map<String, Object>) member.get("bio")).get("birthday"));
            List<Map<String, Object>> terms = (List<Map<String, Object>>) member.get("terms");
            Map<String, Object> term = terms.getLast();
            String chamber = term.get("type").equals("sen") ? "Senator" : "Representative";
            String screened = name.get("first") + " " + name.get("last");
            List<ScreeningIndex.Hit> hits = screening.search(
                    new ApplicantScreening.Subject(screened, Integer.valueOf(birthday.substring(0, 4)), "US", null)
                            .query(),
                    ApplicantScreening.kinds(true));
            boolean found = hits.stream()
                    .anyMatch(h -> h.entity().listType() == ListEntity.ListType.PEP
                            && h.explanation().contains("PEP: ")
                            && h.explanation().contains(chamber)
                            && h.explanation().contains(String.valueOf(term.get("state"))));
            if (!found) {
                missed.add(screened + " " + birthday + " " + chamber + " " + term.get("state") + ": "
                        + hits.stream().map(ScreeningIndex.Hit::explanation).toList());
            }
        }
        assertThat(missed).as("members not found as PEP with chamber and state").isEmpty();
    }

    @Test
    void aPepWaitsForAPersonAndAFalsePositiveStaysDecidedAfterAReimport() throws IOException {
        lists.reload();
        SignUps.Tenant tenant = SignUps.tenant(api(), "PEP");
        String flow = tenant.owner()
                .post("/api/v1/flows", Map.of("name", "PEP", "steps", List.of(Map.of("type", "AML"))))
                .text("id");
        String id = tenant.applicant(
                flow,
                "pep-" + UUID.randomUUID(),
                Map.of("fixedInfo", Map.of("firstName", "Maria", "lastName", "Cantwell", "dateOfBirth", "1958-10-13")));
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        assertThat(app.post("/sdk/v1/finish", null).json().get("status").asString())
                .isEqualTo("ON_HOLD");
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/steps/0/status").asString()).isEqualTo("SUBMITTED");
        assertThat(view.at("/review/warnings/0/code").asString()).isEqualTo("PEP");
        assertThat(view.at("/review/warnings/0/message").asString()).contains("Maria Cantwell");

        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        Document profile = workplace.get("/applicants/" + id).document();
        Element match = profile.selectFirst("#aml-matches tr[data-entity^=US_CONGRESS]");
        assertThat(match).as(profile.select("#aml-matches").outerHtml()).isNotNull();
        assertThat(match.text()).contains("PEP: ").contains("Senator").contains("WA");
        Element form = match.selectFirst("form.match-decide");
        assertThat(workplace
                        .post(
                                form.attr("action"),
                                Map.of(
                                        "status",
                                        "FALSE_POSITIVE",
                                        "comment",
                                        "another Maria Cantwell",
                                        "_csrf",
                                        profile.selectFirst("input[name=_csrf]").attr("value")))
                        .status())
                .isEqualTo(302);

        try (InputStream in = Files.newInputStream(CONGRESS)) {
            imports.importFile("legislators-current.yaml", in, null);
        }
        CompanyId company = new CompanyId(UUID.fromString(tenant.companyId()));
        assertThat(screening
                        .screen(
                                company,
                                Mode.TEST,
                                UUID.fromString(id),
                                new ApplicantScreening.Subject("Maria Cantwell", 1958, "US", null),
                                ApplicantScreening.kinds(true))
                        .open())
                .as("the decided false positive stays decided after the list is imported again")
                .isEmpty();
    }
}
