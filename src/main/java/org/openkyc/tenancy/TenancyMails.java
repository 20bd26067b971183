package org.openkyc.tenancy;

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

    TenancyMails(Mailer mailer, MessageSource messages, Links links) {
        this.mailer = mailer;
        this.messages = messages;
        this.links = links;
    }

    void emailVerification(String to, String fullName, String token, Locale locale) {
        send(to, "mail.verify", locale, fullName, link("/verify-email", token));
    }

    void passwordReset(String to, String fullName, String token, Locale locale) {
        send(to, "mail.reset", locale, fullName, link("/reset-password", token));
    }

    void invitation(String to, String companyName, String inviterName, String token, Locale locale) {
        send(to, "mail.invite", locale, companyName, link("/invitations/accept", token), inviterName);
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
