package org.openkyc.webhooks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantEvents;
import org.openkyc.applicants.ApplicantEvents.ApplicantCreated;
import org.openkyc.applicants.ApplicantEvents.ApplicantStatusChanged;
import org.openkyc.applicants.ApplicantEvents.ApplicantStepPassed;
import org.openkyc.applicants.ApplicantEvents.Subject;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.tenancy.ApplicationManagement;
import org.openkyc.tenancy.WebhookEndpoint;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns applicant events into webhook events, inside the transaction of the change: the event, its number in the
 * applicant's sequence and its delivery commit together with the change or not at all. Listeners run where the
 * event is published, so a failure here rolls the change back rather than losing the event.
 */
@Component
class WebhookOutbox {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ApplicationManagement applications;
    private final WebhookSettings settings;
    private final WebhookDispatcher dispatcher;

    WebhookOutbox(
            JdbcClient jdbc,
            ApplicationManagement applications,
            WebhookSettings settings,
            WebhookDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.applications = applications;
        this.settings = settings;
        this.dispatcher = dispatcher;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApplicantCreated event) {
        record(event.subject(), "applicantCreated", null, event.at());
    }

    // Before the KYC bots, which may move the applicant on.
    @EventListener
    @Order(0)
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApplicantStatusChanged event) {
        record(event.subject(), typeOf(event.subject().status()), null, event.at());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApplicantStepPassed event) {
        record(event.subject(), "applicantStepPassed", event.step().name(), event.at());
    }

    /** Events of an erased applicant keep their ids and statuses, not the external user id (it may be an email). */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ApplicantEvents.ApplicantErased event) {
        jdbc.sql("""
                        UPDATE webhook_event SET payload = jsonb_set(payload::jsonb, '{externalUserId}', 'null')::text
                        WHERE applicant_id = :applicant
                        """).param("applicant", event.subject().applicantId().value()).update();
    }

    static String typeOf(ApplicantStatus status) {
        return switch (status) {
            case INIT -> "applicantCreated";
            case INCOMPLETE -> "applicantIncomplete";
            case IN_PROGRESS -> "applicantInProgress";
            case ON_HOLD -> "applicantOnHold";
            case COMPLETED -> "applicantCompleted";
            case IN_REVIEW -> "applicantInReview";
            case APPROVED -> "applicantApproved";
            case DECLINED -> "applicantRejected";
            case BLOCKED -> "applicantBlocked";
        };
    }

    private void record(Subject subject, String type, @Nullable String stepName, Instant at) {
        long sequence = jdbc.sql("""
                        INSERT INTO webhook_sequence (applicant_id, last_sequence) VALUES (:applicant, 1)
                        ON CONFLICT (applicant_id) DO UPDATE SET last_sequence = webhook_sequence.last_sequence + 1
                        RETURNING last_sequence
                        """)
                .param("applicant", subject.applicantId().value())
                .query(Long.class)
                .single();
        WebhookEndpoint target = applications
                .webhookEndpoint(subject.applicationId())
                .orElseThrow(() -> new IllegalStateException("The applicant's application is gone"));
        Map<String, Object> payload = new LinkedHashMap<>();
        UUID eventId = UUID.randomUUID();
        payload.put("eventId", eventId.toString());
        payload.put("type", type);
        payload.put("id", subject.applicantId().toString());
        payload.put("externalUserId", subject.externalUserId());
        payload.put("appKey", target.appKey());
        payload.put("status", subject.status().name());
        payload.put("stepName", stepName);
        payload.put("warnings", subject.openWarnings());
        payload.put("mode", subject.mode().code());
        payload.put("sequence", sequence);
        payload.put("createdAt", at.toString());
        insert(target, subject.applicantId().value(), eventId, type, sequence, payload, at);
    }

    /** A test event for the application's receiver; it names no applicant and has sequence 0. */
    UUID recordTest(WebhookEndpoint target, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        UUID eventId = UUID.randomUUID();
        payload.put("eventId", eventId.toString());
        payload.put("type", "webhookTest");
        payload.put("id", null);
        payload.put("externalUserId", null);
        payload.put("appKey", target.appKey());
        payload.put("status", null);
        payload.put("stepName", null);
        payload.put("warnings", List.of());
        payload.put("mode", target.mode().code());
        payload.put("sequence", 0);
        payload.put("createdAt", at.toString());
        UUID delivery = insert(target, null, eventId, "webhookTest", 0, payload, at);
        if (delivery == null) {
            throw new IllegalStateException("An application without webhook URL cannot be sent a test event");
        }
        return delivery;
    }

    private @Nullable UUID insert(
            WebhookEndpoint target,
            @Nullable UUID applicant,
            UUID eventId,
            String type,
            long sequence,
            Map<String, Object> payload,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO webhook_event
                          (id, company_id, mode, application_id, applicant_id, type, sequence, payload, created_at)
                        VALUES (:id, :company, :mode, :application, :applicant, :type, :sequence, :payload, :at)
                        """)
                .param("id", eventId)
                .param("company", target.companyId().value())
                .param("mode", target.mode().name())
                .param("application", target.applicationId().value())
                .param("applicant", applicant)
                .param("type", type)
                .param("sequence", sequence)
                .param("payload", JSON.writeValueAsString(payload))
                .param("at", Timestamp.from(at))
                .update();
        if (target.url() == null) {
            return null;
        }
        UUID delivery = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO webhook_delivery (id, event_id, company_id, mode, application_id, applicant_id,
                          sequence, state, max_attempts, next_attempt_at, created_at)
                        VALUES (:id, :event, :company, :mode, :application, :applicant,
                          :sequence, 'PENDING', :max, :at, :at)
                        """)
                .param("id", delivery)
                .param("event", eventId)
                .param("company", target.companyId().value())
                .param("mode", target.mode().name())
                .param("application", target.applicationId().value())
                .param("applicant", applicant)
                .param("sequence", sequence)
                .param("max", settings.maxAttempts() + 1)
                .param("at", Timestamp.from(at))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake();
            }
        });
        return delivery;
    }
}
