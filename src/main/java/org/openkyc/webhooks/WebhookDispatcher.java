package org.openkyc.webhooks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.tenancy.ApplicationManagement;
import org.openkyc.tenancy.WebhookTarget;
import org.openkyc.webhooks.WebhookSender.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries. Any number of instances may run on one database: a delivery is claimed with
 * {@code FOR UPDATE SKIP LOCKED} in a short transaction that numbers the attempt and leases the delivery to this
 * instance, the request is sent outside any transaction, and the outcome is written only if the lease is still
 * this instance's. An instance that dies mid-attempt loses its lease and another instance retries.
 *
 * <p>Events of one applicant go out in sequence order: a delivery waits while an earlier one of the same applicant
 * to the same application is still pending. Once an earlier one is given up, later ones go.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationManagement applications;
    private final WebhookSettings settings;
    private final Clock clock;
    private volatile @Nullable WebhookSender sender;
    private final String instance;
    private final Semaphore slots;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private @Nullable Thread loop;
    private @Nullable ExecutorService workers;

    WebhookDispatcher(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ApplicationManagement applications,
            WebhookSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.applications = applications;
        this.settings = settings;
        this.clock = clock;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + Tokens.random(4);
        this.slots = new Semaphore(settings.concurrency());
    }

    /** Looks for due deliveries now instead of at the next poll. */
    void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void start() {
        if (!settings.enabled() || running) {
            return;
        }
        running = true;
        sender = new WebhookSender(
                new NetworkPolicy(settings.allowPrivateNetworks(), settings.allowedNetworks()),
                settings.timeout(),
                settings.concurrency());
        workers = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("webhook-", 0).factory());
        Thread thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        loop = thread;
        thread.start();
    }

    /**
     * Stops claiming, cuts off the attempts in flight and records them as interrupted, due again at once, so
     * another instance takes them over without waiting for the lease to end.
     */
    @Override
    public void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        WebhookSender current = sender;
        if (current != null) {
            current.abortAll();
        }
        try {
            if (loop != null) {
                loop.join(Duration.ofSeconds(10));
            }
            if (workers != null) {
                workers.shutdown();
                workers.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (current != null) {
                current.close();
            }
        } catch (IOException e) {
            log.debug("Closing the webhook client failed", e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            int claimed = 0;
            try {
                claimed = claimAndSend();
            } catch (RuntimeException e) {
                log.warn("Claiming webhook deliveries failed; trying again at the next poll", e);
            }
            if (claimed == 0 || slots.availablePermits() == 0) {
                pause();
            }
        }
    }

    private void pause() {
        lock.lock();
        try {
            if (!woken && running) {
                signal.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private int claimAndSend() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        List<Claim> claims = claim(free);
        for (Claim claim : claims) {
            slots.acquireUninterruptibly();
            ExecutorService pool = workers;
            if (pool == null) {
                return claims.size();
            }
            pool.execute(() -> {
                try {
                    deliver(claim);
                } catch (RuntimeException e) {
                    log.warn("Webhook delivery {} failed unexpectedly", claim.id(), e);
                } finally {
                    slots.release();
                    wake();
                }
            });
        }
        return claims.size();
    }

    /** Numbers the next attempt of up to {@code limit} due deliveries and leases them to this instance. */
    List<Claim> claim(int limit) {
        List<Claim> claims = tx.execute(status -> {
            Instant now = clock.instant();
            List<Claim> due = jdbc.sql("""
                            WITH due AS (
                              SELECT d.id FROM webhook_delivery d
                              WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now
                                AND NOT EXISTS (
                                  SELECT 1 FROM webhook_delivery e
                                  WHERE e.state = 'PENDING' AND e.application_id = d.application_id
                                    AND e.applicant_id = d.applicant_id AND e.sequence < d.sequence)
                              ORDER BY d.next_attempt_at
                              LIMIT :limit
                              FOR UPDATE OF d SKIP LOCKED)
                            UPDATE webhook_delivery w
                            SET attempts = w.attempts + 1, next_attempt_at = :lease, last_attempt_at = :now
                            FROM due, webhook_event ev
                            WHERE w.id = due.id AND ev.id = w.event_id
                            RETURNING w.id, w.event_id, w.application_id, w.attempts, w.max_attempts, ev.payload
                            """)
                    .param("now", Timestamp.from(now))
                    .param("lease", Timestamp.from(now.plus(settings.lease())))
                    .param("limit", limit)
                    .query((rs, n) -> new Claim(
                            rs.getObject("id", UUID.class),
                            rs.getObject("event_id", UUID.class),
                            new ApplicationId(rs.getObject("application_id", UUID.class)),
                            rs.getInt("attempts"),
                            rs.getInt("max_attempts"),
                            rs.getString("payload")))
                    .list();
            for (Claim claim : due) {
                jdbc.sql("""
                                INSERT INTO webhook_attempt (delivery_id, number, instance, started_at)
                                VALUES (:delivery, :number, :instance, :now)
                                """)
                        .param("delivery", claim.id())
                        .param("number", claim.attempt())
                        .param("instance", instance)
                        .param("now", Timestamp.from(now))
                        .update();
            }
            return due;
        });
        return claims == null ? List.of() : claims;
    }

    /** Sends one claimed attempt and records how it ended. */
    void deliver(Claim claim) {
        String url = null;
        Outcome outcome;
        try {
            Optional<WebhookTarget> target = applications.webhookTarget(claim.applicationId());
            url = target.map(WebhookTarget::url).orElse(null);
            WebhookSender current = sender;
            if (target.isEmpty() || url == null) {
                outcome = Outcome.failure("The application has no webhook URL.");
            } else if (current == null) {
                outcome = new Outcome(0, "Interrupted: the instance sending it stopped.", "", true);
            } else {
                byte[] body = WebhookEnvelope.body(target.get().cipher(), claim.payload(), clock.instant());
                outcome = current.send(url, headers(target.get(), claim, body), body);
            }
        } catch (RuntimeException e) {
            log.warn("Webhook delivery {} could not be prepared", claim.id(), e);
            outcome = Outcome.failure(
                    "OpenKYC could not prepare this delivery: " + e.getClass().getSimpleName());
        }
        record(claim, url, outcome);
    }

    private Map<String, String> headers(WebhookTarget target, Claim claim, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>(target.headers());
        long timestamp = clock.instant().getEpochSecond();
        headers.put("webhook-id", claim.eventId().toString());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put(
                "webhook-signature",
                WebhookEnvelope.signature(
                        target.signingSecrets(), claim.eventId().toString(), timestamp, body));
        return headers;
    }

    private void record(Claim claim, @Nullable String url, Outcome outcome) {
        Instant now = clock.instant();
        String state;
        @Nullable Instant next;
        if (outcome.delivered()) {
            state = "DELIVERED";
            next = null;
        } else if (outcome.interrupted()) {
            state = "PENDING";
            next = now;
        } else if (claim.attempt() >= claim.maxAttempts()) {
            state = "UNDELIVERED";
            next = null;
        } else {
            state = "PENDING";
            double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
            next = now.plusMillis(Math.round(settings.backoff(claim.attempt()).toMillis() * jitter));
        }
        String excerpt = outcome.responseExcerpt();
        Integer code = outcome.statusCode() == 0 ? null : outcome.statusCode();
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                            UPDATE webhook_attempt SET finished_at = :now, url = :url, status_code = :code,
                              error = :error, response_excerpt = :excerpt
                            WHERE delivery_id = :id AND number = :number
                            """)
                    .param("now", Timestamp.from(now))
                    .param("url", url)
                    .param("code", code)
                    .param("error", outcome.error())
                    .param("excerpt", excerpt)
                    .param("id", claim.id())
                    .param("number", claim.attempt())
                    .update();
            int updated = jdbc.sql("""
                            UPDATE webhook_delivery SET state = :state, next_attempt_at = :next,
                              last_status_code = :code, last_error = :error, response_excerpt = :excerpt,
                              delivered_at = CASE WHEN :state = 'DELIVERED' THEN :now ELSE delivered_at END
                            WHERE id = :id AND attempts = :number AND state = 'PENDING'
                            """)
                    .param("state", state)
                    .param("next", next == null ? null : Timestamp.from(next))
                    .param("code", code)
                    .param("error", outcome.error())
                    .param("excerpt", excerpt)
                    .param("now", Timestamp.from(now))
                    .param("id", claim.id())
                    .param("number", claim.attempt())
                    .update();
            if (updated == 0) {
                log.info(
                        "Webhook delivery {} attempt {} ended after its lease; the newer attempt's outcome stands",
                        claim.id(),
                        claim.attempt());
            }
        });
        if (!outcome.delivered() && !outcome.interrupted()) {
            log.info(
                    "Webhook delivery {} attempt {} failed: {} {}",
                    claim.id(),
                    claim.attempt(),
                    outcome.statusCode() == 0 ? "" : "HTTP " + outcome.statusCode(),
                    outcome.error() == null ? "" : outcome.error());
        }
    }

    String instance() {
        return instance;
    }

    record Claim(UUID id, UUID eventId, ApplicationId applicationId, int attempt, int maxAttempts, String payload) {}
}
