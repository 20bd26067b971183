package org.openkyc.questionnaires;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Browser;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A compliance officer builds a questionnaire with a page shown only for one answer and a question required on it,
 * previews it, and a flow asks it: the applicant answers in the hosted flow and the reviewer downloads the PDF.
 */
class QuestionnaireBrowserTest extends IntegrationTest {

    @Test
    void buildPreviewAnswerAndDownload() throws Exception {
        SignUps.Tenant tenant = SignUps.tenant(api(), "Questionnaires");
        String questionnaire;
        try (Browser browser = new Browser(baseUrl())) {
            browser.open("/signin");
            browser.signIn(tenant.admin().email(), SignUps.PASSWORD);
            browser.awaitPath("/dashboard");
            browser.open("/questionnaires");
            browser.type("#new-questionnaire-name", "Source of funds");
            browser.click("#new-questionnaire");
            browser.find("#toolbox");
            questionnaire = browser.path().substring("/questionnaires/".length());

            browser.click("button.tool[data-type=radiogroup]");
            browser.type("li.question[data-index='0'] .q-title", "Where do the funds come from?");
            rename(browser, "question1", "source");
            browser.type("li.question[data-name=source] .q-choices", "salary\ncrypto");
            browser.click("li.question[data-name=source] .q-required");

            browser.click("#add-page");
            browser.click("button.tool[data-type=text]");
            browser.type("fieldset.page[data-page='1'] li.question[data-index='0'] .q-title", "Wallet address");
            rename(browser, "question1", "wallet");
            browser.click("li.question[data-name=wallet] .q-required");
            browser.screenshot("50-questionnaire-designer");

            browser.click("#tab-logic");
            browser.click("#add-rule");
            new Select(browser.find(".rule .c-question")).selectByValue("source");
            new Select(browser.find(".rule .c-op")).selectByValue("equal");
            browser.type(".rule .c-value", "crypto");
            new Select(browser.find(".rule .r-action")).selectByValue("showPage");
            new Select(browser.find(".rule .r-target")).selectByValue("page2");
            browser.screenshot("51-questionnaire-logic");
            browser.click("#save");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.id("save-state")).getText().startsWith("Saved"));

            browser.click("#tab-preview");
            choose(browser, "crypto");
            browser.find("#preview-survey .sd-navigation__next-btn");
            choose(browser, "salary");
            browser.find("#preview-survey .sd-navigation__complete-btn");
            browser.screenshot("52-questionnaire-preview");
        }

        String flow = tenant.flow(
                "Funds", List.of(Map.of("type", "QUESTIONNAIRE", "config", Map.of("questionnaireId", questionnaire))));
        String id = tenant.applicant(flow);
        String link = tenant.integrator()
                .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 3600))
                .text("url");
        try (Browser browser = new Browser(baseUrl())) {
            browser.open(link);
            browser.click("#start");
            browser.find("#questionnaire .sd-question");
            choose(browser, "crypto");
            browser.click("#questionnaire .sd-navigation__next-btn");
            browser.type("#questionnaire .sd-question input.sd-input", "0x52908400098527886E0F7030069857D2E4169EE7");
            browser.screenshot("53-hosted-questionnaire");
            browser.click("#questionnaire .sd-navigation__complete-btn");
            browser.find("#step-thank-you");
        }

        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        Document profile = workplace.get("/applicants/" + id).document();
        assertThat(profile.selectFirst("#questionnaire-results [data-question=wallet] td")
                        .text())
                .isEqualTo("0x52908400098527886E0F7030069857D2E4169EE7");
        byte[] bytes = workplace.bytes(profile.selectFirst("#questionnaire-results a.questionnaire-pdf")
                .attr("href"));
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Source of funds", "Where do the funds come from?", "crypto", "Wallet address");
        }
    }

    private static void rename(Browser browser, String from, String to) {
        WebElement name = browser.find("li.question[data-name=" + from + "] .q-name");
        ((JavascriptExecutor) browser.driver())
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
                        name,
                        to);
        browser.find("li.question[data-name=" + to + "]");
    }

    private static void choose(Browser browser, String value) {
        WebElement input = browser.find("input[type=radio][value='" + value + "']");
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click()", input);
    }
}
