package org.openkyc.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.Api;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SecondInstance;
import org.openkyc.support.SignUps;
import org.openkyc.support.TestReceiver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Several OpenKYC instances on one database, and instances that stop mid-delivery: every event arrives, none twice
 * in the same attempt, and nothing is lost. The second instance is a whole second application on the same
 * PostgreSQL.
 */
class WebhookInstancesTest extends IntegrationTest {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    JdbcClient jdbc;

    private TestReceiver receiver;
    private Api owner;
    private Api integrator;
    private String applicationId;

    @BeforeEach
    void application() {
        receiver = new TestReceiver();
        owner = api().as(SignUps.signUp(
                        api(), "Instances " + UUID.randomUUID().toString().substring(0, 6))
                .token());
        applicationId =
                owner.get("/api/v1/applications").json().get(0).get("id").asString();
        integrator = api().as(owner.get("/api/v1/applications/" + applicationId + "/keys")
                .text("privateKey"));
        owner.patch("/api/v1/applications/" + applicationId, Map.of("webhookUrl", receiver.url()));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> owner.get("/api/v1/flows").json().size() == 1);
    }

    @AfterEach
    void cleanUp() {
        dispatcher.start();
        receiver.close();
    }

    @Test
    void twoInstancesDeliverEveryEventAndNoneTwice() {
        // slow enough that both instances take deliveries, well inside the 2 s timeout even while the second
        // instance, in this JVM, indexes the screening lists it found in the database
        receiver.answer(request -> {
            sleep(800);
            return 200;
        });
        try (ConfigurableApplicationContext second = secondInstance()) {
            for (int i = 0; i < 30; i++) {
                createApplicant("pair-" + i);
            }
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> deliveries("DELIVERED").size() == 30);
            List<String> ids =
                    receiver.requests().stream().map(TestReceiver.Request::id).toList();
            assertThat(ids).hasSize(30).doesNotHaveDuplicates();
            List<String> instances = jdbc.sql("""
                            SELECT DISTINCT a.instance FROM webhook_attempt a
                            JOIN webhook_delivery d ON d.id = a.delivery_id
                            WHERE d.application_id = :application
                            """)
                    .param("application", UUID.fromString(applicationId))
                    .query(String.class)
                    .list();
            assertThat(instances)
                    .containsExactlyInAnyOrder(
                            dispatcher.instance(),
                            second.getBean(WebhookDispatcher.class).instance());
        }
    }

    @Test
    void anInstanceStoppedMidDeliveryLosesNothingAndTheRestartedOneDelivers() throws Exception {
        dispatcher.stop();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        receiver.answer(request -> {
            if (first.getAndSet(false)) {
                await(release);
            }
            return 200;
        });
        String stoppedInstance;
        try (ConfigurableApplicationContext before = secondInstance()) {
            stoppedInstance = before.getBean(WebhookDispatcher.class).instance();
            createApplicant("restart");
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.requests().size() == 1);
        }
        release.countDown();
        try (ConfigurableApplicationContext after = secondInstance()) {
            JsonNode delivery = Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> deliveries("DELIVERED"), list -> list.size() == 1)
                    .get(0);
            JsonNode attempts = owner.get(
                            "/api/v1/webhooks/deliveries/" + delivery.get("id").asString())
                    .json()
                    .get("attempts");
            assertThat(attempts).hasSize(2);
            assertThat(attempts.get(1).get("instance").asString()).isEqualTo(stoppedInstance);
            assertThat(attempts.get(1).get("error").asString()).startsWith("Interrupted");
            assertThat(attempts.get(0).get("instance").asString())
                    .isEqualTo(after.getBean(WebhookDispatcher.class).instance());
            assertThat(attempts.get(0).get("statusCode").asInt()).isEqualTo(200);
            assertThat(receiver.requests())
                    .extracting(TestReceiver.Request::id)
                    .containsExactly(
                            delivery.get("eventId").asString(),
                            delivery.get("eventId").asString());
        }
    }

    @Test
    void anAttemptWhoseInstanceDiedIsRetriedOnceTheLeaseRunsOut() {
        dispatcher.stop();
        createApplicant("crash");
        UUID deliveryId = UUID.fromString(deliveries("PENDING").get(0).get("id").asString());
        // What an instance that crashed after claiming leaves behind: an attempt numbered and leased, no outcome.
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> dispatcher.claim(100).stream().anyMatch(c -> c.id().equals(deliveryId)));

        dispatcher.start();
        sleep(500);
        assertThat(receiver.requests()).isEmpty();
        clock.advance(Duration.ofSeconds(10));
        JsonNode delivery = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> deliveries("DELIVERED"), list -> list.size() == 1)
                .get(0);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(receiver.requests()).hasSize(1);
        JsonNode attempts =
                owner.get("/api/v1/webhooks/deliveries/" + deliveryId).json().get("attempts");
        assertThat(attempts.get(1).get("finishedAt").isNull()).isTrue();
    }

    private ConfigurableApplicationContext secondInstance() {
        return SecondInstance.start(
                dataSource,
                "--openkyc.webhooks.initial-backoff=PT0.2S",
                "--openkyc.webhooks.timeout=PT2S",
                "--openkyc.webhooks.poll-interval=PT0.1S",
                "--openkyc.webhooks.allowed-networks=127.0.0.1/32");
    }

    private void createApplicant(String externalUserId) {
        Api.Response created = integrator.post("/api/v1/applicants", Map.of("externalUserId", externalUserId));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private List<JsonNode> deliveries(String state) {
        return owner.get("/api/v1/webhooks/deliveries?size=200&state=" + state + "&applicationId=" + applicationId)
                .json()
                .valueStream()
                .toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
