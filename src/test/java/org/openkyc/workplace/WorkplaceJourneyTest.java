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
import org.openkyc.support.TestMailServer;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** A compliance team's first day, in a real browser. */
class WorkplaceJourneyTest extends IntegrationTest {

    @Autowired
    CompanyManagement companies;

    @Test
    void signUpBuildATeamAndSwitchModes() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerEmail = "owner-" + suffix + "@journey.test";
        String colleagueEmail = "analyst-" + suffix + "@journey.test";
        try (Browser browser = new Browser(baseUrl())) {
            browser.open("/signup");
            browser.type("#fullName", "Olivia Owner");
            browser.type("#companyName", "Journey Exchange " + suffix);
            browser.type("#phone", "+31 20 555 0100");
            browser.type("#position", "Compliance lead");
            browser.type("#email", ownerEmail);
            browser.type("#password", SignUps.PASSWORD);
            browser.screenshot("01-signup");
            browser.click("#signup-submit");
            browser.awaitPath("/signup/sent");

            browser.open(TestMailServer.awaitLink(ownerEmail, "Confirm", "/verify-email"));
            browser.awaitPath("/signin?verified");
            browser.signIn(ownerEmail, SignUps.PASSWORD);
            browser.awaitPath("/dashboard");
            assertThat(sidebar(browser))
                    .containsExactly(
                            "dashboard",
                            "applicants",
                            "workflows",
                            "bots",
                            "questionnaires",
                            "aml",
                            "amlResults",
                            "applications",
                            "team",
                            "company",
                            "systemStatus");
            browser.screenshot("02-dashboard");

            browser.click("#nav-team");
            browser.click("#tab-roles");
            browser.click("#add-role");
            browser.type("#name", "Analyst");
            browser.type("#description", "Reads the dashboard and applicants");
            browser.click("#perm-DASHBOARD");
            browser.click("#perm-APPLICANTS_VIEW");
            browser.screenshot("03-role");
            browser.click("#role-save");
            browser.awaitPath("/team?tab=roles");
            assertThat(browser.text("main table")).contains("Analyst");

            browser.click("#tab-invitations");
            browser.type("#invite-email", colleagueEmail);
            browser.find("#invite-role")
                    .findElement(By.xpath("option[normalize-space(.)='Analyst']"))
                    .click();
            browser.click("#invite-send");
            browser.awaitPath("/team?tab=invitations");
            assertThat(browser.text("main table")).contains(colleagueEmail);
            browser.screenshot("04-invitations");

            browser.click("#nav-applications");
            browser.click("main table a");
            browser.click("#reveal-application-keys");
            String privateKey = browser.text("#private-key");
            assertThat(privateKey).startsWith("sk_test_");
            browser.click("#rotate-private-key");
            browser.driver().switchTo().alert().accept();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(d -> !browser.text("#private-key").equals(privateKey));
            assertThat(browser.text("#private-key")).startsWith("sk_test_");
            browser.screenshot("05-application-keys");

            browser.click("#nav-company");
            browser.click("#reveal-company-keys");
            assertThat(browser.text("#private-client-test-key")).startsWith("ck_test_");
            assertThat(browser.exists("#private-client-key"))
                    .as("no live key on the free plan")
                    .isFalse();

            browser.click("#mode-live");
            assertThat(browser.text(".flash.error")).contains("Live mode needs a paid plan");
            browser.awaitAttribute("#mode-test", "aria-pressed", "true");

            browser.click("#account-menu");
            browser.click("#sign-out");
            browser.awaitPath("/signin?signedOut");

            browser.open(TestMailServer.awaitLink(colleagueEmail, "invited", "/invitations/accept"));
            browser.type("#fullName", "Andy Analyst");
            browser.type("#password", "An4lyst-password!");
            browser.click("#accept-submit");
            browser.awaitPath("/signin?joined");
            browser.signIn(colleagueEmail, "An4lyst-password!");
            assertThat(sidebar(browser)).containsExactly("dashboard", "applicants");
            browser.screenshot("06-colleague");
            browser.open("/team");
            assertThat(browser.text("main h1")).isEqualTo("Something is not right");
            browser.open("/company");
            assertThat(browser.text("main p")).contains("Your role does not allow this page");
            browser.open("/signin");
        }

        String companyId = new Api(baseUrl())
                .as(SignUps.token(new Api(baseUrl()), ownerEmail, SignUps.PASSWORD))
                .get("/api/v1/company")
                .text("id");
        companies.changePlan(new CompanyId(UUID.fromString(companyId)), Plan.PAY_AS_YOU_GO);

        try (Browser browser = new Browser(baseUrl())) {
            browser.open("/signin");
            browser.signIn(ownerEmail, SignUps.PASSWORD);
            browser.click("#nav-applications");
            assertThat(browser.text("main .hint")).contains("Applications of test mode");
            browser.click("#mode-live");
            browser.awaitAttribute("#mode-live", "aria-pressed", "true");
            browser.awaitPath("/applications");
            assertThat(browser.text("main .hint")).isEqualTo("Applications of live mode.");
            browser.awaitAttribute("body", "class", "live");
            browser.screenshot("07-live-mode");
            browser.click("#mode-test");
            browser.awaitAttribute("#mode-test", "aria-pressed", "true");

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            assertThat(browser.find("#sidebar").isDisplayed())
                    .as("on a phone the menu folds away")
                    .isFalse();
            browser.click("[data-toggle-menu]");
            assertThat(browser.find("#sidebar").isDisplayed()).isTrue();
            browser.screenshot("08-phone-menu");
        }
    }

    private static List<String> sidebar(Browser browser) {
        browser.find("#sidebar");
        return browser.driver().findElements(By.cssSelector("#sidebar a")).stream()
                .map(a -> a.getDomAttribute("id").substring("nav-".length()))
                .toList();
    }
}
