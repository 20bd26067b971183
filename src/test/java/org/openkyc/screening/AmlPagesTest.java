package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;

/** The workplace's AML Scan page: a scan from the form, its results with explanations, and the recent scans. */
class AmlPagesTest extends IntegrationTest {

    @Autowired
    ScreeningLists lists;

    @Test
    void aScanFromTheFormShowsItsResultsAndIsListed() {
        lists.reload();
        SignUps.Admin admin = SignUps.signUp(api(), "Scan pages " + System.nanoTime());
        FormClient browser = FormClient.signedIn(baseUrl(), admin.email());
        FormClient.Page form = browser.get("/aml");
        assertThat(form.document().selectFirst("#scan-form")).isNotNull();

        FormClient.Page scanned = browser.submit(
                form,
                Map.of("name", "Eric Badege", "entityType", "INDIVIDUAL", "searchBy", "NAME", "minMatchRate", "80"));
        assertThat(scanned.status()).isEqualTo(302);
        assertThat(scanned.location()).contains("/aml/scans/");
        Document results = browser.get(
                        scanned.location().substring(scanned.location().indexOf("/aml/")))
                .document();
        assertThat(results.selectFirst("tr[data-entity=UN_SC:6907993] .rate").text())
                .isEqualTo("100%");
        assertThat(results.selectFirst("tr[data-entity=UN_SC:6907993]").text()).contains("eric (exact 100%)");

        String scanPath = scanned.location().substring(scanned.location().indexOf("/aml/"));
        assertThat(results.selectFirst("tr[data-entity=UN_SC:6907993] .match-status")
                        .text())
                .isEqualTo("Potential match");
        FormClient.Page decided = browser.post(
                results.selectFirst("tr[data-entity=UN_SC:6907993] form.match-decide")
                        .attr("action"),
                Map.of(
                        "status", "TRUE_POSITIVE",
                        "comment", "same person, confirmed by birth year",
                        "_csrf", results.selectFirst("input[name=_csrf]").attr("value")));
        assertThat(decided.status()).isEqualTo(302);
        Document scanPage = browser.get(scanPath).document();
        FormClient.Page monitored = browser.post(
                scanPage.selectFirst("#scan-monitoring").attr("action"),
                Map.of(
                        "periodicity",
                        "WEEKLY",
                        "_csrf",
                        scanPage.selectFirst("#scan-monitoring input[name=_csrf]")
                                .attr("value")));
        assertThat(monitored.status()).isEqualTo(302);
        Document after = browser.get(scanPath).document();
        assertThat(after.selectFirst("tr[data-entity=UN_SC:6907993] .match-status")
                        .text())
                .isEqualTo("True positive");
        assertThat(after.selectFirst("tr[data-entity=UN_SC:6907993] .comment-body")
                        .text())
                .isEqualTo("same person, confirmed by birth year");
        assertThat(after.selectFirst("#scan-periodicity option[selected]").attr("value"))
                .isEqualTo("WEEKLY");

        Document cases = browser.get("/aml/results").document();
        var row = cases.selectFirst("#cases tr[data-entity=UN_SC:6907993]");
        assertThat(row.selectFirst(".match-status").text()).isEqualTo("True positive");
        assertThat(row.selectFirst(".periodicity").text()).isEqualTo("Weekly");
        assertThat(row.selectFirst(".comments").text()).contains("same person, confirmed by birth year");
        assertThat(browser.get("/aml/results?status=FALSE_POSITIVE")
                        .document()
                        .select("#cases tr[data-entity=UN_SC:6907993]"))
                .as("the status filter")
                .isEmpty();
        assertThat(browser.get("/aml/lists").document().select("#list-versions tr[data-status=CURRENT]"))
                .extracting(e -> e.attr("data-list"))
                .contains("un_sc/UN_consolidated.xml", "ofac_sdn_2021/sdn.csv");

        String link = results.selectFirst("tr[data-entity=UN_SC:6907993] a").attr("href");
        Document entity = browser.get(link).document();
        assertThat(entity.selectFirst("h1").text()).isEqualTo("ERIC BADEGE");
        assertThat(entity.selectFirst("#entity-births").text()).isEqualTo("1971");
        assertThat(entity.selectFirst("#entity-countries").text()).isEqualTo("CD");
        assertThat(browser.get("/aml/entities/UN_SC:0").status()).isEqualTo(404);

        assertThat(browser.get("/aml").document().selectFirst("#scans").text()).contains("Eric Badege");

        FormClient.Page bad = browser.submit(browser.get("/aml"), Map.of("name", "", "minMatchRate", "80"));
        assertThat(bad.location()).endsWith("/aml");
        assertThat(browser.get("/aml").document().selectFirst(".flash.error").text())
                .isEqualTo("Give a name or number of 1 to 300 characters.");
    }
}
