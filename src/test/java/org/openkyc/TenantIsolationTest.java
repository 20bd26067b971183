package org.openkyc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.openkyc.support.Api;
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
 * Enumerates every {@code /api} route the application serves and proves, for each, that another company's
 * credential or the other mode sees nothing (404, or only its own data), that a user without the permission
 * gets 403, and that no route answers without a credential. A new route fails this test until it is
 * classified below.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest extends IntegrationTest {

    /** How a route is scoped, which decides what isolation means for it. */
    enum Scope {
        /** Needs no credential. */
        PUBLIC,
        /** The caller's own account: no permission needed, nothing of others reachable. */
        OWN_ACCOUNT,
        /** The caller's company as a whole (no id in the path). */
        COMPANY,
        /** A record of the caller's company named by {@code {id}}. */
        COMPANY_RECORD,
        /** A record of the caller's company and mode named by {@code {id}}. */
        MODE_RECORD,
        /** Answers for the calling private key only. */
        APPLICATION_KEY
    }

    /** How to call a route; {@code keyMay} marks routes a private key may use as well as a user. */
    record Route(
            Scope scope,
            @Nullable String permission,
            @Nullable Object body,
            boolean keyMay) {
        Route(Scope scope, @Nullable String permission, @Nullable Object body) {
            this(scope, permission, body, false);
        }
    }

    private final Map<String, Route> routes = new LinkedHashMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    CompanyManagement companies;

    private SignUps.Admin ownerA;
    private SignUps.Admin ownerB;
    private String noPermissionToken;
    private String appKeyA;
    private final Map<String, String> idsA = new LinkedHashMap<>();
    private final Map<String, String> liveIdsA = new LinkedHashMap<>();

    @BeforeAll
    void twoCompanies() {
        Map<String, Object> roleBody =
                Map.of("name", "Renamed " + UUID.randomUUID(), "description", "", "permissions", List.of());
        routes.put("POST /api/v1/signup", new Route(Scope.PUBLIC, null, null));
        routes.put("POST /api/v1/auth/token", new Route(Scope.PUBLIC, null, null));
        routes.put("GET /api/v1/account", new Route(Scope.OWN_ACCOUNT, null, null));
        routes.put(
                "PATCH /api/v1/account",
                new Route(Scope.OWN_ACCOUNT, null, Map.of("fullName", "Same Person", "language", "en")));
        routes.put("POST /api/v1/account/totp", new Route(Scope.OWN_ACCOUNT, null, null));
        routes.put("POST /api/v1/account/totp/confirm", new Route(Scope.OWN_ACCOUNT, null, Map.of("code", "000000")));
        routes.put("DELETE /api/v1/account/totp", new Route(Scope.OWN_ACCOUNT, null, Map.of("currentPassword", "x")));
        routes.put("GET /api/v1/company", new Route(Scope.COMPANY, "COMPANY", null));
        routes.put("GET /api/v1/dashboard", new Route(Scope.COMPANY, "DASHBOARD", null));
        routes.put("PATCH /api/v1/company", new Route(Scope.COMPANY, "COMPANY", Map.of("name", "Same name")));
        routes.put("GET /api/v1/company/keys", new Route(Scope.COMPANY, "COMPANY_KEYS", null));
        routes.put("POST /api/v1/company/keys/{mode}/rotate", new Route(Scope.COMPANY, "COMPANY_KEYS", null));
        routes.put("GET /api/v1/team/roles", new Route(Scope.COMPANY, "TEAM", null));
        routes.put("POST /api/v1/team/roles", new Route(Scope.COMPANY, "TEAM", roleBody));
        routes.put("GET /api/v1/team/roles/{id}", new Route(Scope.COMPANY_RECORD, "TEAM", null));
        routes.put("PUT /api/v1/team/roles/{id}", new Route(Scope.COMPANY_RECORD, "TEAM", roleBody));
        routes.put("DELETE /api/v1/team/roles/{id}", new Route(Scope.COMPANY_RECORD, "TEAM", null));
        routes.put("GET /api/v1/team/members", new Route(Scope.COMPANY, "TEAM", null));
        routes.put("GET /api/v1/team/members/{id}", new Route(Scope.COMPANY_RECORD, "TEAM", null));
        routes.put(
                "PATCH /api/v1/team/members/{id}",
                new Route(
                        Scope.COMPANY_RECORD,
                        "TEAM",
                        Map.of("roleId", UUID.randomUUID().toString(), "active", true)));
        routes.put("GET /api/v1/team/invitations", new Route(Scope.COMPANY, "TEAM", null));
        routes.put(
                "POST /api/v1/team/invitations",
                new Route(
                        Scope.COMPANY,
                        "TEAM",
                        Map.of(
                                "email",
                                "x@isolation.test",
                                "roleId",
                                UUID.randomUUID().toString())));
        routes.put("DELETE /api/v1/team/invitations/{id}", new Route(Scope.COMPANY_RECORD, "TEAM", null));
        routes.put("GET /api/v1/applications", new Route(Scope.COMPANY, "APPLICATIONS", null));
        routes.put("POST /api/v1/applications", new Route(Scope.COMPANY, "APPLICATIONS", Map.of("name", "New app")));
        routes.put("GET /api/v1/applications/current", new Route(Scope.APPLICATION_KEY, null, null));
        routes.put("POST /api/v1/aml/scans", new Route(Scope.COMPANY, "AML_SCANS", Map.of("name", "Nobody Known")));
        routes.put("GET /api/v1/aml/scans", new Route(Scope.COMPANY, "AML_SCANS", null));
        // the lists are the installation's, shared by every company: a company sees them all, and only admins import
        routes.put("GET /api/v1/screening/lists", new Route(Scope.COMPANY, "AML_SCANS", null));
        routes.put("POST /api/v1/screening/lists/imports", new Route(Scope.COMPANY, "COMPANY", null));
        routes.put("GET /api/v1/aml/scans/{id}", new Route(Scope.MODE_RECORD, "AML_SCANS", null));
        routes.put("GET /api/v1/applications/{id}", new Route(Scope.MODE_RECORD, "APPLICATIONS", null));
        routes.put(
                "PATCH /api/v1/applications/{id}",
                new Route(Scope.MODE_RECORD, "APPLICATIONS", Map.of("description", "changed")));
        routes.put("GET /api/v1/applications/{id}/keys", new Route(Scope.MODE_RECORD, "APPLICATION_KEYS", null));
        routes.put(
                "POST /api/v1/applications/{id}/keys/{key}/rotate",
                new Route(Scope.MODE_RECORD, "APPLICATION_KEYS", null));
        Map<String, Object> flowBody = Map.of("name", "Flow", "steps", List.of(Map.of("type", "EMAIL")));
        routes.put("GET /api/v1/flows", new Route(Scope.COMPANY, "WORKFLOWS", null, true));
        routes.put("POST /api/v1/flows", new Route(Scope.COMPANY, "WORKFLOWS", flowBody));
        routes.put("GET /api/v1/flows/{id}", new Route(Scope.MODE_RECORD, "WORKFLOWS", null, true));
        routes.put("PUT /api/v1/flows/{id}", new Route(Scope.MODE_RECORD, "WORKFLOWS", flowBody));
        routes.put("GET /api/v1/flows/{id}/draft", new Route(Scope.MODE_RECORD, "WORKFLOWS", null));
        routes.put("PUT /api/v1/flows/{id}/draft", new Route(Scope.MODE_RECORD, "WORKFLOWS", flowBody));
        routes.put("DELETE /api/v1/flows/{id}/draft", new Route(Scope.MODE_RECORD, "WORKFLOWS", null));
        routes.put(
                "POST /api/v1/flows/{id}/duplicate",
                new Route(Scope.MODE_RECORD, "WORKFLOWS", Map.of("name", "Copy", "mode", "test")));
        Map<String, Object> newApplicant = Map.of("externalUserId", "isolation-" + UUID.randomUUID());
        routes.put("POST /api/v1/applicants", new Route(Scope.COMPANY, "APPLICANTS_REVIEW", newApplicant, true));
        routes.put("GET /api/v1/applicants", new Route(Scope.COMPANY, "APPLICANTS_VIEW", null, true));
        routes.put("GET /api/v1/applicants/{id}", new Route(Scope.MODE_RECORD, "APPLICANTS_VIEW", null, true));
        routes.put(
                "POST /api/v1/applicants/{id}/access-tokens",
                new Route(Scope.MODE_RECORD, "APPLICANTS_REVIEW", Map.of("ttlSeconds", 600), true));
        routes.put(
                "PUT /api/v1/applicants/{id}/flow",
                new Route(
                        Scope.MODE_RECORD,
                        "APPLICANTS_REVIEW",
                        Map.of("flowId", UUID.randomUUID().toString()),
                        true));
        routes.put(
                "POST /api/v1/applicants/{id}/review",
                new Route(Scope.MODE_RECORD, "APPLICANTS_REVIEW", Map.of("decision", "APPROVED"), true));
        routes.put(
                "POST /api/v1/applicants/{id}/resubmission",
                new Route(
                        Scope.MODE_RECORD,
                        "APPLICANTS_REVIEW",
                        Map.of("step", "EMAIL", "message", "Please confirm your address again.")));
        routes.put(
                "POST /api/v1/applicants/{id}/review/start", new Route(Scope.MODE_RECORD, "APPLICANTS_REVIEW", null));
        routes.put("PUT /api/v1/applicants/{id}/reviewer", new Route(Scope.MODE_RECORD, "APPLICANTS_REVIEW", Map.of()));
        routes.put(
                "POST /api/v1/applicants/{id}/warnings/{warningId}/resolve",
                new Route(Scope.MODE_RECORD, "APPLICANTS_REVIEW", Map.of("reason", "settled")));
        routes.put(
                "POST /api/v1/applicants/{id}/additional-requests",
                new Route(
                        Scope.MODE_RECORD,
                        "APPLICANTS_REVIEW",
                        Map.of("flowId", UUID.randomUUID().toString()),
                        true));
        routes.put("GET /api/v1/applicants/{id}/comments", new Route(Scope.MODE_RECORD, "APPLICANTS_VIEW", null));
        routes.put(
                "GET /api/v1/applicants/{id}/attestation", new Route(Scope.MODE_RECORD, "APPLICANTS_VIEW", null, true));
        routes.put(
                "GET /api/v1/applicants/{id}/certificates",
                new Route(Scope.MODE_RECORD, "APPLICANTS_VIEW", null, true));
        routes.put(
                "POST /api/v1/applicants/{id}/comments",
                new Route(Scope.MODE_RECORD, "APPLICANTS_VIEW", Map.of("text", "note")));
        routes.put("GET /api/v1/applicants/{id}/timeline", new Route(Scope.MODE_RECORD, "APPLICANTS_VIEW", null, true));
        routes.put(
                "GET /api/v1/applicants/{id}/timeline/verification",
                new Route(Scope.MODE_RECORD, "APPLICANTS_VIEW", null, true));
        routes.put("DELETE /api/v1/applicants/{id}", new Route(Scope.MODE_RECORD, "APPLICANTS_DELETE", null, true));
        routes.put(
                "POST /api/v1/applicants/{id}/restore", new Route(Scope.MODE_RECORD, "APPLICANTS_DELETE", null, true));
        routes.put(
                "POST /api/v1/applicants/{id}/archive", new Route(Scope.MODE_RECORD, "APPLICANTS_DELETE", null, true));
        routes.put("GET /api/v1/applicants/{id}/report", new Route(Scope.MODE_RECORD, "APPLICANTS_VIEW", null, true));
        routes.put("GET /api/v1/webhooks/undelivered", new Route(Scope.COMPANY, "APPLICATIONS", null, true));
        routes.put("GET /api/v1/webhooks/deliveries", new Route(Scope.COMPANY, "APPLICATIONS", null, true));
        routes.put("GET /api/v1/webhooks/deliveries/{id}", new Route(Scope.MODE_RECORD, "APPLICATIONS", null, true));
        routes.put(
                "POST /api/v1/webhooks/deliveries/{id}/redeliver",
                new Route(Scope.MODE_RECORD, "APPLICATIONS", null, true));
        routes.put("POST /api/v1/webhooks/test", new Route(Scope.COMPANY, "APPLICATIONS", null, true));

        ownerA = SignUps.signUp(api(), "Isolation A");
        ownerB = SignUps.signUp(api(), "Isolation B");
        Api a = api().as(ownerA.token());
        companies.changePlan(
                new CompanyId(UUID.fromString(a.get("/api/v1/company").text("id"))), Plan.PAY_AS_YOU_GO);

        String nothingRole = SignUps.role(api(), ownerA.token(), "Nothing", List.of());
        noPermissionToken = SignUps.member(
                api(),
                baseUrl(),
                ownerA.token(),
                "nobody-" + UUID.randomUUID().toString().substring(0, 6) + "@isolation-a.test",
                nothingRole);
        idsA.put("team/roles", SignUps.role(api(), ownerA.token(), "Spare", List.of("DASHBOARD")));
        idsA.put("team/members", a.get("/api/v1/account").text("id"));
        idsA.put(
                "team/invitations",
                a.post("/api/v1/team/invitations", Map.of("email", "pending@isolation-a.test", "roleId", nothingRole))
                        .text("id"));
        idsA.put(
                "applications",
                a.get("/api/v1/applications").json().get(0).get("id").asString());
        appKeyA = a.get("/api/v1/applications/" + idsA.get("applications") + "/keys")
                .text("privateKey");
        Api.Response live = a.inMode("live").post("/api/v1/applications", Map.of("name", "Live app"));
        assertThat(live.status()).as(live.toString()).isEqualTo(201);
        liveIdsA.put("applications", live.text("id"));
        // Events of these applications are recorded with deliveries (to a closed port, so they end undelivered).
        a.patch("/api/v1/applications/" + idsA.get("applications"), Map.of("webhookUrl", "http://127.0.0.1:9/hook"));
        a.inMode("live")
                .patch(
                        "/api/v1/applications/" + liveIdsA.get("applications"),
                        Map.of("webhookUrl", "http://127.0.0.1:9/hook"));
        idsA.put(
                "flows",
                a.post("/api/v1/flows", Map.of("name", "Test flow", "steps", List.of(Map.of("type", "EMAIL"))))
                        .text("id"));
        a.put("/api/v1/flows/" + idsA.get("flows") + "/draft", Map.of("name", "draft"));
        idsA.put(
                "applicants",
                a.post("/api/v1/applicants", Map.of("externalUserId", "isolated-test", "flowId", idsA.get("flows")))
                        .text("id"));
        liveIdsA.put(
                "flows",
                a.inMode("live")
                        .post("/api/v1/flows", Map.of("name", "Live flow", "steps", List.of(Map.of("type", "EMAIL"))))
                        .text("id"));
        liveIdsA.put(
                "applicants",
                a.inMode("live")
                        .post(
                                "/api/v1/applicants",
                                Map.of("externalUserId", "isolated-live", "flowId", liveIdsA.get("flows")))
                        .text("id"));
        idsA.put(
                "aml/scans",
                a.post("/api/v1/aml/scans", Map.of("name", "Test Scan")).text("id"));
        liveIdsA.put(
                "aml/scans",
                a.inMode("live")
                        .post("/api/v1/aml/scans", Map.of("name", "Live Scan"))
                        .text("id"));
        idsA.put(
                "webhooks/deliveries",
                a.get("/api/v1/webhooks/deliveries").json().get(0).get("id").asString());
        liveIdsA.put(
                "webhooks/deliveries",
                a.inMode("live")
                        .get("/api/v1/webhooks/deliveries")
                        .json()
                        .get(0)
                        .get("id")
                        .asString());
    }

    @Test
    void everyApiRouteIsClassified() {
        Set<String> served = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> served.add(m.name() + " " + pattern));
                }
            }
        }
        assertThat(served).containsExactlyInAnyOrderElementsOf(routes.keySet());
    }

    @Test
    void noRouteAnswersWithoutACredential() {
        routes.forEach((route, spec) -> {
            if (spec.scope() != Scope.PUBLIC) {
                Api.Response response = call(api(), route, idsA(route), spec.body());
                assertThat(response.status()).as(route).isEqualTo(401);
                assertThat(response.contentType()).as(route).startsWith("application/problem+json");
            }
        });
    }

    @Test
    void anotherCompanysTokenFindsNoneOfTheRecords() {
        Api b = api().as(ownerB.token());
        routes.forEach((route, spec) -> {
            if (spec.scope() == Scope.COMPANY_RECORD || spec.scope() == Scope.MODE_RECORD) {
                Api.Response response = call(b, route, idsA(route), spec.body());
                assertThat(response.status()).as(route + " " + response).isEqualTo(404);
                assertThat(response.json().get("type").asString()).endsWith("/not-found");
            }
        });
    }

    @Test
    void anotherCompanysListingsShowNothingOfTheFirst() {
        Api b = api().as(ownerB.token());
        List<String> secretsOfA = new ArrayList<>(idsA.values());
        secretsOfA.add(ownerA.email());
        for (String route : List.of(
                "GET /api/v1/company",
                "GET /api/v1/flows",
                "GET /api/v1/team/roles",
                "GET /api/v1/team/members",
                "GET /api/v1/team/invitations",
                "GET /api/v1/applications",
                "GET /api/v1/account")) {
            Api.Response response = call(b, route, null, null);
            assertThat(response.status()).as(route).isEqualTo(200);
            for (String value : secretsOfA) {
                assertThat(response.body()).as(route).doesNotContain(value);
            }
        }
    }

    @Test
    void unknownPathsAndMethodsAnswerWithProblems() {
        Api a = api().as(ownerA.token());
        Api.Response unknown = a.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.text("type")).endsWith("/not-found");
        Api.Response method = a.send("PUT", "/api/v1/company", Map.of());
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theOtherModeFindsNoneOfTheRecords() {
        Api liveOwner = api().as(ownerA.token()).inMode("live");
        Api testOwner = api().as(ownerA.token()).inMode("test");
        routes.forEach((route, spec) -> {
            if (spec.scope() == Scope.MODE_RECORD) {
                Api.Response fromLive = call(liveOwner, route, idsA(route), spec.body());
                assertThat(fromLive.status())
                        .as("live mode, test record: " + route)
                        .isEqualTo(404);
                Api.Response fromTest = call(testOwner, route, RouteIds.idFor(liveIdsA, route), spec.body());
                assertThat(fromTest.status())
                        .as("test mode, live record: " + route)
                        .isEqualTo(404);
            }
        });
        for (String listing : List.of("applications", "flows", "applicants")) {
            assertThat(liveOwner.get("/api/v1/" + listing).body())
                    .doesNotContain(idsA.get(listing))
                    .contains(liveIdsA.get(listing));
            assertThat(testOwner.get("/api/v1/" + listing).body()).doesNotContain(liveIdsA.get(listing));
        }
        assertThat(api().as(appKeyA).get("/api/v1/applications/current").text("mode"))
                .isEqualTo("TEST");
    }

    @Test
    void aUserWithoutThePermissionIsForbidden() {
        Api nobody = api().as(noPermissionToken);
        routes.forEach((route, spec) -> {
            if (spec.permission() != null) {
                Api.Response response = call(nobody, route, idsA(route), spec.body());
                assertThat(response.status()).as(route + " " + response).isEqualTo(403);
            }
        });
        assertThat(nobody.get("/api/v1/account").status()).isEqualTo(200);
        assertThat(nobody.inMode("live").get("/api/v1/account").status())
                .as("no live mode without the live mode permission")
                .isEqualTo(403);
    }

    @Test
    void anApplicationKeyUsesOnlyIntegrationRoutes() {
        Api app = api().as(appKeyA);
        routes.forEach((route, spec) -> {
            if (spec.scope() != Scope.PUBLIC && spec.scope() != Scope.APPLICATION_KEY) {
                int status = call(app, route, idsA(route), spec.body()).status();
                if (spec.keyMay()) {
                    assertThat(status).as(route).isNotIn(401, 403, 404);
                } else {
                    assertThat(status).as(route).isEqualTo(403);
                }
            }
        });
    }

    private @Nullable String idsA(String route) {
        return RouteIds.idFor(idsA, route);
    }

    private static Api.Response call(Api api, String route, @Nullable String id, @Nullable Object body) {
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1)
                .replace("{id}", id == null ? UUID.randomUUID().toString() : id)
                .replace("{mode}", "test")
                .replace("{key}", "private-key")
                .replace("{warningId}", UUID.randomUUID().toString());
        return api.send(method, path, body == null && !method.equals("GET") && !method.equals("DELETE") ? "{}" : body);
    }
}
