package org.openkyc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

/** Creates signed-up, verified companies through the public API and mail, as a customer would. */
public final class SignUps {

    public static final String PASSWORD = "Tr0ub4dor&3-horse";

    private SignUps() {}

    /** A new company whose administrator has confirmed the email; answers the administrator's token. */
    public static Admin signUp(Api api, String name) {
        return signUp(
                api,
                name,
                "admin-" + UUID.randomUUID().toString().substring(0, 8) + "@"
                        + name.toLowerCase().replace(' ', '-') + ".test");
    }

    /** A new company whose administrator signs in as {@code email}. */
    public static Admin signUp(Api api, String name, String email) {
        Api.Response created = api.post(
                "/api/v1/signup",
                Map.of(
                        "fullName",
                        "Ada Admin",
                        "companyName",
                        name,
                        "phone",
                        "+44 20 7946 0000",
                        "position",
                        "Head of Compliance",
                        "email",
                        email,
                        "password",
                        PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String link = TestMailServer.awaitLink(email, "Confirm", "/verify-email");
        Api.Response verified = api.get(link.substring(link.indexOf("/verify-email")));
        assertThat(verified.status()).as(verified.toString()).isEqualTo(302);
        return new Admin(email, token(api, email, PASSWORD));
    }

    /** The platform operator ({@link IntegrationTest#OPERATOR}), signed up with a company of their own on first use. */
    public static synchronized Admin platformOperator(Api api) {
        Api.Response token =
                api.post("/api/v1/auth/token", Map.of("email", IntegrationTest.OPERATOR, "password", PASSWORD));
        return token.status() == 200
                ? new Admin(IntegrationTest.OPERATOR, token.text("token"))
                : signUp(api, "Platform", IntegrationTest.OPERATOR);
    }

    public static String token(Api api, String email, String password) {
        Api.Response response = api.post("/api/v1/auth/token", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.text("token");
    }

    /**
     * Invites {@code email} with a role, accepts the invitation through its emailed link like the invited
     * person would, and answers the new member's token.
     */
    public static String member(Api api, String baseUrl, String adminToken, String email, String roleId) {
        Api.Response invited =
                api.as(adminToken).post("/api/v1/team/invitations", Map.of("email", email, "roleId", roleId));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        String link = TestMailServer.awaitLink(email, "invited", "/invitations/accept");
        FormClient browser = new FormClient(baseUrl);
        FormClient.Page page = browser.get(link.substring(link.indexOf("/invitations/accept")));
        String token = page.document().selectFirst("input[name=token]").attr("value");
        FormClient.Page accepted =
                browser.submit(page, Map.of("token", token, "fullName", "Member " + email, "password", PASSWORD));
        assertThat(accepted.location()).as(accepted.html()).endsWith("/signin?joined");
        return token(api, email, PASSWORD);
    }

    /** Creates a role with exactly these permissions and answers its id. */
    public static String role(Api api, String adminToken, String name, java.util.List<String> permissions) {
        Api.Response role = api.as(adminToken)
                .post("/api/v1/team/roles", Map.of("name", name, "description", "", "permissions", permissions));
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        return role.text("id");
    }

    /** A company's administrator. */
    public record Admin(String email, String token) {}

    /**
     * A signed-up company as the tests of checks use it: its admin, the admin's API client, and an integrator's
     * client holding the default application's private key.
     */
    public record Tenant(Admin admin, Api owner, Api integrator) {

        /** Publishes a flow of these steps; a refusal fails the test with the problem. */
        public String flow(String name, java.util.List<Map<String, Object>> steps) {
            Api.Response created = owner.post("/api/v1/flows", Map.of("name", name, "steps", steps));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return created.text("id");
        }

        /** Creates an applicant of the flow, with a fresh external user id. */
        public String applicant(String flow) {
            return applicant(flow, "t-" + UUID.randomUUID());
        }

        public String applicant(String flow, String externalUserId) {
            return integrator
                    .post("/api/v1/applicants", Map.of("externalUserId", externalUserId, "flowId", flow))
                    .text("id");
        }

        /** Creates an applicant of the flow with these fields besides ({@code email}, {@code fixedInfo}, …). */
        public String applicant(String flow, String externalUserId, Map<String, Object> fields) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(fields);
            body.put("externalUserId", externalUserId);
            body.put("flowId", flow);
            Api.Response created = integrator.post("/api/v1/applicants", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            return created.text("id");
        }

        /**
         * An applicant of a new flow of a liveness step (with these settings) and a face match against the liveness
         * and the external face database, whose reference photo there is {@code reference}.
         */
        public String faceApplicant(Map<String, Object> liveness, java.awt.image.BufferedImage reference) {
            String flow = flow(
                    "Faces",
                    java.util.List.of(
                            Map.of("type", "LIVENESS", "config", liveness),
                            Map.of(
                                    "type",
                                    "FACE_MATCH",
                                    "config",
                                    Map.of("sources", java.util.List.of("LIVENESS", "EXTERNAL_DATABASE")))));
            String external = "face-" + UUID.randomUUID();
            String id = applicant(flow, external);
            FaceVideo.reference(companyId(), external, reference);
            return id;
        }

        /** The applicant's status as the integrator sees it. */
        public String status(String applicant) {
            return integrator
                    .get("/api/v1/applicants/" + applicant)
                    .json()
                    .get("status")
                    .asString();
        }

        /** The company's name. */
        public String companyName() {
            return owner.get("/api/v1/company").json().at("/details/name").asString();
        }

        /** The company's id. */
        public String companyId() {
            return owner.get("/api/v1/company").text("id");
        }

        /** A fresh access token for an applicant of the tenant. */
        public String token(String applicant) {
            return integrator
                    .post("/api/v1/applicants/" + applicant + "/access-tokens", java.util.Map.of("ttlSeconds", 3600))
                    .text("token");
        }
    }

    public static Tenant tenant(Api api, String name) {
        Admin admin =
                signUp(api, name + " " + java.util.UUID.randomUUID().toString().substring(0, 6));
        Api owner = api.as(admin.token());
        String application =
                owner.get("/api/v1/applications").json().get(0).get("id").asString();
        Api integrator = api.as(
                owner.get("/api/v1/applications/" + application + "/keys").text("privateKey"));
        return new Tenant(admin, owner, integrator);
    }
}
