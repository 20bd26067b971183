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
        FormClient browser = new FormClient(baseUrl());
        browser.submit(browser.get("/signin"), Map.of("email", admin.email(), "password", SignUps.PASSWORD));
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
        assertThat(results.selectFirst("[id=result-UN_SC:6907993] .rate").text())
                .isEqualTo("100%");
        assertThat(results.selectFirst("[id=result-UN_SC:6907993]").text()).contains("eric (exact 100%)");

        String link = results.selectFirst("[id=result-UN_SC:6907993] a").attr("href");
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
