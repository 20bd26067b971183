package org.openkyc.tenancy;

import java.time.Duration;
import java.util.Locale;
import org.openkyc.core.Links;
import org.openkyc.core.mail.Mail;
import org.openkyc.core.mail.Mailer;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The mail this module sends, in the recipient's language. Each is queued with the change that causes it. */
@Component
class TenancyMails {

    private final Mailer mailer;
    private final MessageSource messages;
    private final Links links;
    private final TenancySettings settings;

    TenancyMails(Mailer mailer, MessageSource messages, Links links, TenancySettings settings) {
        this.mailer = mailer;
        this.messages = messages;
        this.links = links;
        this.settings = settings;
    }

    void emailVerification(String to, String fullName, String token, Locale locale) {
        send(
                to,
                "mail.verify",
                locale,
                fullName,
                link("/verify-email", token),
                lifetime(settings.emailVerificationTtl(), locale));
    }

    void passwordReset(String to, String fullName, String token, Locale locale) {
        send(
                to,
                "mail.reset",
                locale,
                fullName,
                link("/reset-password", token),
                lifetime(settings.passwordResetTtl(), locale));
    }

    void invitation(String to, String companyName, String inviterName, String token, Locale locale) {
        send(
                to,
                "mail.invite",
                locale,
                companyName,
                link("/invitations/accept", token),
                inviterName,
                lifetime(settings.invitationTtl(), locale));
    }

    /** "2 days", "1 hour", "30 minutes": the largest whole unit. */
    private String lifetime(Duration duration, Locale locale) {
        if (duration.toHours() >= 24 && duration.toHours() % 24 == 0) {
            return messages.getMessage("duration.days", new Object[] {duration.toDays()}, locale);
        }
        if (duration.toMinutes() >= 60 && duration.toMinutes() % 60 == 0) {
            return messages.getMessage("duration.hours", new Object[] {duration.toHours()}, locale);
        }
        return messages.getMessage("duration.minutes", new Object[] {Math.max(1, duration.toMinutes())}, locale);
    }

    private String link(String path, String token) {
        return links.to(UriComponentsBuilder.fromPath(path)
                .queryParam("token", token)
                .build()
                .toUriString());
    }

    private void send(String to, String key, Locale locale, Object... args) {
        String subject = messages.getMessage(key + ".subject", args, locale);
        String body = messages.getMessage(key + ".body", args, locale);
        mailer.send(new Mail(to, subject, body));
    }
}
