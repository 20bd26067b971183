package org.openkyc.core.mail;

import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mail in the same transaction as the change that causes it (an outbox), so a rolled-back change
 * sends nothing and a committed one is sent even if the mail server is down for a while.
 */
@Component
public class Mailer {

    private final JdbcClient jdbc;
    private final Clock clock;

    Mailer(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void send(Mail mail) {
        jdbc.sql("""
                        INSERT INTO outgoing_mail (id, recipient, subject, body, status, attempts, next_attempt_at, created_at,
                          attachment_name, attachment_type, attachment)
                        VALUES (:id, :recipient, :subject, :body, 'PENDING', 0, :now, :now, :name, :type, :content)
                        """)
                .param("id", UUID.randomUUID())
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param(
                        "name",
                        mail.attachment() == null ? null : mail.attachment().filename())
                .param(
                        "type",
                        mail.attachment() == null ? null : mail.attachment().contentType())
                .param(
                        "content",
                        mail.attachment() == null ? null : mail.attachment().content())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    /** Forgets every mail to an address that is still kept (sent or not): the address's owner was erased. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void forget(String recipient) {
        jdbc.sql("DELETE FROM outgoing_mail WHERE lower(recipient) = lower(:recipient)")
                .param("recipient", recipient)
                .update();
    }

    /**
     * Keeps a message for the development mailbox only, never sending it: how local stand-ins for outside services
     * (a phone gateway) show what they would have sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordForDevelopment(Mail mail) {
        jdbc.sql("""
                        INSERT INTO outgoing_mail (id, recipient, subject, body, status, attempts, next_attempt_at,
                          created_at, sent_at)
                        VALUES (:id, :recipient, :subject, :body, 'LOGGED', 0, :now, :now, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("recipient", mail.to())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
    }
}
