package org.openkyc.workplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.support.Api;
import org.openkyc.support.Browser;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** A compliance officer creates a verification link, assigns a reviewer and approves, in a real browser. */
class ReviewJourneyTest extends IntegrationTest {

    @Autowired
    ApplicantManagement applicants;

    @Test
    void createALinkAssignAReviewerAndApprove() {
        SignUps.Admin admin = SignUps.signUp(api(), "Review Journey Ltd");
        Api owner = api().as(admin.token());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/v1/flows").json().size() == 1);

        try (Browser browser = new Browser(baseUrl())) {
            browser.open("/signin");
            browser.signIn(admin.email(), SignUps.PASSWORD);
            browser.awaitPath("/dashboard");

            browser.click("#nav-applicants");
            browser.click("#new-verification");
            browser.type("#externalUserId", "customer-4711");
            browser.type("#lifetimeHours", "48");
            browser.click("#create-verification");
            String url = browser.find("#verification-link").getDomProperty("value");
            assertThat(url).startsWith(baseUrl() + "/verify/at_");
            browser.screenshot("10-verification-link");

            String id = owner.get("/api/v1/applicants?externalUserId=customer-4711")
                    .json()
                    .at("/items/0/id")
                    .asString();
            for (ApplicantAction action :
                    new ApplicantAction[] {ApplicantAction.START, ApplicantAction.SUBMIT, ApplicantAction.CHECKS_PASSED
                    }) {
                applicants.advance(ApplicantId.parse(id), action, ActorType.SYSTEM, Map.of());
            }

            browser.open("/applicants?status=COMPLETED");
            assertThat(browser.text("#applicants")).contains("customer-4711");
            browser.click("#applicants input[name=ids]");
            browser.find("#bulk-reviewer")
                    .findElement(By.xpath("option[normalize-space(.)='Ada Admin']"))
                    .click();
            browser.click("#bulk-assign");
            browser.awaitPath("/applicants");
            assertThat(browser.text("#applicants")).contains("Ada Admin");
            browser.screenshot("11-applicants");

            browser.click("#applicants tbody td a");
            browser.type("#comment", "Documents and face match look right");
            browser.click("#approve");
            browser.awaitAttribute("#applicant-status", "class", "badge APPROVED");
            assertThat(browser.text("#applicant-status")).isEqualTo("Approved");
            browser.screenshot("12-approved");

            browser.click("#tab-timeline");
            assertThat(browser.text("#timeline-check")).contains("The timeline is intact");
            assertThat(browser.text("#timeline"))
                    .contains("Verification created", "Link created", "Reviewer assigned", "Approved");
            browser.screenshot("13-timeline");

            assertThat(browser.find("#download-report").getAttribute("href")).endsWith("/applicants/" + id + "/report");
            browser.click("#schedule-deletion");
            browser.driver().switchTo().alert().accept();
            assertThat(browser.text("#deletion-scheduled")).contains("will be erased on");
            browser.screenshot("14-deletion-scheduled");
            browser.click("#restore-data");
            browser.find("#schedule-deletion"); // waits for the page without the banner
            assertThat(browser.exists("#deletion-scheduled")).isFalse();
        }
        assertThat(owner.get("/api/v1/applicants?externalUserId=customer-4711")
                        .json()
                        .at("/items/0/review/comment")
                        .asString())
                .isEqualTo("Documents and face match look right");
    }
}
