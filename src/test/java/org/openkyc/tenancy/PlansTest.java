package org.openkyc.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.applicants.ServiceReports;
import org.openkyc.core.CompanyId;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The plans and what each includes, switched on and off: live mode, the free test allowance, trials, the KYC bots,
 * status-only KYC, monthly metering with the managed plans' overage, the weekly service report; and the platform
 * operators, who open a managed company's workplace (recorded) and are refused a self-managed one.
 */
class PlansTest extends IntegrationTest {

    @Autowired
    CompanyManagement companies;

    @Autowired
    PlatformSettings settings;

    @Autowired
    ServiceReports reports;

    @Autowired
    JdbcClient jdbc;

    private SignUps.Tenant tenant;
    private CompanyId company;

    @BeforeEach
    void company() {
        tenant = SignUps.tenant(api(), "Planned");
        company = new CompanyId(UUID.fromString(tenant.companyId()));
        SignUps.platformOperator(api());
    }

    @Test
    void theEntitlementsFollowTheSeeds() {
        assertThat(Plan.FREE.entitlements()).isEmpty();
        assertThat(Plan.PAY_AS_YOU_GO.entitlements()).containsOnly(Entitlement.LIVE_MODE, Entitlement.KYC_BOT);
        assertThat(Plan.ENTERPRISE_SELF_MANAGED.entitlements())
                .containsOnly(
                        Entitlement.LIVE_MODE,
                        Entitlement.KYC_BOT,
                        Entitlement.ADVANCED_KYC_BOT,
                        Entitlement.DEDUPLICATION);
        assertThat(Plan.ENTERPRISE_MANAGED.entitlements())
                .contains(Entitlement.STATUS_ONLY, Entitlement.OPERATOR_ACCESS)
                .doesNotContain(Entitlement.SERVICE_REPORT);
        assertThat(Plan.ENTERPRISE_MANAGED_DEDICATED.entitlements()).contains(Entitlement.SERVICE_REPORT);
        PlatformSettings defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("openkyc.platform", PlatformSettings.class);
        assertThat(defaults.freeTestVerifications()).isEqualTo(5);
        assertThat(defaults.trial()).isEqualTo(Duration.ofDays(14));
        assertThat(defaults.operators()).isEmpty();
    }

    @Test
    void theFreePlanIsTestOnlyWithItsAllowanceOfTestVerifications() {
        assertThat(tenant.owner().inMode("live").get("/api/v1/applicants").status())
                .as("live mode is not in the free plan")
                .isEqualTo(403);
        String flow = tenant.flow("Plain", List.of(Map.of("type", "EMAIL")));
        // the allowance is set high for the other tests; fill it to its last verification
        int allowance = settings.freeTestVerifications();
        jdbc.sql("INSERT INTO usage_month (company_id, mode, month, verifications) VALUES (:c, 'test', :m, :n)")
                .param("c", company.value())
                .param("m", Date.valueOf(LocalDate.of(2020, 1, 1)))
                .param("n", allowance - 1)
                .update();
        assertThat(tenant.integrator()
                        .post("/api/v1/applicants", Map.of("externalUserId", "last-free", "flowId", flow))
                        .status())
                .isEqualTo(201);
        Api.Response refused =
                tenant.integrator().post("/api/v1/applicants", Map.of("externalUserId", "one-more", "flowId", flow));
        assertThat(refused.status()).as(refused.body()).isEqualTo(402);
        assertThat(refused.text("type")).endsWith("/plan-limit");
        assertThat(refused.text("detail")).contains("free plan");
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants?externalUserId=one-more")
                        .json()
                        .get("total")
                        .asLong())
                .as("nothing was created")
                .isZero();

