package org.openkyc.core.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mail. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number of instances
 * can run this side by side without sending a mail twice. Without an SMTP server ({@code spring.mail.host}
 * unset) mail goes to the log and stays readable on the development mailbox page.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final @Nullable JavaMailSender sender;
    private final MailSettings settings;
    private final Clock clock;

    MailDispatcher(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ObjectProvider<JavaMailSender> sender,
            MailSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sender = sender.getIfAvailable();
        this.settings = settings;
        this.clock = clock;
    }

    boolean smtpConfigured() {
        return sender != null;
    }

    @Scheduled(fixedDelayString = "${openkyc.mail.poll-interval:PT1S}", initialDelayString = "PT2S")
    void dispatch() {
        int sent;
        do {
            sent = tx.execute(status -> dispatchBatch());
        } while (sent > 0);
    }

    /** Sent mail is kept a week for the record (without its body when an SMTP server took it). */
    @Scheduled(cron = "${openkyc.mail.cleanup-cron:0 23 * * * *}")
    void removeOld() {
        jdbc.sql("DELETE FROM outgoing_mail WHERE status IN ('SENT', 'LOGGED') AND sent_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(Duration.ofDays(7))))
                .update();
    }

    private int dispatchBatch() {
        List<Queued> batch = jdbc.sql("""
                        SELECT id, recipient, subject, body, attempts, attachment_name, attachment_type, attachment
                        FROM outgoing_mail
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY created_at LIMIT 20 FOR UPDATE SKIP LOCKED
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .query(Queued.class)
                .list();
        for (Queued mail : batch) {
            deliver(mail);
        }
        return batch.size();
    }

    private void deliver(Queued mail) {
        if (sender == null) {
            log.info("Mail (no SMTP server configured) to {}: {}\n{}", mail.recipient(), mail.subject(), mail.body());
            mark(mail.id(), "LOGGED", mail.body(), null);
            return;
        }
        try {
            if (mail.attachmentName() == null || mail.attachment() == null) {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(settings.from());
                message.setTo(mail.recipient());
                message.setSubject(mail.subject());
                message.setText(mail.body());
                sender.send(message);
            } else {
                MimeMessage message = sender.createMimeMessage();
                MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(mail.recipient());
                helper.setSubject(mail.subject());
                helper.setText(mail.body());
                helper.addAttachment(
                        mail.attachmentName(),
                        new ByteArrayResource(mail.attachment()),
                        String.valueOf(mail.attachmentType()));
                sender.send(message);
            }
            // The body may carry one-time links; once sent there is no reason to keep it.
            mark(mail.id(), "SENT", "", null);
        } catch (MailException | MessagingException e) {
            int attempts = mail.attempts() + 1;
            boolean giveUp = attempts >= settings.maxAttempts();
            log.warn("Mail {} to the SMTP server failed (attempt {}): {}", mail.id(), attempts, e.getMessage());
            jdbc.sql("""
                            UPDATE outgoing_mail SET attempts = :attempts, last_error = :error,
                              status = :status, next_attempt_at = :next WHERE id = :id
                            """)
                    .param("attempts", attempts)
                    .param("error", String.valueOf(e.getMessage()))
                    .param("status", giveUp ? "FAILED" : "PENDING")
                    .param(
                            "next",
                            Timestamp.from(clock.instant().plus(Duration.ofSeconds(5L << Math.min(attempts, 10)))))
                    .param("id", mail.id())
                    .update();
        }
    }

    private void mark(UUID id, String status, String body, @Nullable String error) {
        jdbc.sql("UPDATE outgoing_mail SET status = :status, body = :body, last_error = :error, sent_at = :now,"
                        + (status.equals("SENT") ? " attachment = NULL," : "")
                        + " attempts = attempts + 1 WHERE id = :id")
                .param("status", status)
                .param("body", body)
                .param("error", error)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    record Queued(
            UUID id,
            String recipient,
            String subject,
            String body,
            int attempts,
            @Nullable String attachmentName,
            @Nullable String attachmentType,
            byte @Nullable [] attachment) {}
}
