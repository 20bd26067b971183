package org.openkyc.core.mail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import org.openkyc.core.checks.CachedReadiness;
import org.openkyc.core.checks.SystemCheck;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether mail leaves ({@code mail}): an SMTP server is configured ({@code spring.mail.host}) and takes a connection
 * within two seconds. Asked at most once a minute. Not a compliance check, yet applicants' codes travel by mail.
 */
@Component
class MailSystemCheck implements SystemCheck {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    private final String host;
    private final int port;
    private final CachedReadiness readiness;

    MailSystemCheck(
            @Value("${spring.mail.host:}") String host, @Value("${spring.mail.port:25}") int port, Clock clock) {
        this.host = host.strip();
        this.port = port;
        this.readiness = new CachedReadiness(this::ask, Duration.ofMinutes(1), clock);
    }

    @Override
    public String name() {
        return "mail";
    }

    @Override
    public boolean compliance() {
        return false;
    }

    @Override
    public Readiness readiness() {
        return readiness.get();
    }

    private Readiness ask() {
        if (host.isEmpty()) {
            return Readiness.unavailable("no SMTP server is configured (spring.mail.host): mail only goes to the log"
                    + " and the development mailbox");
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return Readiness.ready("the SMTP server " + host + ":" + port + " takes connections");
        } catch (IOException e) {
            return Readiness.unavailable(
                    "the SMTP server " + host + ":" + port + " cannot be reached: " + e.getMessage());
        }
    }
}
