package org.openkyc.bots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.applicants.ApplicantManagement.BotVerdict;
import org.openkyc.core.CompanyId;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.screening.ScreeningLists;
import org.openkyc.support.Api;
import org.openkyc.support.Documents;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The KYC Bot approves an applicant whose certificates are all CLEAR and mails them; the Advanced KYC Bot decides
 * CONSIDER certificates by the company's rules (asking again with a message, rejecting, blocking a same-name AML hit
 * for audit, deciding AML hits by match rate), and each decision is explained in the timeline.
 */
class KycBotsTest extends IntegrationTest {

    @Autowired
    CompanyManagement companies;

    @Autowired
    ScreeningLists lists;

    private SignUps.Tenant tenant;
    private CompanyId company;

    @BeforeEach
    void company() {
        tenant = SignUps.tenant(api(), "Bots");
        company = new CompanyId(UUID.fromString(tenant.companyId()));
        companies.changePlan(company, Plan.PAY_AS_YOU_GO);
    }

    @Test
    void theKycBotApprovesAllClearAndTellsTheApplicantOnlyOnFlowsThatSwitchItOn() {
        String bot = documentFlow(true);
        String email = "clear-" + UUID.randomUUID().toString().substring(0, 8) + "@applicant.test";
        String id = applicantWithEmail(bot, email);
        submit(id, "330720");
        assertThat(tenant.status(id)).isEqualTo("APPROVED");
        JsonNode decision = botDecision(id);
        assertThat(decision.at("/details/bot").asString()).isEqualTo("KYC_BOT");
        assertThat(decision.at("/details/explanation").asString())
                .isEqualTo("All 1 certificates are CLEAR: IDENTITY_DOCUMENT.");
        assertThat(TestMailServer.awaitMail(email, "approved")).contains("approved");

        String manual = documentFlow(false);
        String other = tenant.applicant(manual);
        submit(other, "330720");
        assertThat(tenant.status(other)).as("the bot is off for this flow").isEqualTo("COMPLETED");

        String expired = tenant.applicant(bot);
        submit(expired, "200101");
        assertThat(tenant.status(expired))
                .as("a CONSIDER certificate is for a person without the Advanced KYC Bot")
                .isEqualTo("ON_HOLD");
    }

    @Test
    void theAdvancedBotAsksForAnExpiredDocumentAgainWithItsMessage() {
        companies.changePlan(company, Plan.ENTERPRISE_SELF_MANAGED);
        switchOnAdvancedBot(null);
        String email = "expired-" + UUID.randomUUID().toString().substring(0, 8) + "@applicant.test";
        String id = applicantWithEmail(documentFlow(true), email);
        submit(id, "200101");
        assertThat(tenant.status(id)).isEqualTo("INCOMPLETE");
        JsonNode decision = botDecision(id);
        assertThat(decision.at("/details/bot").asString()).isEqualTo("ADVANCED_KYC_BOT");
        assertThat(decision.at("/details/decision").asString()).isEqualTo("RESUBMIT");
        assertThat(decision.at("/details/explanation").asString())
                .contains("DOCUMENT_EXPIRED (IDENTITY_DOCUMENT) → RESUBMIT");
        assertThat(decision.at("/details/steps").toString()).isEqualTo("[\"DOCUMENT\"]");
        FormClient workplace = FormClient.signedIn(baseUrl(), tenant.admin().email());
        assertThat(workplace
                        .get("/applicants/" + id + "?tab=timeline")
                        .document()
                        .select("#timeline td.why")
                        .eachText())
                .as("the reviewer reads why the bot decided")
                .anyMatch(why -> why.contains("DOCUMENT_EXPIRED (IDENTITY_DOCUMENT) → RESUBMIT"));
        String link = TestMailServer.awaitLink(email, "send part of your identity verification again", "/verify/");
        assertThat(TestMailServer.awaitMail(email, "again")).contains("Your document has expired.");

        // the applicant follows the mailed link and sends a valid document: the KYC Bot approves
        String token = link.substring(link.indexOf("/verify/") + "/verify/".length());
        Api app = api().as(token);
        app.post("/sdk/v1/start", null);
        Documents.submit(app, "PASSPORT", "NL", passport("330720"));
        app.post("/sdk/v1/finish", null);
        assertThat(tenant.status(id)).isEqualTo("APPROVED");
    }

