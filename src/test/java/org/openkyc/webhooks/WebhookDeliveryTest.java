package org.openkyc.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import example.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.flows.definition.StepType;
import org.openkyc.support.Api;
import org.openkyc.support.FormClient;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: a real receiver on loopback gets every event encrypted and signed, in sequence order, and
 * faults on its side (errors, an outage) end in the documented retries, the undelivered list and redelivery.
 */
class WebhookDeliveryTest extends IntegrationTest {

    @Autowired
    ApplicantManagement applicants;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private TestReceiver receiver;
    private SignUps.Admin admin;
    private Api owner;
    private Api integrator;
    private String applicationId;
    private JsonNode keys;
    private WebhookReceiver verifier;

    @BeforeEach
    void application() {
        receiver = new TestReceiver();
        admin = SignUps.signUp(api(), "Hooks " + UUID.randomUUID().toString().substring(0, 6));
        owner = api().as(admin.token());
        applicationId =
                owner.get("/api/v1/applications").json().get(0).get("id").asString();
        keys = owner.get("/api/v1/applications/" + applicationId + "/keys").json();
        Api.Response patched = owner.patch(
                "/api/v1/applications/" + applicationId,
                Map.of("webhookUrl", receiver.url(), "webhookHeaders", Map.of("X-Receiver-Token", "t0ken")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        integrator = api().as(keys.get("privateKey").asString());
        verifier = new WebhookReceiver(
                List.of(keys.get("webhookSecret").asString()),
                keys.get("cryptoKey").asString());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/v1/flows").json().size() == 1);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void everyEventOfAnApplicantArrivesDecryptableSignedAndInSequence() {
        String id = createApplicant("seq-" + UUID.randomUUID());
        ApplicantId applicant = ApplicantId.parse(id);
        applicants.passStep(applicant, StepType.DOCUMENT, "clear", ActorType.APPLICANT);
        applicants.passStep(applicant, StepType.LIVENESS, "clear", ActorType.APPLICANT);
        applicants.advance(applicant, ApplicantAction.SUBMIT, ActorType.APPLICANT, Map.of());
        applicants.advance(applicant, ApplicantAction.CHECKS_PASSED, ActorType.SYSTEM, Map.of());
        Api.Response reviewed = integrator.post(
                "/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED", "comment", "fine"));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);

        List<String> expected = List.of(
                "applicantCreated",
                "applicantIncomplete",
                "applicantStepPassed",
                "applicantStepPassed",
                "applicantInProgress",
                "applicantCompleted",
                "applicantApproved");
        Awaitility.await()
                .atMost(Duration.ofSeconds(15))
                .until(() -> receiver.requests().size() >= expected.size());

        List<JsonNode> events = receiver.requests().stream().map(this::open).toList();
        assertThat(events).extracting(e -> e.get("type").asString()).containsExactlyElementsOf(expected);
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events).extracting(e -> e.get("id").asString()).containsOnly(id);
        assertThat(events)
                .extracting(e -> e.get("appKey").asString())
                .containsOnly(keys.get("appKey").asString());
        assertThat(events).extracting(e -> e.get("mode").asString()).containsOnly("test");
        assertThat(events.get(2).get("stepName").asString()).isEqualTo("DOCUMENT");
        assertThat(events.get(6).get("status").asString()).isEqualTo("APPROVED");
        assertThat(events).extracting(e -> e.get("eventId").asString()).doesNotHaveDuplicates();
        assertThat(receiver.requests())
                .allSatisfy(r -> assertThat(r.headers()).containsEntry("X-Receiver-Token", "t0ken"));
        assertThat(events.getFirst().propertyNames()).containsExactlyInAnyOrderElementsOf(TestReceiver.PAYLOAD_FIELDS);
    }

    @Test
    void aReceiverFailingTwiceGetsTheEventOnTheThirdAttemptAndTheLogShowsAll() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(request -> calls.incrementAndGet() <= 2 ? 500 : 200);
        createApplicant("flaky-" + UUID.randomUUID());

        JsonNode delivery = awaitDelivery("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(receiver.requests()).hasSize(3);
        assertThat(receiver.requests())
                .extracting(TestReceiver.Request::id)
                .containsOnly(delivery.get("eventId").asString());
        JsonNode detail = owner.get(
                        "/api/v1/webhooks/deliveries/" + delivery.get("id").asString())
                .json();
        assertThat(detail.get("attempts")
                        .valueStream()
                        .map(a -> a.get("statusCode").asInt()))
                .containsExactly(200, 500, 500);
        assertThat(detail.get("attempts").get(1).get("responseExcerpt").asString())
                .isEqualTo("answer 500");
        assertThat(detail.get("event").get("type").asString()).isEqualTo("applicantCreated");
        assertThat(integrator.get("/api/v1/webhooks/undelivered").json()).isEmpty();
    }

    @Test
    void aReceiverDownUntilTheRetriesRunOutIsListedUndeliveredAndRedeliveredByApi() {
        receiver.answer(request -> 503);
        createApplicant("down-" + UUID.randomUUID());

        JsonNode delivery = awaitDelivery("UNDELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(4);
        assertThat(receiver.requests()).hasSize(4);
        JsonNode undelivered = integrator.get("/api/v1/webhooks/undelivered").json();
        assertThat(undelivered).hasSize(1);
        String deliveryId = undelivered.get(0).get("id").asString();
        assertThat(owner.get("/api/v1/webhooks/undelivered").json()).hasSize(1);

        receiver.answer(request -> 200);
        Api.Response redelivered = integrator.post("/api/v1/webhooks/deliveries/" + deliveryId + "/redeliver", null);
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(202);
        assertThat(awaitDelivery("DELIVERED").get("attempts").asInt()).isEqualTo(5);
        assertThat(receiver.requests()).hasSize(5);
        open(receiver.requests().getLast());
        assertThat(integrator.get("/api/v1/webhooks/undelivered").json()).isEmpty();

        Api.Response again = integrator.post("/api/v1/webhooks/deliveries/" + deliveryId + "/redeliver", null);
        assertThat(again.status()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> receiver.requests().size() == 6);
    }

    @Test
    void anotherCompanyOrTheOtherModeCannotSeeOrRedeliverTheDeliveries() {
        createApplicant("private-" + UUID.randomUUID());
        String deliveryId = awaitDelivery("DELIVERED").get("id").asString();
        Api stranger = api().as(SignUps.signUp(api(), "Strangers").token());
        assertThat(stranger.get("/api/v1/webhooks/deliveries/" + deliveryId).status())
                .isEqualTo(404);
        assertThat(stranger.post("/api/v1/webhooks/deliveries/" + deliveryId + "/redeliver", null)
                        .status())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/webhooks/deliveries").json()).isEmpty();
        assertThat(stranger.get("/api/v1/webhooks/deliveries?applicationId=" + applicationId)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aTestEventReachesTheReceiver() {
        Api.Response sent = owner.post("/api/v1/webhooks/test", Map.of("applicationId", applicationId));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.requests().isEmpty());
        JsonNode event = open(receiver.requests().getFirst());
        assertThat(event.get("type").asString()).isEqualTo("webhookTest");
        assertThat(event.get("sequence").asInt()).isZero();
    }

    @Test
    void duringASecretRotationBothSecretsSign() throws Exception {
        String oldSecret = keys.get("webhookSecret").asString();
        String newSecret = owner.post("/api/v1/applications/" + applicationId + "/keys/webhook-secret/rotate", null)
                .text("webhookSecret");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        createApplicant("rotation-" + UUID.randomUUID());
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !receiver.requests().isEmpty());
        TestReceiver.Request request = receiver.requests().getFirst();
        assertThat(request.signature().split(" ")).hasSize(2);
        String crypto = keys.get("cryptoKey").asString();
        for (String secret : List.of(oldSecret, newSecret)) {
            new WebhookReceiver(List.of(secret), crypto)
                    .open(request.id(), request.timestamp(), request.signature(), request.body(), Instant.now());
        }
    }

    @Test
    void aChangeThatRollsBackLeavesNoEvent() {
        ApplicantId applicant = ApplicantId.parse(createApplicant("rollback-" + UUID.randomUUID()));
        awaitDelivery("DELIVERED");
        transactions.executeWithoutResult(status -> {
            applicants.passStep(applicant, StepType.DOCUMENT, "clear", ActorType.APPLICANT);
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM webhook_event WHERE applicant_id = :id")
                        .param("id", applicant.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        applicants.passStep(applicant, StepType.DOCUMENT, "clear", ActorType.APPLICANT);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> receiver.requests().size() == 3);
        assertThat(receiver.requests().stream()
                        .map(this::open)
                        .map(e -> e.get("sequence").asInt()))
                .containsExactly(1, 2, 3);
    }

    @Test
    void theWorkplaceLogShowsDeliveriesAndRedeliversThem() {
        receiver.answer(request -> 418);
        createApplicant("log-" + UUID.randomUUID());
        String deliveryId = awaitDelivery("UNDELIVERED").get("id").asString();
        FormClient browser = new FormClient(baseUrl());
        FormClient.Page signedIn =
                browser.submit(browser.get("/signin"), Map.of("email", admin.email(), "password", SignUps.PASSWORD));
        assertThat(signedIn.location()).doesNotContain("error");

        FormClient.Page log = browser.get("/applications/" + applicationId + "/webhooks");
        assertThat(log.status()).isEqualTo(200);
        var row = log.document().selectFirst("#deliveries tbody tr");
        assertThat(row.text()).contains("applicantCreated", "Undelivered", "418", "answer 418");
        assertThat(browser.get("/applications/" + applicationId + "/webhooks?state=DELIVERED")
                        .document()
                        .select("#deliveries tbody tr"))
                .isEmpty();

        FormClient.Page detail = browser.get("/webhooks/deliveries/" + deliveryId);
        assertThat(detail.document().select("#attempts tbody tr")).hasSize(4);
        receiver.answer(request -> 200);
        FormClient.Page redelivered =
                browser.post("/webhooks/deliveries/" + deliveryId + "/redeliver", Map.of("_csrf", detail.csrf()));
        assertThat(redelivered.location()).endsWith("/webhooks/deliveries/" + deliveryId);
        awaitDelivery("DELIVERED");

        FormClient.Page test =
                browser.post("/applications/" + applicationId + "/webhooks/test", Map.of("_csrf", log.csrf()));
        assertThat(test.status()).isEqualTo(302);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> receiver.requests().stream()
                        .map(this::open)
                        .anyMatch(e -> e.get("type").asString().equals("webhookTest")));
    }

    private String createApplicant(String externalUserId) {
        Api.Response created = integrator.post("/api/v1/applicants", Map.of("externalUserId", externalUserId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    /** Waits until the application's first delivery is in {@code state}, and answers it. */
    private JsonNode awaitDelivery(String state) {
        JsonNode list = Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> owner.get("/api/v1/webhooks/deliveries?applicationId=" + applicationId)
                                .json(),
                        deliveries -> !deliveries.isEmpty()
                                && deliveries
                                        .get(deliveries.size() - 1)
                                        .get("state")
                                        .asString()
                                        .equals(state));
        return list.get(list.size() - 1);
    }

    private JsonNode open(TestReceiver.Request request) {
        try {
            return Api.JSON.readTree(verifier.open(
                    request.id(), request.timestamp(), request.signature(), request.body(), Instant.now()));
        } catch (WebhookReceiver.Rejected e) {
            throw new AssertionError("The documented receiver refused a real delivery: " + e.getMessage(), e);
        }
    }
}
