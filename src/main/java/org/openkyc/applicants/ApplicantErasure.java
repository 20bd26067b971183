package org.openkyc.applicants;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.core.mail.Mailer;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.media.ApplicantDataKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases applicants whose deletion's grace period has passed, each in a transaction of its own: every personal field
 * and every media file, the personal part of each timeline entry, comments, links, mail to them, what every module
 * keeps of them, and last the applicant's data key. What stays is a tombstone: the ids, the status and the timeline,
 * whose seal still verifies, ending with {@code PERSONAL_DATA_ERASED}.
 */
@Service
public class ApplicantErasure {

    private static final Logger log = LoggerFactory.getLogger(ApplicantErasure.class);

    private final Applicants applicants;
    private final Timeline timeline;
    private final ApplicantDataKeys keys;
    private final PersonalDataRows personalData;
    private final Mailer mailer;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    ApplicantErasure(
            Applicants applicants,
            Timeline timeline,
            ApplicantDataKeys keys,
            PersonalDataRows personalData,
            Mailer mailer,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Clock clock) {
        this.applicants = applicants;
        this.timeline = timeline;
        this.keys = keys;
        this.personalData = personalData;
        this.mailer = mailer;
        this.events = events;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Erases every applicant whose deletion date has passed; answers how many. One that fails is logged and kept. */
    @Scheduled(cron = "${openkyc.applicants.erasure-cron:0 */15 * * * *}")
    public int eraseDue() {
        List<UUID> due = jdbc.sql("""
                        SELECT id FROM applicant WHERE deletion_scheduled_at <= :now AND erased_at IS NULL
                        ORDER BY deletion_scheduled_at LIMIT 500
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query(UUID.class)
                .list();
        int erased = 0;
        for (UUID id : due) {
            try {
                tx.executeWithoutResult(status -> erase(new ApplicantId(id)));
                erased++;
            } catch (RuntimeException e) {
                log.error("Applicant {} could not be erased; it stays scheduled: {}", id, e.getMessage());
            }
        }
        return erased;
    }

    private void erase(ApplicantId id) {
        Applicant applicant = applicants.findById(id).orElseThrow();
        if (applicant.erasedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        String email = applicant.view().email();
        ApplicantEvents.Subject subject = applicant.subject();
        timeline.append(
                id,
                ActorType.SYSTEM,
                "ERASURE",
                "PERSONAL_DATA_ERASED",
                Map.of("deletionScheduledAt", String.valueOf(applicant.view().deletionScheduledAt())),
                ClientInfo.NONE);
        timeline.erase(id, applicant.companyId());
        applicant.erase(now);
        applicants.save(applicant);
        jdbc.sql("DELETE FROM applicant_access_token WHERE applicant_id = :applicant")
                .param("applicant", id.value())
                .update();
        personalData.drop(applicant.companyId(), id);
        if (email != null) {
            mailer.forget(email);
        }
        events.publishEvent(new ApplicantEvents.ApplicantErased(subject, now));
        keys.destroy(id.value());
    }
}
