package org.openkyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openkyc.core.CompanyId;
import org.openkyc.screening.AmlCases;
import org.openkyc.screening.ScreeningLists;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.RouteIds;
import org.openkyc.support.SignUps;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The workplace pages' counterpart of {@link TenantIsolationTest}: every page route is classified, asks anonymous
 * visitors to sign in, refuses users without its permission, and finds nothing of another company or mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageIsolationTest extends IntegrationTest {

    enum Scope {
        PUBLIC,
        SIGNED_IN,
        /** The platform operators' console: refused to every company's users. */
        OPERATOR,
        COMPANY,
        COMPANY_RECORD,
        MODE_RECORD
    }

    record Route(Scope scope, Map<String, String> form) {}

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Map<String, String> idsA = new HashMap<>();
    private final Map<String, String> liveIdsA = new HashMap<>();
    private FormClient ownerA;
    private FormClient ownerB;
    private FormClient nobodyA;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    CompanyManagement companies;

    @Autowired
    ScreeningLists lists;

    @Autowired
    AmlCases cases;

    @BeforeAll
    void twoCompanies() {
        for (String route : List.of(
                "GET /signin",
                "GET /signup",
                "POST /signup",
                "GET /signup/sent",
                "POST /signup/resend",
                "GET /verify-email",
                "GET /forgot-password",
                "POST /forgot-password",
                "GET /reset-password",
                "POST /reset-password",
                "GET /invitations/accept",
                "POST /invitations/accept",
                "GET /dev/mailbox",
                // the hosted flow: the access token in the path is the credential
                "GET /verify/{token}",
                "POST /verify/{token}/start",
                "POST /verify/{token}/email/code",
                "POST /verify/{token}/email/verify",
                "POST /verify/{token}/phone/code",
                "POST /verify/{token}/phone/verify",
                "POST /verify/{token}/wallet/challenge",
                "POST /verify/{token}/wallet/verify",
                "POST /verify/{token}/document",
                "POST /verify/{token}/selfie",
                "POST /verify/{token}/address",
                "POST /verify/{token}/finish",
                "GET /verify/{token}/done")) {
            routes.put(route, new Route(Scope.PUBLIC, Map.of()));
        }
        for (String route : List.of(
                "GET /",
                "GET /account",
                "POST /account",
                "POST /account/password",
                "POST /account/totp/start",
                "POST /account/totp/confirm",
                "POST /account/totp/disable",
                "POST /mode")) {
            routes.put(route, new Route(Scope.SIGNED_IN, Map.of()));
        }
        for (String route : List.of(
                "GET /dashboard",
                "GET /applicants",
                "GET /workflows",
                "GET /questionnaires",
                "GET /aml",
                "GET /aml/results",
                // the lists' versions are shared by every company
                "GET /aml/lists",
                "GET /company",
                // the installation's checks, shown to those who keep the company's settings
                "GET /system-status",
                "POST /company",
                "POST /company/keys",
                "POST /company/keys/{mode}/rotate",
                "GET /team",
                "GET /team/roles/new",
                "GET /applications")) {
            routes.put(route, new Route(Scope.COMPANY, Map.of()));
        }
        routes.put(
                "POST /team/invitations",
                new Route(
                        Scope.COMPANY,
                        Map.of(
                                "email",
                                "x@pages.test",
                                "roleId",
                                UUID.randomUUID().toString())));
        for (String route : List.of(
                "GET /operator",
                "GET /operator/companies/{id}/access",
                "POST /operator/companies/{id}/plan",
                "POST /operator/companies/{id}/trial",
                "POST /operator/companies/{id}/status-only",
                "POST /operator/companies/{id}/open",
                "POST /operator/leave")) {
            routes.put(route, new Route(Scope.OPERATOR, Map.of("plan", "ENTERPRISE_MANAGED", "reason", "any")));
        }
        routes.put("POST /dashboard/target", new Route(Scope.COMPANY, Map.of("successfulPerDay", "40")));
        routes.put("GET /bots", new Route(Scope.COMPANY, Map.of()));
        routes.put("POST /bots", new Route(Scope.COMPANY, Map.of("advanced", "true")));
        routes.put("POST /team/roles", new Route(Scope.COMPANY, Map.of("name", "Any " + UUID.randomUUID())));
        routes.put("POST /applications", new Route(Scope.COMPANY, Map.of("name", "Any app")));
        routes.put("POST /questionnaires", new Route(Scope.COMPANY, Map.of("name", "Page questionnaire")));
        routes.put("GET /questionnaires/options", new Route(Scope.COMPANY, Map.of()));
        routes.put("GET /questionnaires/{id}", new Route(Scope.COMPANY_RECORD, Map.of()));
        routes.put(
                "PUT /questionnaires/{id}",
                new Route(
                        Scope.COMPANY_RECORD,
                        Map.of(
                                "json",
                                "{\"name\":\"x\",\"description\":\"\",\"schema\":\"{\\\"pages\\\":[{\\\"elements\\\":[]}]}\"}")));
        routes.put("GET /applicants/{id}/questionnaires/{answersId}", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("GET /team/roles/{id}", new Route(Scope.COMPANY_RECORD, Map.of()));
        routes.put(
                "POST /team/roles/{id}",
                new Route(Scope.COMPANY_RECORD, Map.of("name", "Renamed " + UUID.randomUUID())));
        routes.put("POST /team/roles/{id}/delete", new Route(Scope.COMPANY_RECORD, Map.of()));
        routes.put("GET /team/members/{id}", new Route(Scope.COMPANY_RECORD, Map.of()));
        routes.put(
                "POST /team/members/{id}",
                new Route(
                        Scope.COMPANY_RECORD, Map.of("roleId", UUID.randomUUID().toString())));
        routes.put("POST /team/invitations/{id}/revoke", new Route(Scope.COMPANY_RECORD, Map.of()));
        routes.put("GET /applications/{id}", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applications/{id}", new Route(Scope.MODE_RECORD, Map.of("name", "Renamed")));
        routes.put("POST /applications/{id}/keys", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applications/{id}/keys/{key}/rotate", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("GET /applicants/{id}/report", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applicants/{id}/delete", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applicants/{id}/restore", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("GET /applications/{id}/webhooks", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applications/{id}/webhooks/test", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("GET /webhooks/deliveries/{id}", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /webhooks/deliveries/{id}/redeliver", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applicants/reviewer", new Route(Scope.COMPANY, Map.of("bulkReviewerId", "")));
        routes.put("GET /applicants/new", new Route(Scope.COMPANY, Map.of()));
        routes.put(
                "POST /applicants/new",
                new Route(
                        Scope.COMPANY,
                        Map.of("externalUserId", "page-" + UUID.randomUUID(), "lang", "en", "lifetimeHours", "1")));
        routes.put("GET /applicants/{id}", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applicants/{id}/review/start", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applicants/{id}/review", new Route(Scope.MODE_RECORD, Map.of("decision", "APPROVED")));
        routes.put("POST /applicants/{id}/reviewer", new Route(Scope.MODE_RECORD, Map.of("reviewerId", "")));
        routes.put(
                "POST /applicants/{id}/warnings/{warningId}/resolve",
                new Route(Scope.MODE_RECORD, Map.of("reason", "settled")));
        routes.put("POST /applicants/{id}/link", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /applicants/{id}/steps/{step}/deactivate", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put(
                "POST /applicants/{id}/steps/{step}/activate",
                new Route(Scope.MODE_RECORD, Map.of("result", UUID.randomUUID().toString())));
        routes.put(
                "POST /applicants/{id}/resubmission",
                new Route(Scope.MODE_RECORD, Map.of("step", "DOCUMENT", "message", "again")));
        routes.put("GET /applicants/{id}/media/{mediaId}", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /aml/scans", new Route(Scope.COMPANY, Map.of("name", "Nobody Known")));
        // importing and refreshing the installation's lists is for those who keep the company's settings
        routes.put("POST /aml/lists/import", new Route(Scope.COMPANY, Map.of("source", "")));
        routes.put("POST /aml/lists/refresh", new Route(Scope.COMPANY, Map.of()));
        // the lists are shared by every company: nothing of a company's own to isolate
        routes.put("GET /aml/entities/{key}", new Route(Scope.COMPANY, Map.of()));
        routes.put(
                "POST /applicants/{id}/aml/{matchId}",
                new Route(Scope.MODE_RECORD, Map.of("status", "FALSE_POSITIVE")));
        routes.put("GET /aml/scans/{id}", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("POST /aml/scans/{id}/monitoring", new Route(Scope.MODE_RECORD, Map.of("periodicity", "DAILY")));
        routes.put("POST /aml/matches/{id}", new Route(Scope.MODE_RECORD, Map.of("status", "FALSE_POSITIVE")));
        routes.put(
                "POST /applicants/{id}/document/fields",
                new Route(Scope.MODE_RECORD, Map.of("field", "surname", "value", "X")));
        routes.put("POST /applicants/{id}/comments", new Route(Scope.MODE_RECORD, Map.of("text", "note")));
        routes.put(
                "POST /applicants/{id}/additional-requests",
                new Route(Scope.MODE_RECORD, Map.of("flowId", UUID.randomUUID().toString())));
        routes.put("DELETE /workflows/{id}/draft", new Route(Scope.MODE_RECORD, Map.of("json", "{}")));
        routes.put("POST /workflows", new Route(Scope.COMPANY, Map.of("name", "Page flow")));
        routes.put("GET /workflows/{id}", new Route(Scope.MODE_RECORD, Map.of()));
        routes.put("PUT /workflows/{id}/draft", new Route(Scope.MODE_RECORD, Map.of("json", "{\"name\":\"draft\"}")));
        routes.put(
                "POST /workflows/{id}/publish",
                new Route(Scope.MODE_RECORD, Map.of("json", "{\"name\":\"x\",\"steps\":[{\"type\":\"EMAIL\"}]}")));
        routes.put(
                "POST /workflows/{id}/duplicate", new Route(Scope.MODE_RECORD, Map.of("name", "Copy", "mode", "test")));

        SignUps.Admin a = SignUps.signUp(api(), "Pages A");
        SignUps.Admin b = SignUps.signUp(api(), "Pages B");
        Api apiA = api().as(a.token());
        companies.changePlan(
                new CompanyId(UUID.fromString(apiA.get("/api/v1/company").text("id"))), Plan.PAY_AS_YOU_GO);
        String nothing = SignUps.role(api(), a.token(), "Nothing at all", List.of());
        String nobodyEmail = "nobody-" + UUID.randomUUID().toString().substring(0, 6) + "@pages-a.test";
        SignUps.member(api(), baseUrl(), a.token(), nobodyEmail, nothing);
        idsA.put("team/roles", SignUps.role(api(), a.token(), "Spare", List.of("DASHBOARD")));
        idsA.put("team/members", apiA.get("/api/v1/account").text("id"));
        idsA.put(
                "team/invitations",
                apiA.post("/api/v1/team/invitations", Map.of("email", "pending@pages-a.test", "roleId", nothing))
                        .text("id"));
        idsA.put(
                "applications",
                apiA.get("/api/v1/applications").json().get(0).get("id").asString());
        liveIdsA.put(
                "applications",
                apiA.inMode("live")
                        .post("/api/v1/applications", Map.of("name", "Live app"))
                        .text("id"));
        // Events of these applications are recorded with deliveries (to a closed port, so they end undelivered).
        apiA.patch("/api/v1/applications/" + idsA.get("applications"), Map.of("webhookUrl", "http://127.0.0.1:9/hook"));
        apiA.inMode("live")
                .patch(
                        "/api/v1/applications/" + liveIdsA.get("applications"),
                        Map.of("webhookUrl", "http://127.0.0.1:9/hook"));
        String testFlow = apiA.post(
                        "/api/v1/flows", Map.of("name", "Pages flow", "steps", List.of(Map.of("type", "EMAIL"))))
                .text("id");
        String liveFlow = apiA.inMode("live")
                .post("/api/v1/flows", Map.of("name", "Live flow", "steps", List.of(Map.of("type", "EMAIL"))))
                .text("id");
        idsA.put("workflows", testFlow);
        idsA.put(
                "aml/scans",
                apiA.post("/api/v1/aml/scans", Map.of("name", "Test Scan")).text("id"));
        liveIdsA.put(
                "aml/scans",
                apiA.inMode("live")
                        .post("/api/v1/aml/scans", Map.of("name", "Live Scan"))
                        .text("id"));
        lists.reload();
        CompanyId companyA =
                new CompanyId(UUID.fromString(apiA.get("/api/v1/company").text("id")));
        idsA.put(
                "aml/matches",
                cases.matches(
                                companyA,
                                AmlCases.Owner.scan(
                                        UUID.fromString(apiA.post("/api/v1/aml/scans", Map.of("name", "Eric Badege"))
                                                .text("id"))))
                        .getFirst()
                        .id()
                        .toString());
        liveIdsA.put(
                "aml/matches",
                cases.matches(
                                companyA,
                                AmlCases.Owner.scan(UUID.fromString(apiA.inMode("live")
                                        .post("/api/v1/aml/scans", Map.of("name", "Eric Badege"))
                                        .text("id"))))
                        .getFirst()
                        .id()
                        .toString());
        liveIdsA.put("workflows", liveFlow);
        idsA.put(
                "applicants",
                apiA.post("/api/v1/applicants", Map.of("externalUserId", "page-test", "flowId", testFlow))
                        .text("id"));
        liveIdsA.put(
                "applicants",
                apiA.inMode("live")
                        .post("/api/v1/applicants", Map.of("externalUserId", "page-live", "flowId", liveFlow))
                        .text("id"));
        idsA.put(
                "webhooks/deliveries",
                apiA.get("/api/v1/webhooks/deliveries").json().get(0).get("id").asString());
        liveIdsA.put(
                "webhooks/deliveries",
                apiA.inMode("live")
                        .get("/api/v1/webhooks/deliveries")
                        .json()
                        .get(0)
                        .get("id")
                        .asString());

        ownerA = FormClient.signedIn(baseUrl(), a.email());
        ownerB = FormClient.signedIn(baseUrl(), b.email());
        nobodyA = FormClient.signedIn(baseUrl(), nobodyEmail);
        FormClient.Page questionnaire =
                ownerA.submit(ownerA.get("/questionnaires"), Map.of("name", "Isolated questionnaire"));
        idsA.put(
                "questionnaires",
                questionnaire.location().substring(questionnaire.location().lastIndexOf('/') + 1));
    }

    @Test
    void everyPageRouteIsClassified() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")
                        && !pattern.startsWith("/sdk/")
                        && !pattern.startsWith("/v3/api-docs")
                        && !pattern.startsWith("/swagger-ui")
                        && !pattern.equals("/error")) {
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(routes.keySet());
    }

    @Test
    void anonymousVisitorsAreAskedToSignIn() {
        FormClient anonymous = new FormClient(baseUrl());
        String csrf = anonymous.get("/signin").csrf();
        routes.forEach((route, spec) -> {
            if (spec.scope() != Scope.PUBLIC) {
                FormClient.Page page = call(anonymous, csrf, route, idsA(route), spec.form());
                assertThat(page.status()).as(route).isEqualTo(302);
                assertThat(page.location()).as(route).endsWith("/signin");
            }
        });
    }

    @Test
    void aUserWithoutThePermissionIsForbidden() {
        String csrf = nobodyA.get("/account").csrf();
        routes.forEach((route, spec) -> {
            if (spec.scope() != Scope.PUBLIC && spec.scope() != Scope.SIGNED_IN) {
                assertThat(call(nobodyA, csrf, route, idsA(route), spec.form()).status())
                        .as(route)
                        .isEqualTo(403);
            }
        });
        assertThat(nobodyA.get("/").location()).endsWith("/account");
    }

    @Test
    void theOperatorConsoleRefusesEveryCompanysUsers() {
        String csrf = ownerA.get("/account").csrf();
        routes.forEach((route, spec) -> {
            if (spec.scope() == Scope.OPERATOR) {
                assertThat(call(ownerA, csrf, route, null, spec.form()).status())
                        .as(route)
                        .isEqualTo(403);
            }
        });
    }

    @Test
    void anotherCompanyFindsNoneOfTheRecords() {
        String csrf = ownerB.get("/account").csrf();
        routes.forEach((route, spec) -> {
            if (spec.scope() == Scope.COMPANY_RECORD || spec.scope() == Scope.MODE_RECORD) {
                FormClient.Page page = call(ownerB, csrf, route, idsA(route), spec.form());
                assertThat(page.status()).as(route).isEqualTo(404);
            }
        });
        for (String listing : List.of("/team", "/team?tab=roles", "/team?tab=invitations", "/applications")) {
            String html = ownerB.get(listing).html();
            idsA.values().forEach(id -> assertThat(html).as(listing).doesNotContain(id));
        }
    }

    @Test
    void theOtherModeFindsNoneOfTheRecords() {
        String csrf = ownerA.get("/account").csrf();
        routes.forEach((route, spec) -> {
            if (spec.scope() == Scope.MODE_RECORD) {
                assertThat(call(ownerA, csrf, route, RouteIds.idFor(liveIdsA, route), spec.form())
                                .status())
                        .as("test mode, live record: " + route)
                        .isEqualTo(404);
            }
        });
        ownerA.post("/mode", Map.of("_csrf", csrf, "mode", "live"));
        try {
            routes.forEach((route, spec) -> {
                if (spec.scope() == Scope.MODE_RECORD) {
                    assertThat(call(ownerA, csrf, route, idsA(route), spec.form())
                                    .status())
                            .as("live mode, test record: " + route)
                            .isEqualTo(404);
                }
            });
            assertThat(ownerA.get("/applications/" + liveIdsA.get("applications"))
                            .status())
                    .isEqualTo(200);
        } finally {
            ownerA.post("/mode", Map.of("_csrf", csrf, "mode", "test"));
        }
    }

    private @Nullable String idsA(String route) {
        return RouteIds.idFor(idsA, route);
    }

    private static FormClient.Page call(
            FormClient browser, String csrf, String route, @Nullable String id, Map<String, String> form) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1)
                .replace("{id}", id == null ? UUID.randomUUID().toString() : id)
                .replace("{mode}", "test")
                .replace("{step}", "DOCUMENT")
                .replace("{key}", "private-key")
                .replace("{warningId}", UUID.randomUUID().toString())
                .replace("{mediaId}", UUID.randomUUID().toString())
                .replace("{matchId}", UUID.randomUUID().toString())
                .replace("{answersId}", UUID.randomUUID().toString());
        if (method.equals("GET")) {
            return browser.get(path);
        }
        if (form.containsKey("json")) {
            return browser.json(method, path, form.get("json"), csrf);
        }
        Map<String, String> fields = new HashMap<>(form);
        fields.put("_csrf", csrf);
        return browser.post(path, fields);
    }
}
