package org.openkyc.core.mail;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import org.openkyc.core.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The development mailbox: mail that could not be sent because no SMTP server is configured. It answers
 * only requests made on this machine, since the mail holds one-time links: a request that came through a
 * proxy (one that carries forwarding headers) is refused even though it arrives from the loopback address.
 */
@Controller
class DevMailboxPage {

    private final JdbcClient jdbc;
    private final MailDispatcher dispatcher;

    DevMailboxPage(JdbcClient jdbc, MailDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
    }

    @GetMapping("/dev/mailbox")
    String mailbox(HttpServletRequest request, Model model) {
        if (!fromLoopback(request)) {
            throw new NotFoundException("No such page.");
        }
        // With an SMTP server, mail leaves; what stays here is what local stand-ins (the phone gateway) recorded.
        model.addAttribute("smtp", dispatcher.smtpConfigured());
        model.addAttribute(
                "mails",
                jdbc.sql("SELECT recipient, subject, body, created_at FROM outgoing_mail WHERE status = 'LOGGED'"
                                + " ORDER BY created_at DESC LIMIT 100")
                        .query(DevMail.class)
                        .list());
        return "dev/mailbox";
    }

    private static boolean fromLoopback(HttpServletRequest request) {
        if (request.getHeader("Forwarded") != null || request.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    record DevMail(String recipient, String subject, String body, Instant createdAt) {}
}
