package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/v1/aml/scans} against the tests' lists (the UN list and the 2021 SDN set). */
class AmlScanApiTest extends IntegrationTest {

    @Autowired
    ScreeningLists lists;

    private Api owner;

    @BeforeEach
    void company() {
        lists.reload();
        assertThat(lists.index().entities())
                .as("the UN list and the SDN set are loaded")
                .isGreaterThan(9_000);
        owner = SignUps.tenant(api(), "Scans").owner();
    }

    @Test
    void aScanFindsListedPeopleBestFirstAndIsKept() {
        Api.Response scan = owner.post(
                "/api/v1/aml/scans", Map.of("name", "Eric Badège", "entityType", "INDIVIDUAL", "minMatchRate", 80));
        assertThat(scan.status()).as(scan.body()).isEqualTo(200);
        assertThat(scan.json().at("/results/0/matchRate").asInt()).isEqualTo(100);
        JsonNode first = scan.json()
                .get("results")
                .valueStream()
                .filter(r -> r.get("source").asString().equals("UN_SC"))
                .findFirst()
                .orElseThrow();
        assertThat(first.get("entityId").asString()).isEqualTo("UN_SC:6907993");
        assertThat(first.get("name").asString()).isEqualTo("ERIC BADEGE");
        assertThat(first.get("matchRate").asInt()).isEqualTo(100);
        assertThat(first.get("source").asString()).isEqualTo("UN_SC");
        assertThat(first.get("listType").asString()).isEqualTo("SANCTION");
        assertThat(first.get("entityType").asString()).isEqualTo("INDIVIDUAL");
        assertThat(first.get("birthDates").get(0).asString()).isEqualTo("1971");
        assertThat(first.get("countries").get(0).asString()).isEqualTo("CD");
        assertThat(first.get("explanation").asString()).contains("eric (exact 100%)");

        String id = scan.text("id");
        assertThat(owner.get("/api/v1/aml/scans/" + id).json().get("results").toString())
                .contains("UN_SC:6907993");
        assertThat(owner.get("/api/v1/aml/scans").json().get(0).get("id").asString())
                .isEqualTo(id);
    }

    @Test
    void filtersAndDocumentsNarrowTheSearch() {
        assertThat(owner.post(
                                "/api/v1/aml/scans",
                                Map.of("name", "Eric Badege", "birthYearFrom", 1980, "birthYearTo", 1990))
                        .json()
                        .get("results"))
                .as("born outside the range")
                .isEmpty();
        // The UN entry (Congolese) is filtered out; the SDN entry names no country, so it stays in.
        assertThat(owner.post("/api/v1/aml/scans", Map.of("name", "Eric Badege", "countries", List.of("FR")))
                        .json()
                        .get("results")
                        .valueStream()
                        .map(r -> r.get("entityId").asString()))
                .containsExactly("OFAC_SDN:15718");
        JsonNode byDocument = owner.post("/api/v1/aml/scans", Map.of("name", "OB0243318", "searchBy", "DOCUMENT"))
                .json()
                .at("/results/0");
        assertThat(byDocument.get("matchRate").asInt())
                .as("a listed document number matches on its own")
                .isEqualTo(100);
        assertThat(byDocument.get("explanation").asString()).contains("identifier OB0243318 is listed");
        assertThat(owner.post("/api/v1/aml/scans", Map.of("name", "Nobody Known At All"))
                        .json()
                        .get("results"))
                .isEmpty();
    }

    @Test
    void badScansGetProblems() {
        for (Map<String, Object> body : List.<Map<String, Object>>of(
                Map.of("name", ""),
                Map.of("name", "X", "minMatchRate", 150),
                Map.of("name", "X", "entityType", "ALIEN"),
                Map.of("name", "X", "searchBy", "FACE"),
                Map.of("name", "X", "birthYearFrom", 1990),
                Map.of("name", "X", "countries", List.of("Atlantis")))) {
            Api.Response response = owner.post("/api/v1/aml/scans", body);
            assertThat(response.status()).as(body.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }
}