    @Test
    void companyRulesDecideAndARejectionTellsTheApplicantWhy() {
        companies.changePlan(company, Plan.ENTERPRISE_SELF_MANAGED);
        switchOnAdvancedBot(Map.of(Finding.DOCUMENT_EXPIRED, BotVerdict.REJECT));
        String email = "rejected-" + UUID.randomUUID().toString().substring(0, 8) + "@applicant.test";
        String id = applicantWithEmail(documentFlow(true), email);
        submit(id, "200101");
        assertThat(tenant.status(id)).isEqualTo("DECLINED");
        JsonNode view = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(view.at("/review/rejectLabels/0").asString()).isEqualTo("FINAL_ADVANCED_KYC_BOT");
        assertThat(TestMailServer.awaitMail(email, "could not be accepted")).contains("Your document has expired.");
    }

    @Test
    void amlHitsAreDecidedByMatchRateAndTheApplicantsOwnListedNameIsBlockedForAudit() {
        lists.reload();
        companies.changePlan(company, Plan.ENTERPRISE_SELF_MANAGED);
        String flow = tenant.owner()
                .post(
                        "/api/v1/flows",
                        Map.of("name", "Screened", "autoApproval", true, "steps", List.of(Map.of("type", "AML"))))
                .text("id");
        switchOnAdvancedBot(null);
        String listed = screened(flow);
        assertThat(tenant.status(listed)).isEqualTo("BLOCKED");
        assertThat(botDecision(listed).at("/details/explanation").asString())
                .contains("AML_MATCH 100% (SANCTIONS_PEP) → BLOCK by the rule for AML_MATCH from 100%, same name");

        // the company's own rates: under 101% a hit is a false alarm, so the bot approves
        List<BotRule> lenient = new ArrayList<>(BotRules.DEFAULTS.stream()
                .filter(r -> r.finding() != Finding.AML_MATCH)
                .toList());
        lenient.add(new BotRule(Finding.AML_MATCH, 0, false, BotVerdict.APPROVE, null));
        save(lenient);
        String approved = screened(flow);
        assertThat(tenant.status(approved)).isEqualTo("APPROVED");

        List<BotRule> careful = new ArrayList<>(lenient);
        careful.add(new BotRule(Finding.AML_MATCH, 90, false, BotVerdict.REVIEW, null));
        save(careful);
        String held = screened(flow);
        assertThat(tenant.status(held)).as("left to a reviewer").isEqualTo("ON_HOLD");
        assertThat(botDecision(held).at("/details/decision").asString()).isEqualTo("REVIEW");
    }

    @Test
    void theStrongestDecisionWinsAndEachFindingHasItsRule() {
        assertThat(BotRules.rule(BotRules.DEFAULTS, Finding.AML_MATCH, 84, false)
                        .orElseThrow()
                        .verdict())
                .isEqualTo(BotVerdict.APPROVE);
        assertThat(BotRules.rule(BotRules.DEFAULTS, Finding.AML_MATCH, 97, false)
                        .orElseThrow()
                        .verdict())
                .isEqualTo(BotVerdict.REVIEW);
        assertThat(BotRules.rule(BotRules.DEFAULTS, Finding.AML_MATCH, 100, false)
                        .orElseThrow()
                        .verdict())
                .as("a 100% hit on another name is for a reviewer")
                .isEqualTo(BotVerdict.REVIEW);
        assertThat(BotRules.rule(BotRules.DEFAULTS, Finding.AML_MATCH, 100, true)
                        .orElseThrow()
                        .verdict())
                .isEqualTo(BotVerdict.BLOCK);
        for (Finding finding : Finding.values()) {
            if (!finding.forPerson()) {
                assertThat(BotRules.rule(BotRules.DEFAULTS, finding, 0, false))
                        .as(finding.name())
                        .isPresent();
            }
        }
        List<BotRule> approveAll = Arrays.stream(Finding.values())
                .map(f -> new BotRule(f, 0, false, BotVerdict.APPROVE, null))
                .toList();
        var notScreened = new org.openkyc.certificates.Certificates.Certificate(
                UUID.randomUUID(),
                "SANCTIONS_PEP",
                "CONSIDER",
                "not screened: no sanctions list is loaded",
                List.of("NOT_CHECKED", "PEP_MATCH:90"),
                java.time.Instant.EPOCH,
                java.time.Instant.EPOCH,
                true);
        var unavailable = new org.openkyc.applicants.Warning(
                "w",
                "CHECK_UNAVAILABLE",
                "The document could not be checked",
                java.time.Instant.EPOCH,
                null,
                null,
                null);
        assertThat(KycBots.decide(approveAll, List.of(notScreened), List.of(unavailable)))
                .as("a check that did not run, and a PEP, are a person's to decide whatever the rules say")
                .extracting(d -> d.rule().verdict())
                .containsOnly(BotVerdict.REVIEW)
                .hasSize(3);
        var certificate = new org.openkyc.certificates.Certificates.Certificate(
                UUID.randomUUID(),
                "IDENTITY_DOCUMENT",
                "CONSIDER",
                "",
                List.of("DOCUMENT_QUALITY", "DUPLICATE_DOCUMENT"),
                java.time.Instant.EPOCH,
                java.time.Instant.EPOCH,
                true);
        assertThat(KycBots.decide(BotRules.DEFAULTS, List.of(certificate), List.of()))
                .extracting(d -> d.rule().verdict())
                .containsExactly(BotVerdict.RESUBMIT, BotVerdict.REJECT);
    }

