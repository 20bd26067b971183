package org.openkyc.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class TeamTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeactivatedMemberLosesAccessAtOnceAndARoleChangeTakesEffectAtOnce() {
        SignUps.Admin admin = SignUps.signUp(api(), "Team Ltd");
        Api owner = api().as(admin.token());
        String viewer = SignUps.role(api(), admin.token(), "Viewer", List.of("DASHBOARD"));
        String email = "member-" + UUID.randomUUID().toString().substring(0, 6) + "@team.test";
        String memberToken = SignUps.member(api(), baseUrl(), admin.token(), email, viewer);
        Api member = api().as(memberToken);
        String memberId = member.get("/api/v1/account").text("id");

        FormClient browser = new FormClient(baseUrl());
        FormClient.Page signIn = browser.get("/signin");
        assertThat(browser.submit(signIn, Map.of("email", email, "password", SignUps.PASSWORD))
                        .status())
                .isEqualTo(302);
        assertThat(browser.get("/dashboard").status()).isEqualTo(200);
        assertThat(browser.get("/team").status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .as("the workplace session lives in the database")
                .isEqualTo(1);

        String teamRole = SignUps.role(api(), admin.token(), "Team lead", List.of("DASHBOARD", "TEAM"));
        assertThat(owner.patch("/api/v1/team/members/" + memberId, Map.of("roleId", teamRole, "active", true))
                        .status())
                .isEqualTo(200);
        assertThat(browser.get("/team").status())
                .as("the new role applies to the open session")
                .isEqualTo(200);
        assertThat(member.get("/api/v1/team/members").status()).isEqualTo(200);

        assertThat(owner.patch("/api/v1/team/members/" + memberId, Map.of("roleId", teamRole, "active", false))
                        .status())
                .isEqualTo(200);
        assertThat(member.get("/api/v1/account").status()).isEqualTo(401);
        FormClient.Page kicked = browser.get("/dashboard");
        assertThat(kicked.location()).endsWith("/signin?error=deactivated");
        assertThat(api().post("/api/v1/auth/token", Map.of("email", email, "password", SignUps.PASSWORD))
                        .text("type"))
                .endsWith("/sign-in-invalid");
    }

    @Test
    void nobodyLocksThemselvesOutAndBuiltInOrUsedRolesStay() {
        SignUps.Admin admin = SignUps.signUp(api(), "Careful Ltd");
        Api owner = api().as(admin.token());
        String me = owner.get("/api/v1/account").text("id");
        Map<String, String> roles = new java.util.HashMap<>();
        owner.get("/api/v1/team/roles")
                .json()
                .valueStream()
                .forEach(r -> roles.put(r.get("name").asString(), r.get("id").asString()));
        assertThat(owner.get("/api/v1/team/roles")
                        .json()
                        .valueStream()
                        .map(r -> r.get("name").asString()))
                .as("built-in roles are listed in a stable order")
                .containsExactly("Administrator", "Compliance officer", "Reviewer");
        String administrator = roles.get("Administrator");
        String reviewer = roles.get("Reviewer");

        assertThat(owner.patch("/api/v1/team/members/" + me, Map.of("roleId", administrator, "active", false))
                        .status())
                .isEqualTo(409);
        assertThat(owner.patch("/api/v1/team/members/" + me, Map.of("roleId", reviewer, "active", true))
                        .status())
                .isEqualTo(409);
        assertThat(owner.delete("/api/v1/team/roles/" + administrator).status()).isEqualTo(409);
        Api.Response renamed = owner.put(
                "/api/v1/team/roles/" + reviewer,
                Map.of("name", "Checker", "description", "", "permissions", List.of()));
        assertThat(renamed.text("name")).isEqualTo("Checker");
        assertThat(renamed.json().get("permissions").size())
                .as("built-in permissions are fixed")
                .isGreaterThan(0);

        String custom = SignUps.role(api(), admin.token(), "Temporary", List.of("DASHBOARD"));
        assertThat(owner.post(
                                "/api/v1/team/roles",
                                Map.of("name", "temporary", "description", "", "permissions", List.of()))
                        .status())
                .as("role names are unique regardless of case")
                .isEqualTo(409);
        assertThat(owner.delete("/api/v1/team/roles/" + custom).status()).isEqualTo(204);
        assertThat(owner.get("/api/v1/team/roles/" + custom).status()).isEqualTo(404);
    }

    @Test
    void invitationsExpireAndCanBeRevoked() {
        SignUps.Admin admin = SignUps.signUp(api(), "Inviting Ltd");
        Api owner = api().as(admin.token());
        String role = owner.get("/api/v1/team/roles").json().get(0).get("id").asString();
        String late = "late-" + UUID.randomUUID().toString().substring(0, 6) + "@inviting.test";
        String revoked = "revoked-" + UUID.randomUUID().toString().substring(0, 6) + "@inviting.test";
        owner.post("/api/v1/team/invitations", Map.of("email", late, "roleId", role));
        String revokedId = owner.post("/api/v1/team/invitations", Map.of("email", revoked, "roleId", role))
                .text("id");
        assertThat(owner.delete("/api/v1/team/invitations/" + revokedId).status())
                .isEqualTo(204);

        FormClient browser = new FormClient(baseUrl());
        String revokedLink = TestMailServer.awaitLink(revoked, "invited", "/invitations/accept");
        assertThat(browser.get(revokedLink.substring(revokedLink.indexOf("/invitations")))
                        .html())
                .contains("invalid, already used, revoked or expired");

        String lateLink = TestMailServer.awaitLink(late, "invited", "/invitations/accept");
        clock.advance(Duration.ofDays(8));
        assertThat(browser.get(lateLink.substring(lateLink.indexOf("/invitations")))
                        .html())
                .contains("invalid, already used, revoked or expired");
        assertThat(owner.get("/api/v1/team/invitations").status())
                .as("user tokens expire too")
                .isEqualTo(401);
        Api fresh = api().as(SignUps.token(api(), admin.email(), SignUps.PASSWORD));
        assertThat(fresh.get("/api/v1/team/invitations").body()).contains("\"EXPIRED\"", "\"REVOKED\"");
    }

    @Test
    void nobodyGrantsMoreThanTheyHold() {
        SignUps.Admin admin = SignUps.signUp(api(), "Escalation Ltd");
        Api owner = api().as(admin.token());
        String administrator =
                owner.get("/api/v1/team/roles").json().get(0).get("id").asString();
        String adminId = owner.get("/api/v1/account").text("id");
        String leadRole = SignUps.role(api(), admin.token(), "Team lead", List.of("TEAM", "DASHBOARD"));
        String leadToken = SignUps.member(
                api(),
                baseUrl(),
                admin.token(),
                "lead-" + UUID.randomUUID().toString().substring(0, 6) + "@escalation.test",
                leadRole);
        Api lead = api().as(leadToken);
        String leadId = lead.get("/api/v1/account").text("id");

        assertThat(lead.post(
                                "/api/v1/team/roles",
                                Map.of("name", "Keys", "description", "", "permissions", List.of("COMPANY_KEYS")))
                        .status())
                .isEqualTo(403);
        assertThat(lead.put(
                                "/api/v1/team/roles/" + leadRole,
                                Map.of(
                                        "name",
                                        "Team lead",
                                        "description",
                                        "",
                                        "permissions",
                                        List.of("TEAM", "COMPANY")))
                        .status())
                .isEqualTo(403);
        assertThat(lead.patch("/api/v1/team/members/" + leadId, Map.of("roleId", administrator, "active", true))
                        .status())
                .as("no promoting oneself")
                .isEqualTo(403);
        assertThat(lead.patch("/api/v1/team/members/" + adminId, Map.of("roleId", leadRole, "active", false))
                        .status())
                .as("no demoting someone who holds more")
                .isEqualTo(403);
        assertThat(lead.post(
                                "/api/v1/team/invitations",
                                Map.of("email", "boss@escalation.test", "roleId", administrator))
                        .status())
                .isEqualTo(403);
        assertThat(lead.put(
                                "/api/v1/team/roles/" + leadRole,
                                Map.of("name", "Team lead", "description", "", "permissions", List.of("DASHBOARD")))
                        .status())
                .as("no taking the team permission from one's own role")
                .isEqualTo(409);
        String viewer = SignUps.role(api(), leadToken, "Viewer", List.of("DASHBOARD"));
        assertThat(viewer).isNotBlank();
    }

    @Test
    void aRoleOfferedByAPendingInvitationStaysUntilTheInvitationIsRevoked() {
        SignUps.Admin admin = SignUps.signUp(api(), "Offering Ltd");
        Api owner = api().as(admin.token());
        String role = SignUps.role(api(), admin.token(), "Auditor", List.of("DASHBOARD"));
        String invitation = owner.post(
                        "/api/v1/team/invitations", Map.of("email", "auditor@offering.test", "roleId", role))
                .text("id");
        assertThat(owner.delete("/api/v1/team/roles/" + role).status()).isEqualTo(409);
        owner.delete("/api/v1/team/invitations/" + invitation);
        assertThat(owner.delete("/api/v1/team/roles/" + role).status()).isEqualTo(204);
        assertThat(owner.post("/api/v1/team/invitations", Map.of("email", "x@offering.test", "roleId", "not-a-uuid"))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("roleId");
    }
}