        companies.changePlan(company, Plan.PAY_AS_YOU_GO);
        assertThat(tenant.integrator()
                        .post("/api/v1/applicants", Map.of("externalUserId", "one-more", "flowId", flow))
                        .status())
                .as("a paid plan has no test allowance")
                .isEqualTo(201);
    }

    @Test
    void aTrialLendsAPaidPlanForItsDaysAndTheKycBotComesWithIt() {
        Map<String, Object> botFlow =
                Map.of("name", "Bot", "autoApproval", true, "steps", List.of(Map.of("type", "EMAIL")));
        Api.Response refused = tenant.owner().post("/api/v1/flows", botFlow);
        assertThat(refused.status()).as(refused.body()).isEqualTo(402);
        assertThat(refused.text("detail")).contains("KYC Bot");

        companies.startTrial(company, Plan.PAY_AS_YOU_GO, Duration.ofDays(14));
        assertThat(companies.plan(company)).isEqualTo(Plan.PAY_AS_YOU_GO);
        assertThat(tenant.owner().post("/api/v1/flows", botFlow).status()).isEqualTo(201);
        assertThat(tenant.owner().inMode("live").get("/api/v1/applicants").status())
                .as("live mode during the trial")
                .isEqualTo(200);

        clock.advance(Duration.ofDays(15));
        assertThat(companies.plan(company)).as("the trial ended").isEqualTo(Plan.FREE);
        Api owner = api().as(SignUps.token(api(), tenant.admin().email(), SignUps.PASSWORD));
        assertThat(owner.inMode("live").get("/api/v1/applicants").status()).isEqualTo(403);
        assertThat(owner.post("/api/v1/flows", botFlow).status()).isEqualTo(402);
    }

    @Test
    void liveVerificationsAreMeteredByMonthAndAManagedPlanFlagsOverage() {
        companies.changePlan(company, Plan.ENTERPRISE_MANAGED);
        Api live = liveIntegrator();
        String flow = tenant.owner()
                .inMode("live")
                .post("/api/v1/flows", Map.of("name", "Live", "steps", List.of(Map.of("type", "EMAIL"))))
                .text("id");
        for (int i = 0; i < 3; i++) {
            Api.Response created =
                    live.post("/api/v1/applicants", Map.of("externalUserId", "live-" + i, "flowId", flow));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        assertThat(metering().usage(company, month).live()).isEqualTo(3);
        assertThat(metering().usage(company, month).overage()).isZero();

        jdbc.sql("UPDATE usage_month SET verifications = 1000 WHERE company_id = :c AND mode = 'live'")
                .param("c", company.value())
                .update();
        assertThat(live.post("/api/v1/applicants", Map.of("externalUserId", "live-over", "flowId", flow))
                        .status())
                .as("overage is served, and flagged")
                .isEqualTo(201);
        assertThat(metering().usage(company, month).overage()).isEqualTo(1);
        assertThat(metering().usage(company, month.minusMonths(1)).live()).isZero();

        FormClient console = FormClient.signedIn(baseUrl(), OPERATOR);
        Element row = console.get("/operator").document().selectFirst("tr[data-company=" + company + "]");
        assertThat(row.selectFirst(".overage").text()).contains("1 over");

        companies.changePlan(company, Plan.ENTERPRISE_SELF_MANAGED);
        assertThat(metering().usage(company, month).overage())
                .as("a self-managed plan has no monthly allowance")
                .isZero();
    }

    @Test
    void theAdvancedBotAndStatusOnlyKycNeedTheirPlans() {
        FormClient admin = FormClient.signedIn(baseUrl(), tenant.admin().email());
        FormClient.Page page = admin.get("/bots");
        assertThat(page.document().selectFirst("#advanced-bot-plan").text()).isEqualTo("Not included in your plan");
        FormClient.Page saved = admin.submit(page, Map.of("advanced", "true"));
        assertThat(saved.location()).endsWith("/bots");
        assertThat(admin.get("/bots").document().selectFirst(".flash.error").text())
                .contains("enterprise");

        companies.changePlan(company, Plan.ENTERPRISE_SELF_MANAGED);
        page = admin.get("/bots");
        Map<String, String> form = new java.util.LinkedHashMap<>();
        page.document()
                .select("#advanced-bot input, #advanced-bot select, #advanced-bot textarea")
                .forEach(e -> {
                    if (e.tagName().equals("select")) {
                        Element selected = e.selectFirst("option[selected]");
                        form.put(
                                e.attr("name"),
                                selected == null ? e.selectFirst("option").val() : selected.val());
                    } else if (!e.attr("type").equals("checkbox")
                            && !e.attr("name").isEmpty()) {
                        form.put(e.attr("name"), e.tagName().equals("textarea") ? e.text() : e.val());
                    }
                });
        form.put("advanced", "true");
        admin.submit(page, form);
        Document after = admin.get("/bots").document();
        assertThat(after.selectFirst(".flash.ok").text()).isEqualTo("The bot rules are saved.");
        assertThat(after.selectFirst("#advanced-on").hasAttr("checked")).isTrue();

        assertThat(statusOnly(true)).as("not on a self-managed plan").isFalse();
        companies.changePlan(company, Plan.ENTERPRISE_MANAGED);
        assertThat(statusOnly(true)).isTrue();
        companies.changePlan(company, Plan.ENTERPRISE_SELF_MANAGED);
        assertThat(companies.statusOnly(company)).as("it ends with the plan").isFalse();
    }

    @Test
    void anOperatorOpensAManagedCompanyOnlyAndEveryVisitIsRecorded() {
        companies.changePlan(company, Plan.ENTERPRISE_MANAGED);
        String flow = tenant.flow("Plain", List.of(Map.of("type", "EMAIL")));
        String applicant = tenant.applicant(flow, "managed-user");

        FormClient member = FormClient.signedIn(baseUrl(), tenant.admin().email());
        assertThat(member.get("/operator").status())
                .as("members are not operators")
                .isEqualTo(403);
        assertThat(member.post(
                                "/operator/companies/" + company + "/open",
                                Map.of("reason", "curious", "_csrf", csrf(member)))
                        .status())
                .isEqualTo(403);

        FormClient console = FormClient.signedIn(baseUrl(), OPERATOR);
        Document companiesPage = console.get("/operator").document();
        Element row = companiesPage.selectFirst("tr[data-company=" + company + "]");
        assertThat(row).isNotNull();
        assertThat(row.selectFirst("form.inline button.open-workplace")).isNotNull();

        FormClient.Page opened = console.post(
                "/operator/companies/" + company + "/open",
                Map.of("reason", "review of the week's flagged profiles", "_csrf", csrf(console)));
        assertThat(opened.location()).endsWith("/applicants");
        Document list = console.get("/applicants").document();
        assertThat(list.selectFirst(".flash.operating").text()).contains(tenant.companyName());
        assertThat(list.text()).contains("managed-user");
        assertThat(console.get("/applicants/" + applicant).status()).isEqualTo(200);
        assertThat(console.get("/team").status())
                .as("an operator reviews; they do not run the company's team")
                .isEqualTo(403);
        assertThat(console.get("/account").status())
                .as("the operator's own account")
                .isEqualTo(200);
        console.post("/operator/leave", Map.of("_csrf", csrf(console)));
        assertThat(console.get("/applicants").document().text()).doesNotContain("managed-user");

        Document companyPage = member.get("/company").document();
        List<String> actions =
                companyPage.select("#operator-access tr td:nth-child(3)").eachText();
        assertThat(actions).contains("Opened the workplace", "Request", "Left the workplace");
        assertThat(companyPage.select("#operator-access code").eachText())
                .contains("review of the week's flagged profiles", "GET /applicants/" + applicant);

        // a self-managed company stays closed, and the attempt is recorded
        companies.changePlan(company, Plan.ENTERPRISE_SELF_MANAGED);
        assertThat(console.get("/operator")
                        .document()
                        .selectFirst("tr[data-company=" + company + "] button.open-workplace"))
                .isNull();
        FormClient.Page refused = console.post(
                "/operator/companies/" + company + "/open", Map.of("reason", "just looking", "_csrf", csrf(console)));
        assertThat(refused.location()).endsWith("/operator");
        assertThat(console.get("/operator")
                        .document()
                        .selectFirst(".flash.error")
                        .text())
                .contains("manages its own verifications");
        assertThat(console.get("/applicants").document().text()).doesNotContain("managed-user");
        assertThat(jdbc.sql("SELECT action FROM operator_access WHERE company_id = :c ORDER BY at DESC LIMIT 1")
                        .param("c", company.value())
                        .query(String.class)
                        .single())
                .isEqualTo("REFUSED");

        companies.changePlan(company, Plan.PAY_AS_YOU_GO);
        assertThat(console.post(
                                "/operator/companies/" + company + "/open",
                                Map.of("reason", "support ticket", "_csrf", csrf(console)))
                        .location())
                .endsWith("/operator");
    }

    @Test
    void anOpenWorkplaceClosesWhenTheCompanyLeavesTheManagedPlan() {
        companies.changePlan(company, Plan.ENTERPRISE_MANAGED_DEDICATED);
        tenant.applicant(tenant.flow("Plain", List.of(Map.of("type", "EMAIL"))), "dedicated-user");
        FormClient console = FormClient.signedIn(baseUrl(), OPERATOR);
        console.post(
                "/operator/companies/" + company + "/open", Map.of("reason", "weekly check", "_csrf", csrf(console)));
        assertThat(console.get("/applicants").document().text()).contains("dedicated-user");
        companies.changePlan(company, Plan.PAY_AS_YOU_GO);
        assertThat(console.get("/applicants").document().text())
                .as("back in the operator's own workplace")
                .doesNotContain("dedicated-user");
    }

    @Test
    void theDedicatedOperatorPlanMailsAWeeklyServiceReport() throws IOException {
        String flow = tenant.flow("Plain", List.of(Map.of("type", "EMAIL")));
        companies.changePlan(company, Plan.ENTERPRISE_MANAGED);
        LocalDate monday = LocalDate.now(clock.withZone(ZoneOffset.UTC))
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        Api live = liveIntegrator();
        String liveFlow = tenant.owner()
                .inMode("live")
                .post("/api/v1/flows", Map.of("name", "Live", "steps", List.of(Map.of("type", "EMAIL"))))
                .text("id");
        assertThat(live.post("/api/v1/applicants", Map.of("externalUserId", "reported", "flowId", liveFlow))
                        .status())
                .isEqualTo(201);
        tenant.applicant(flow, "a test verification is not reported");
        assertThat(reports.report(company, monday).started()).isEqualTo(1);

        clock.advance(Duration.ofDays(7));
        long before = mails(tenant.admin().email());
        reports.sendWeekly();
        assertThat(mails(tenant.admin().email())).as("not in the managed plan").isEqualTo(before);

        companies.changePlan(company, Plan.ENTERPRISE_MANAGED_DEDICATED);
        assertThat(reports.sendWeekly()).isGreaterThanOrEqualTo(1);
        byte[] pdf = TestMailServer.awaitAttachment(tenant.admin().email(), "service report " + monday);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Service report: " + tenant.companyName())
                    .contains("New live verifications this week: 1")
                    .contains("INIT 1")
                    .contains("Workplace visits 0");
        }
    }

    /** A live application of the company, and an integrator holding its private key. */
    private Api liveIntegrator() {
        Api live = tenant.owner().inMode("live");
        String application =
                live.post("/api/v1/applications", Map.of("name", "Live app")).text("id");
        return api().as(live.get("/api/v1/applications/" + application + "/keys")
                .text("privateKey"));
    }

    private boolean statusOnly(boolean on) {
        try {
            companies.statusOnly(company, on, Retention.SINGLE_EVENT);
            return companies.statusOnly(company) == on;
        } catch (org.openkyc.core.PlanLimitException e) {
            return false;
        }
    }

    @Autowired
    Metering metering;

    private Metering metering() {
        return metering;
    }

    private static long mails(String to) {
        try {
            return TestMailServer.count(to);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String csrf(FormClient client) {
        return client.get("/account").csrf();
    }
}