    private String screened(String flow) {
        String id = tenant.applicant(
                flow,
                "aml-" + UUID.randomUUID(),
                Map.of("fixedInfo", Map.of("firstName", "Eric", "lastName", "Badege", "dateOfBirth", "1971-05-01")));
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        app.post("/sdk/v1/finish", null);
        return id;
    }

    /** Switches the Advanced KYC Bot on through its page, with the defaults changed as given. */
    private void switchOnAdvancedBot(Map<Finding, BotVerdict> changes) {
        List<BotRule> rules = BotRules.DEFAULTS.stream()
                .map(r -> changes != null && changes.containsKey(r.finding())
                        ? new BotRule(
                                r.finding(), r.minMatchRate(), r.sameName(), changes.get(r.finding()), r.message())
                        : r)
                .toList();
        save(rules);
    }

    private void save(List<BotRule> rules) {
        FormClient admin = FormClient.signedIn(baseUrl(), tenant.admin().email());
        FormClient.Page page = admin.get("/bots");
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("advanced", "true");
        for (int i = 0; i < rules.size(); i++) {
            BotRule rule = rules.get(i);
            form.put("finding[" + i + "]", rule.finding().name());
            form.put("minMatchRate[" + i + "]", String.valueOf(rule.minMatchRate()));
            form.put("sameName[" + i + "]", String.valueOf(rule.sameName()));
            form.put("verdict[" + i + "]", rule.verdict().name());
            form.put("message[" + i + "]", rule.message() == null ? "" : rule.message());
        }
        admin.submit(page, form);
        assertThat(admin.get("/bots").document().selectFirst(".flash.ok"))
                .as("the rules were saved")
                .isNotNull();
    }

    private String documentFlow(boolean bot) {
        return tenant.owner()
                .post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                bot ? "With the bot" : "Reviewed",
                                "autoApproval",
                                bot,
                                "steps",
                                List.of(Map.of(
                                        "type",
                                        "DOCUMENT",
                                        "config",
                                        Map.of("permittedDocumentTypes", List.of("PASSPORT"))))))
                .text("id");
    }

    private String applicantWithEmail(String flow, String email) {
        return tenant.applicant(flow, "bot-" + UUID.randomUUID(), Map.of("email", email));
    }

    private void submit(String id, String expiry) {
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        Documents.submit(app, "PASSPORT", "NL", passport(expiry));
        app.post("/sdk/v1/finish", null);
    }

    private static List<String> passport(String expiry) {
        return DocumentPhotos.passport("NLD", "OKONKWO", "CHIDI", "NX7K2P4Q8", "910305", "M", expiry);
    }

    private JsonNode botDecision(String id) {
        JsonNode timeline = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/timeline")
                .json();
        JsonNode found = null;
        for (JsonNode entry : timeline) {
            if (entry.get("action").asString().equals("BOT_DECISION")) {
                found = entry;
            }
        }
        assertThat(found).as(timeline.toString()).isNotNull();
        return found;
    }
}
