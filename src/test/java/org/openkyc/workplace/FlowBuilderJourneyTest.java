package org.openkyc.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openkyc.core.CompanyId;
import org.openkyc.support.Api;
import org.openkyc.support.Browser;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Building a flow in the Flow Builder: palette, drag to reorder, settings, auto-saved draft, publish, duplicate. */
class FlowBuilderJourneyTest extends IntegrationTest {

    @Autowired
    CompanyManagement companies;

    @Test
    void buildAFlowLeaveReturnToTheDraftPublishAndDuplicateToLive() {
        SignUps.Admin admin = SignUps.signUp(api(), "Builder Ltd");
        Api owner = api().as(admin.token());
        companies.changePlan(
                new CompanyId(UUID.fromString(owner.get("/api/v1/company").text("id"))), Plan.PAY_AS_YOU_GO);

        try (Browser browser = new Browser(baseUrl())) {
            browser.open("/signin");
            browser.signIn(admin.email(), SignUps.PASSWORD);
            browser.awaitPath("/dashboard");

            browser.click("#nav-workflows");
            browser.type("#new-flow-name", "Exchange onboarding");
            browser.click("#new-flow");
            browser.find("#steps li");
            String flowPath = browser.path();
            assertThat(steps(browser)).containsExactly("INTRO", "DOCUMENT", "THANK_YOU");

            assertThat(browser.text("[data-add=EMAIL]")).isEqualTo("Email verification");
            browser.click("[data-add=EMAIL]");
            browser.click("[data-add=PHONE]");
            browser.click("[data-add=AML]");
            assertThat(steps(browser)).containsExactly("INTRO", "DOCUMENT", "EMAIL", "PHONE", "AML", "THANK_YOU");

            WebElement aml = browser.find("#steps li[data-type=AML] .handle");
            WebElement email = browser.find("#steps li[data-type=EMAIL] .handle");
            int distance = email.getLocation().getY() - aml.getLocation().getY() - 4;
            Actions drag = new Actions(browser.driver()).clickAndHold(aml);
            for (int moved = 0; moved > distance; moved -= 4) {
                drag.moveByOffset(0, -4).pause(Duration.ofMillis(15));
            }
            drag.pause(Duration.ofMillis(200)).release().perform();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d -> steps(browser).indexOf("AML") < steps(browser).indexOf("EMAIL"));
            browser.click("#steps li[data-type=DOCUMENT] [data-down]");
            assertThat(steps(browser)).containsExactly("INTRO", "AML", "DOCUMENT", "EMAIL", "PHONE", "THANK_YOU");

            browser.click("#steps li[data-type=AML] .step-name");
            assertThat(browser.text("#config")).contains("Ongoing monitoring", "Periodicity");
            browser.click("#setting-ongoingMonitoring");
            new Select(browser.find("#setting-periodicity")).selectByValue("WEEKLY");
            browser.click("#tab-style");
            browser.type("#style-font", "Roboto@500");
            assertThat(browser.find("#preview").getAttribute("style")).contains("Roboto");
            browser.screenshot("20-flow-builder-style");
            browser.click("#tab-steps");
            browser.awaitAttribute("#save-state", "data-state", "saved");
            browser.screenshot("21-flow-builder");

            browser.click("#nav-workflows");
            assertThat(browser.text("#flows")).contains("Exchange onboarding", "Draft");
            browser.open(flowPath);
            assertThat(browser.exists("#from-draft")).isTrue();
            assertThat(steps(browser)).containsExactly("INTRO", "AML", "DOCUMENT", "EMAIL", "PHONE", "THANK_YOU");

            browser.click("#publish");
            browser.awaitText("#publish-result", "Published as version 2.");
            String flowId = flowPath.substring(flowPath.lastIndexOf('/') + 1);
            JsonNode published = owner.get("/api/v1/flows/" + flowId).json();
            assertThat(published.get("version").asInt()).isEqualTo(2);
            assertThat(published.get("hasDraft").asBoolean()).isFalse();
            assertThat(published.at("/steps/1/config/periodicity").asString()).isEqualTo("WEEKLY");
            assertThat(published.at("/style/font").asString()).isEqualTo("Roboto@500");

            browser.type("#duplicate-name", "Exchange onboarding (live)");
            new Select(browser.find("#duplicate-mode")).selectByValue("live");
            browser.click("#duplicate");
            browser.awaitAttribute("#mode-live", "aria-pressed", "true");
            assertThat(browser.text(".flash.ok")).contains("duplicated into live mode");
            assertThat(browser.text("#flow-title")).isEqualTo("Exchange onboarding (live)");
        }
        JsonNode live = owner.inMode("live").get("/api/v1/flows").json();
        assertThat(live.valueStream().map(f -> f.get("name").asString())).contains("Exchange onboarding (live)");
    }

    private static List<String> steps(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#steps li")).stream()
                .map(li -> li.getDomAttribute("data-type"))
                .toList();
    }
}
