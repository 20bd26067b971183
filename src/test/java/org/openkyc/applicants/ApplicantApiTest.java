package org.openkyc.applicants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.flows.definition.StepType;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.Reports;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ApplicantApiTest extends IntegrationTest {

    @Autowired
    ApplicantManagement management;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.openkyc.tenancy.CompanyManagement companies;

    private Api owner;
    private String ownerToken;
    private Api integrator;
    private String defaultFlow;

    @BeforeEach
    void company() {
        SignUps.Admin admin = SignUps.signUp(
                api(), "Applicants " + UUID.randomUUID().toString().substring(0, 6));
        ownerToken = admin.token();
        owner = api().as(ownerToken);
        String appId = owner.get("/api/v1/applications").json().get(0).get("id").asString();
        integrator =
                api().as(owner.get("/api/v1/applications/" + appId + "/keys").text("privateKey"));
        defaultFlow = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/v1/flows").json(), flows -> flows.size() == 1)
                .get(0)
                .get("id")
                .asString();
    }

    private JsonNode create(String externalUserId) {
        Api.Response created = integrator.post(
                "/api/v1/applicants",
                Map.of(
                        "externalUserId",
                        externalUserId,
                        "email",
                        "ada@example.org",
                        "lang",
                        "de",
                        "fixedInfo",
                        Map.of("firstName", "Ada", "lastName", "Lovelace", "country", "GB")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    private String flow(String name, boolean autoApproval, String... steps) {
        return owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                name,
                                "autoApproval",
                                autoApproval,
                                "steps",
                                java.util.Arrays.stream(steps)
                                        .map(s -> Map.of("type", s))
                                        .toList()))
                .text("id");
    }

    private void advance(String id, ApplicantAction... actions) {
        for (ApplicantAction action : actions) {
            management.advance(ApplicantId.parse(id), action, ActorType.SYSTEM, Map.of());
        }
    }

    @Test
    void createsReadsAndListsApplicantsAsTheContractSays() {
        JsonNode applicant = create("user-1");
        assertThat(applicant.get("status").asString()).isEqualTo("INIT");
        assertThat(applicant.get("flowId").asString()).isEqualTo(defaultFlow);
        assertThat(applicant.get("lang").asString()).isEqualTo("de");
        assertThat(applicant.at("/fixedInfo/lastName").asString()).isEqualTo("Lovelace");
        assertThat(applicant.get("steps").valueStream().map(s -> s.get("type").asString()))
                .containsExactly("DOCUMENT", "LIVENESS", "FACE_MATCH");
        assertThat(applicant.at("/steps/0/status").asString()).isEqualTo("NOT_STARTED");
        for (String field : List.of(
                "id",
                "externalUserId",
                "createdAt",
                "updatedAt",
                "email",
                "phone",
                "info",
                "review",
                "device",
                "certificates")) {
            assertThat(applicant.has(field)).as(field).isTrue();
        }
        String id = applicant.get("id").asString();

        Api.Response repeat = integrator.post("/api/v1/applicants", Map.of("externalUserId", "user-1"));
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.contentType()).startsWith("application/problem+json");
        assertThat(integrator
                        .post("/api/v1/applicants", Map.of("email", "x@y.z"))
                        .json()
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("externalUserId");
        assertThat(integrator
                        .post("/api/v1/applicants", Map.of("externalUserId", "u", "flowId", "nope"))
                        .status())
                .isEqualTo(400);

        assertThat(integrator
                        .get("/api/v1/applicants/" + id)
                        .json()
                        .get("externalUserId")
                        .asString())
                .isEqualTo("user-1");
        assertThat(owner.get("/api/v1/applicants/" + id).status())
                .as("users see it too")
                .isEqualTo(200);
        create("user-2");
        JsonNode page =
                integrator.get("/api/v1/applicants?externalUserId=user-1").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.at("/items/0/id").asString()).isEqualTo(id);
        assertThat(integrator
                        .get("/api/v1/applicants?status=INIT&size=1")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(integrator
                        .get("/api/v1/applicants?status=INIT&size=1")
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(1);
        assertThat(integrator
                        .get("/api/v1/applicants?status=APPROVED")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(integrator.get("/api/v1/applicants?status=SLEEPING").status())
                .isEqualTo(400);
    }

    @Test
    void accessTokensOpenTheHostedFlowForABoundedTime() {
        String id = create("linked").get("id").asString();
        assertThat(integrator
                        .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 30))
                        .status())
                .isEqualTo(400);
        assertThat(integrator
                        .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 31 * 24 * 3600))
                        .status())
                .isEqualTo(400);
        Api.Response link = integrator.post(
                "/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 3600, "lang", "en"));
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.text("token")).startsWith("at_");
        assertThat(link.text("url")).endsWith("/verify/" + link.text("token"));
        assertThat(Instant.parse(link.text("expiresAt")))
                .isBetween(clock.instant().plusSeconds(3500), clock.instant().plusSeconds(3700));
        assertThat(jdbc.sql("SELECT count(*) FROM applicant_access_token WHERE token_hash = :token")
                        .param("token", link.text("token"))
                        .query(Integer.class)
                        .single())
                .as("only the fingerprint is stored")
                .isZero();
    }

    @Test
    void aReviewIsPossibleOnlyOnceTheChecksFinished() {
        String id = create("reviewed").get("id").asString();
        Api.Response early = integrator.post("/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED"));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("detail")).contains("INIT");

        advance(id, ApplicantAction.START, ApplicantAction.SUBMIT, ApplicantAction.CHECKS_PASSED);
        assertThat(owner.post("/api/v1/applicants/" + id + "/review/start", null)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("IN_REVIEW");
        Api.Response declined = owner.post(
                "/api/v1/applicants/" + id + "/review",
                Map.of(
                        "decision",
                        "DECLINED",
                        "comment",
                        "Blurry document",
                        "rejectLabels",
                        List.of("RETRY_DOCUMENT_QUALITY")));
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
        assertThat(declined.json().at("/review/status").asString()).isEqualTo("DECLINED");
        assertThat(declined.json().at("/review/comment").asString()).isEqualTo("Blurry document");
        assertThat(declined.json().at("/review/rejectLabels/0").asString()).isEqualTo("RETRY_DOCUMENT_QUALITY");
        assertThat(declined.json().at("/review/reviewerId").asString())
                .isEqualTo(owner.get("/api/v1/account").text("id"));
        assertThat(owner.post("/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED"))
                        .status())
                .as("a decision is final")
                .isEqualTo(409);
        assertThat(owner.post("/api/v1/applicants/" + id + "/review", Map.of("decision", "ON_HOLD"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aRetryDeclineReopensWithTheNextLinkAndAFinalDeclineTakesNoMoreSubmissions() {
        String retry = create("retry-" + UUID.randomUUID()).get("id").asString();
        management.passStep(ApplicantId.parse(retry), StepType.DOCUMENT, "clear", ActorType.APPLICANT);
        advance(retry, ApplicantAction.SUBMIT, ApplicantAction.CHECKS_PASSED);
        assertThat(integrator
                        .get("/api/v1/applicants/" + retry)
                        .json()
                        .at("/steps/0/status")
                        .asString())
                .isEqualTo("PASSED");
        integrator.post(
                "/api/v1/applicants/" + retry + "/review",
                Map.of("decision", "DECLINED", "rejectLabels", List.of("RETRY_DOCUMENT_QUALITY", "RETRY_SELFIE")));
        Api.Response link =
                integrator.post("/api/v1/applicants/" + retry + "/access-tokens", Map.of("ttlSeconds", 600));
        assertThat(link.status()).as(link.toString()).isIn(200, 201);
        JsonNode reopened = integrator.get("/api/v1/applicants/" + retry).json();
        assertThat(reopened.get("status").asString()).isEqualTo("INCOMPLETE");
        assertThat(reopened.get("steps").valueStream().map(s -> s.get("status").asString()))
                .containsOnly("NOT_STARTED");

        String finalDecline = create("final-" + UUID.randomUUID()).get("id").asString();
        advance(finalDecline, ApplicantAction.START, ApplicantAction.SUBMIT, ApplicantAction.CHECKS_PASSED);
        integrator.post(
                "/api/v1/applicants/" + finalDecline + "/review",
                Map.of("decision", "DECLINED", "rejectLabels", List.of("RETRY_SELFIE", "FINAL_FRAUD")));
        Api.Response refused =
                integrator.post("/api/v1/applicants/" + finalDecline + "/access-tokens", Map.of("ttlSeconds", 600));
        assertThat(refused.status()).isEqualTo(409);
        String onDemand = owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Proof please",
                                "type",
                                "ON_DEMAND",
                                "steps",
                                List.of(Map.of("type", "PROOF_OF_ADDRESS"))))
                .text("id");
        assertThat(integrator
                        .post(
                                "/api/v1/applicants/" + finalDecline + "/additional-requests",
                                Map.of("flowId", onDemand, "ttlSeconds", 600))
                        .status())
                .isEqualTo(409);
        Api.Response moved = integrator.put(
                "/api/v1/applicants/" + finalDecline + "/flow", Map.of("flowId", flow("Other", false, "EMAIL")));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.text("status"))
                .as("a flow change does not reopen a final decline")
                .isEqualTo("DECLINED");
    }

    @Test
    void autoApprovalWaitsForOpenWarningsToBeResolved() {
        companies.changePlan(
                new org.openkyc.core.CompanyId(
                        UUID.fromString(owner.get("/api/v1/company").text("id"))),
                org.openkyc.tenancy.Plan.PAY_AS_YOU_GO);
        String auto = flow("Auto", true, "EMAIL");
        String clean = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "clean", "flowId", auto))
                .text("id");
        advance(clean, ApplicantAction.SUBMIT, ApplicantAction.CHECKS_PASSED);
        assertThat(integrator
                        .get("/api/v1/applicants/" + clean)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");

        String warned = integrator
                .post("/api/v1/applicants", Map.of("externalUserId", "warned", "flowId", auto))
                .text("id");
        Warning warning =
                management.raiseWarning(ApplicantId.parse(warned), "FACE_MATCH_LOW", "Face match 71% is under 85%");
        advance(warned, ApplicantAction.SUBMIT, ApplicantAction.CHECKS_PASSED);
        assertThat(owner.get("/api/v1/applicants/" + warned)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("COMPLETED");
        assertThat(owner.get("/api/v1/applicants?withOpenWarnings=true")
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);

        assertThat(owner.post(
                                "/api/v1/applicants/" + warned + "/warnings/" + warning.id() + "/resolve",
                                Map.of("reason", " "))
                        .status())
                .isEqualTo(400);
        JsonNode resolved = owner.post(
                        "/api/v1/applicants/" + warned + "/warnings/" + warning.id() + "/resolve",
                        Map.of("reason", "Same person; old photo"))
                .json();
        assertThat(resolved.at("/review/warnings/0/resolution").asString()).isEqualTo("Same person; old photo");
        assertThat(owner.get("/api/v1/applicants?withOpenWarnings=true")
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void changingTheFlowKeepsSharedStepsAndReopensWhenStepsWait() {
        String id = create("moved").get("id").asString();
        advance(id, ApplicantAction.START, ApplicantAction.SUBMIT);
        String other = flow("Email only", false, "DOCUMENT", "EMAIL");
        JsonNode moved = integrator
                .put("/api/v1/applicants/" + id + "/flow", Map.of("flowId", other))
                .json();
        assertThat(moved.get("flowId").asString()).isEqualTo(other);
        assertThat(moved.get("steps").valueStream().map(s -> s.get("type").asString()))
                .containsExactly("DOCUMENT", "EMAIL");
        assertThat(moved.get("status").asString()).isEqualTo("INCOMPLETE");
        advance(id, ApplicantAction.SUBMIT);
        assertThat(integrator
                        .put("/api/v1/applicants/" + id + "/flow", Map.of("flowId", other))
                        .json()
                        .get("status")
                        .asString())
                .as("the same steps waiting as before do not reopen")
                .isEqualTo("IN_PROGRESS");
        assertThat(integrator
                        .put(
                                "/api/v1/applicants/" + id + "/flow",
                                Map.of("flowId", UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void reviewersAreActiveMembersOfTheCompany() {
        String id = create("assigned").get("id").asString();
        String me = owner.get("/api/v1/account").text("id");
        assertThat(owner.put("/api/v1/applicants/" + id + "/reviewer", Map.of("reviewerId", me))
                        .json()
                        .at("/review/reviewerId")
                        .asString())
                .isEqualTo(me);
        assertThat(owner.put(
                                "/api/v1/applicants/" + id + "/reviewer",
                                Map.of("reviewerId", UUID.randomUUID().toString()))
                        .status())
                .isEqualTo(400);
        assertThat(owner.get("/api/v1/applicants?reviewerId=" + me)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(integrator
                        .put("/api/v1/applicants/" + id + "/reviewer", Map.of("reviewerId", me))
                        .status())
                .as("assigning reviewers is workplace work")
                .isEqualTo(403);
    }

    @Test
    void theTimelineRecordsEveryActionAndNamesATamperedEntry() {
        String id = create("audited").get("id").asString();
        integrator.post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 600));
        advance(id, ApplicantAction.START, ApplicantAction.SUBMIT, ApplicantAction.CHECKS_FLAGGED);
        owner.post(
                "/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED", "comment", "checked by hand"));

        JsonNode entries = owner.get("/api/v1/applicants/" + id + "/timeline").json();
        assertThat(entries.valueStream().map(e -> e.get("action").asString()))
                .containsExactly("CREATED", "LINK_CREATED", "START", "SUBMIT", "CHECKS_FLAGGED", "APPROVE");
        assertThat(entries.get(0).get("actorType").asString()).isEqualTo("INTEGRATION");
        assertThat(entries.get(2).get("actorType").asString()).isEqualTo("SYSTEM");
        assertThat(entries.get(5).get("actorType").asString()).isEqualTo("USER");
        assertThat(entries.get(5).get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(entries.get(5).at("/details/to").asString()).isEqualTo("APPROVED");
        assertThat(owner.get("/api/v1/applicants/" + id + "/timeline/verification")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();

        assertThatThrownBy(() -> jdbc.sql(
                                "UPDATE applicant_event SET action = 'DECLINE' WHERE applicant_id = :id AND sequence = 6")
                        .param("id", UUID.fromString(id))
                        .update())
                .as("the timeline is append-only")
                .hasMessageContaining("append-only");

        jdbc.sql("ALTER TABLE applicant_event DISABLE TRIGGER applicant_event_append_only")
                .update();
        try {
            jdbc.sql("UPDATE applicant_event SET details = replace(details, 'by hand', 'by robot')"
                            + " WHERE applicant_id = :id AND sequence = 6")
                    .param("id", UUID.fromString(id))
                    .update();
            jdbc.sql("DELETE FROM applicant_event WHERE applicant_id = :id AND sequence = 2")
                    .param("id", UUID.fromString(id))
                    .update();
        } finally {
            jdbc.sql("ALTER TABLE applicant_event ENABLE TRIGGER applicant_event_append_only")
                    .update();
        }
        JsonNode check =
                owner.get("/api/v1/applicants/" + id + "/timeline/verification").json();
        assertThat(check.get("valid").asBoolean()).isFalse();
        assertThat(check.get("problems")
                        .valueStream()
                        .map(p -> p.get("sequence").asInt() + " "
                                + p.get("problem").asString()))
                .containsExactlyInAnyOrder("2 missing", "3 out of chain", "6 altered");
    }

    @Test
    void cuttingEntriesOffTheEndBreaksTheSeal() {
        String id = create("cut").get("id").asString();
        advance(id, ApplicantAction.START, ApplicantAction.BLOCK);
        UUID applicant = UUID.fromString(id);
        String previousHash = jdbc.sql("SELECT hash FROM applicant_event WHERE applicant_id = :id AND sequence = 2")
                .param("id", applicant)
                .query(String.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE applicant_event").update()).hasMessageContaining("append-only");
        jdbc.sql("ALTER TABLE applicant_event DISABLE TRIGGER applicant_event_append_only")
                .update();
        try {
            jdbc.sql("DELETE FROM applicant_event WHERE applicant_id = :id AND sequence = 3")
                    .param("id", applicant)
                    .update();
        } finally {
            jdbc.sql("ALTER TABLE applicant_event ENABLE TRIGGER applicant_event_append_only")
                    .update();
        }
        jdbc.sql("UPDATE applicant SET timeline_head = :head, timeline_length = 2 WHERE id = :id")
                .param("head", previousHash)
                .param("id", applicant)
                .update();
        JsonNode check =
                owner.get("/api/v1/applicants/" + id + "/timeline/verification").json();
        assertThat(check.get("valid").asBoolean())
                .as("the blocking entry was cut off and the head moved back")
                .isFalse();
        assertThat(check.at("/problems/0/problem").asString()).isEqualTo("seal broken");
    }

    @Test
    void additionalInformationIsRequestedWithoutTouchingTheFlowOrStatus() {
        String id = create("more-info").get("id").asString();
        advance(id, ApplicantAction.START, ApplicantAction.SUBMIT, ApplicantAction.CHECKS_PASSED);
        String onDemand = owner.post(
                        "/api/v1/flows",
                        Map.of(
                                "name",
                                "Source of funds",
                                "type",
                                "ON_DEMAND",
                                "steps",
                                List.of(Map.of("type", "PROOF_OF_ADDRESS"))))
                .text("id");
        assertThat(integrator
                        .post("/api/v1/applicants/" + id + "/additional-requests", Map.of("flowId", defaultFlow))
                        .status())
                .as("a regular flow is not a request for more")
                .isEqualTo(400);
        Api.Response link = integrator.post(
                "/api/v1/applicants/" + id + "/additional-requests", Map.of("flowId", onDemand, "ttlSeconds", 3600));
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.text("url")).contains("/verify/at_");
        JsonNode after = integrator.get("/api/v1/applicants/" + id).json();
        assertThat(after.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(after.get("flowId").asString()).isEqualTo(defaultFlow);
        assertThat(jdbc.sql(
                                "SELECT flow_id FROM applicant_access_token WHERE applicant_id = :id AND flow_id IS NOT NULL")
                        .param("id", UUID.fromString(id))
                        .query(UUID.class)
                        .single())
                .hasToString(onDemand);
        assertThat(integrator
                        .post("/api/v1/applicants", Map.of("externalUserId", "x", "flowId", onDemand))
                        .status())
                .as("an on-demand flow cannot start a verification")
                .isEqualTo(400);
    }

    @Test
    void reviewersKeepCommentsAndListsSortAsAsked() {
        String first = create("b-second").get("id").asString();
        create("a-first");
        assertThat(owner.post("/api/v1/applicants/" + first + "/comments", Map.of("text", " "))
                        .status())
                .isEqualTo(400);
        assertThat(owner.post("/api/v1/applicants/" + first + "/comments", Map.of("text", "Called the customer"))
                        .status())
                .isEqualTo(201);
        JsonNode comments =
                owner.get("/api/v1/applicants/" + first + "/comments").json();
        assertThat(comments.get(0).get("text").asString()).isEqualTo("Called the customer");
        assertThat(comments.get(0).get("authorId").asString())
                .isEqualTo(owner.get("/api/v1/account").text("id"));

        assertThat(integrator
                        .get("/api/v1/applicants?sort=externalUserId")
                        .json()
                        .at("/items/0/externalUserId")
                        .asString())
                .isEqualTo("a-first");
        assertThat(integrator
                        .get("/api/v1/applicants?sort=-externalUserId")
                        .json()
                        .at("/items/0/externalUserId")
                        .asString())
                .isEqualTo("b-second");
        assertThat(integrator
                        .get("/api/v1/applicants?sort=createdAt")
                        .json()
                        .at("/items/0/externalUserId")
                        .asString())
                .isEqualTo("b-second");
        assertThat(integrator.get("/api/v1/applicants?sort=password;DROP").status())
                .as("unknown sorts fall back")
                .isEqualTo(200);
    }

    @Test
    void deletionIsScheduledTwentyDaysOutAndCanBeRestored() {
        String id = create("delete-" + UUID.randomUUID()).get("id").asString();
        Instant before = clock.instant();
        Api.Response deleted = integrator.delete("/api/v1/applicants/" + id);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(202);
        Instant at = Instant.parse(deleted.text("deletionScheduledAt"));
        assertThat(at)
                .isBetween(before.plus(Duration.ofDays(20)), clock.instant().plus(Duration.ofDays(20)));
        assertThat(integrator.get("/api/v1/applicants/" + id).text("deletionScheduledAt"))
                .isEqualTo(deleted.text("deletionScheduledAt"));

        clock.advance(Duration.ofHours(1));
        Api.Response again = owner.delete("/api/v1/applicants/" + id);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("deletionScheduledAt"))
                .as("asking again keeps the first date")
                .isEqualTo(deleted.text("deletionScheduledAt"));

        Api.Response restored = integrator.post("/api/v1/applicants/" + id + "/restore", null);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(restored.json().get("deletionScheduledAt").isNull()).isTrue();
        assertThat(integrator
                        .post("/api/v1/applicants/" + id + "/restore", null)
                        .status())
                .as("nothing left to restore")
                .isEqualTo(409);
        assertThat(integrator
                        .get("/api/v1/applicants/" + id + "/timeline")
                        .json()
                        .valueStream()
                        .map(e -> e.get("action").asString()))
                .containsSubsequence("CREATED", "DELETION_SCHEDULED", "DELETION_CANCELLED");
        assertThat(integrator.delete("/api/v1/applicants/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }

    @Test
    void theReportZipHoldsThePdfAndTheHistory() throws Exception {
        JsonNode applicant = create("report-" + UUID.randomUUID());
        String id = applicant.get("id").asString();
        owner.post("/api/v1/applicants/" + id + "/comments", Map.of("text", "Looks fine to me"));
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/applicants/" + id + "/report"))
                                .header("Authorization", "Bearer " + ownerToken)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("applicant-" + id + ".zip");
        Map<String, byte[]> entries = Reports.unzip(response.body());
        assertThat(entries.keySet()).containsExactly("report.pdf", "history.json", "history.csv");

        String pdf = Reports.pdfText(entries.get("report.pdf"));
        assertThat(pdf)
                .contains(applicant.get("externalUserId").asString(), id, "INIT", "Lovelace", "Looks fine to me")
                .contains("The hash chain of all 2 entries verifies.");
        JsonNode history = Api.JSON.readTree(entries.get("history.json"));
        JsonNode timeline =
                integrator.get("/api/v1/applicants/" + id + "/timeline").json();
        assertThat(history).isEqualTo(timeline);
        String[] csv = new String(entries.get("history.csv"), java.nio.charset.StandardCharsets.UTF_8).split("\r\n");
        assertThat(csv).hasSize(1 + timeline.size());
        assertThat(csv[1]).startsWith("1,").contains("\"CREATED\"");

        assertThat(integrator
                        .get("/api/v1/applicants/" + UUID.randomUUID() + "/report")
                        .status())
                .isEqualTo(404);
    }
}
