package org.openkyc.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.tenancy.ApplicationManagement;
import org.openkyc.tenancy.WebhookEndpoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery log, undelivered deliveries, redelivery and test events. A private key sees its own application's
 * deliveries; a workplace user with the applications permission those of every application of the company in the
 * selected mode.
 */
@Service
public class WebhookManagement {

    /** Delivered deliveries and their events are kept this long for the log. */
    static final Duration RETENTION = Duration.ofDays(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            d.id, d.event_id, ev.type, d.application_id, d.applicant_id, d.sequence, d.state, d.attempts,
            d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error, d.response_excerpt,
            d.delivered_at, d.created_at
            """;

    private final JdbcClient jdbc;
    private final ApplicationManagement applications;
    private final WebhookOutbox outbox;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    WebhookManagement(
            JdbcClient jdbc,
            ApplicationManagement applications,
            WebhookOutbox outbox,
            WebhookDispatcher dispatcher,
            Clock clock) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    /** What to list. */
    public record Query(
            @Nullable ApplicationId applicationId,
            @Nullable String state,
            @Nullable UUID applicantId,
            int page,
            int size) {

        public Query {
            if (state != null && !List.of("PENDING", "DELIVERED", "UNDELIVERED").contains(state)) {
                throw InvalidInputException.of("state", "state", "must be PENDING, DELIVERED or UNDELIVERED");
            }
            if (page < 0 || size < 1 || size > 200) {
                throw InvalidInputException.of("size", "range", "page must be 0 or more and size 1 to 200");
            }
        }
    }

    /** Newest first. */
    public List<DeliveryView> deliveries(Actor actor, Query query) {
        requireAccess(actor);
        ApplicationId application = scope(actor, query.applicationId());
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM webhook_delivery d JOIN webhook_event ev ON ev.id = d.event_id
                        WHERE d.company_id = :company AND d.mode = :mode
                          AND (CAST(:application AS uuid) IS NULL OR d.application_id = :application)
                          AND (CAST(:state AS text) IS NULL OR d.state = :state)
                          AND (CAST(:applicant AS uuid) IS NULL OR d.applicant_id = :applicant)
                        ORDER BY d.created_at DESC, d.sequence DESC
                        LIMIT :size OFFSET :offset
                        """)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .param("application", application == null ? null : application.value())
                .param("state", query.state())
                .param("applicant", query.applicantId())
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(DeliveryView.class)
                .list();
    }

    /** Deliveries whose retries ran out, newest first (the latest 200). */
    public List<DeliveryView> undelivered(Actor actor) {
        return deliveries(actor, new Query(null, "UNDELIVERED", null, 0, 200));
    }

    public DeliveryDetail delivery(Actor actor, UUID id) {
        requireAccess(actor);
        DeliveryView view = load(actor, id);
        String payload = jdbc.sql("SELECT payload FROM webhook_event WHERE id = :id")
                .param("id", view.eventId())
                .query(String.class)
                .single();
        List<DeliveryDetail.Attempt> attempts = jdbc.sql("""
                        SELECT number, instance, started_at, finished_at, url, status_code, error, response_excerpt
                        FROM webhook_attempt WHERE delivery_id = :id ORDER BY number DESC
                        """)
                .param("id", id)
                .query(DeliveryDetail.Attempt.class)
                .list();
        return new DeliveryDetail(view, JSON.readValue(payload, new TypeReference<Map<String, Object>>() {}), attempts);
    }

    /**
     * Sends a delivery once more, soon: one further attempt, after which an unanswered delivery is listed as
     * undelivered again. A delivery that is still being retried cannot be redelivered.
     */
    @Transactional
    public DeliveryView redeliver(Actor actor, UUID id) {
        requireAccess(actor);
        DeliveryView view = load(actor, id);
        int updated = jdbc.sql("""
                        UPDATE webhook_delivery
                        SET state = 'PENDING', max_attempts = attempts + 1, next_attempt_at = :now
                        WHERE id = :id AND state <> 'PENDING'
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", view.id())
                .update();
        if (updated == 0) {
            throw new ConflictException(
                    "This delivery is still being retried; its next attempt is at " + view.nextAttemptAt() + ".");
        }
        afterCommitWake();
        return load(actor, id);
    }

    /** Sends the application's receiver an event of type {@code webhookTest}. */
    @Transactional
    public DeliveryView sendTestEvent(Actor actor, @Nullable ApplicationId requested) {
        requireAccess(actor);
        ApplicationId application = scope(actor, requested);
        if (application == null) {
            throw InvalidInputException.of("applicationId", "required", "name the application to send to");
        }
        WebhookEndpoint target = applications
                .webhookEndpoint(application)
                .filter(t -> t.companyId().equals(actor.companyId()) && t.mode() == actor.mode())
                .orElseThrow(() -> new NotFoundException("No such application."));
        if (target.url() == null) {
            throw InvalidInputException.of("webhookUrl", "required", "the application has no webhook URL yet");
        }
        UUID delivery = outbox.recordTest(target, clock.instant());
        return load(actor, delivery);
    }

    /** Deliveries settled more than {@link #RETENTION} ago go, with their events and attempts. */
    @Scheduled(cron = "${openkyc.webhooks.cleanup-cron:0 41 3 * * *}")
    @Transactional
    public void removeOld() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(RETENTION));
        jdbc.sql("""
                        DELETE FROM webhook_event ev WHERE ev.created_at < :cutoff
                          AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.event_id = ev.id
                                          AND d.state <> 'DELIVERED')
                        """).param("cutoff", cutoff).update();
    }

    private DeliveryView load(Actor actor, UUID id) {
        ApplicationId own = actor.applicationId();
        return jdbc.sql("SELECT " + COLUMNS + """
                        FROM webhook_delivery d JOIN webhook_event ev ON ev.id = d.event_id
                        WHERE d.id = :id AND d.company_id = :company AND d.mode = :mode
                          AND (CAST(:application AS uuid) IS NULL OR d.application_id = :application)
                        """)
                .param("id", id)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .param("application", own == null ? null : own.value())
                .query(DeliveryView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("No such delivery."));
    }

    /** The application a query is limited to: a key's own, or the one a user named (which must be theirs). */
    private @Nullable ApplicationId scope(Actor actor, @Nullable ApplicationId requested) {
        if (actor.applicationId() != null) {
            if (requested != null && !requested.equals(actor.applicationId())) {
                throw new NotFoundException("No such application.");
            }
            return actor.applicationId();
        }
        if (requested != null
                && applications
                        .applicationIn(actor.companyId(), actor.mode(), requested)
                        .isEmpty()) {
            throw new NotFoundException("No such application.");
        }
        return requested;
    }

    private static void requireAccess(Actor actor) {
        if (actor.kind() == Actor.Kind.USER) {
            actor.require(Permission.APPLICATIONS);
        }
    }

    private void afterCommitWake() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake();
            }
        });
    }
}
