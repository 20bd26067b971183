package org.openkyc.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/** One real SMTP server (GreenMail) for the whole test run, on a free port. */
public final class TestMailServer {

    private static final GreenMail SERVER = start();

    private TestMailServer() {}

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** Waits for mail to {@code to} whose subject contains {@code subjectPart}, and answers its body. */
    public static String awaitMail(String to, String subjectPart) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> find(to, subjectPart), body -> body != null);
    }

    /** The six-digit one-time code in the newest mail to {@code to} whose subject contains {@code subjectPart}. */
    public static String awaitCode(String to, String subjectPart) {
        String body = awaitMail(to, subjectPart);
        Matcher matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No code in mail:\n" + body);
        }
        return matcher.group(1);
    }

    /** The first link in the newest matching mail whose path starts with {@code pathPrefix}. */
    public static String awaitLink(String to, String subjectPart, String pathPrefix) {
        String body = awaitMail(to, subjectPart);
        Matcher matcher = Pattern.compile("https?://[^\\s]+" + Pattern.quote(pathPrefix) + "[^\\s]*")
                .matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("No link to " + pathPrefix + " in mail:\n" + body);
        }
        return matcher.group();
    }

    /** Waits for mail to {@code to} whose subject contains {@code subjectPart}, and answers its first attachment. */
    public static byte[] awaitAttachment(String to, String subjectPart) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            for (MimeMessage message : SERVER.getReceivedMessages()) {
                                boolean addressed = Arrays.stream(message.getAllRecipients())
                                        .anyMatch(a -> a.toString().equalsIgnoreCase(to));
                                if (addressed
                                        && message.getSubject().contains(subjectPart)
                                        && message.getContent() instanceof jakarta.mail.Multipart parts) {
                                    for (int i = 0; i < parts.getCount(); i++) {
                                        if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(
                                                parts.getBodyPart(i).getDisposition())) {
                                            return parts.getBodyPart(i)
                                                    .getInputStream()
                                                    .readAllBytes();
                                        }
                                    }
                                }
                            }
                            return null;
                        },
                        bytes -> bytes != null);
    }

    /** How many mails reached {@code to}. */
    public static long count(String to) throws Exception {
        long count = 0;
        for (MimeMessage message : SERVER.getReceivedMessages()) {
            if (Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to))) {
                count++;
            }
        }
        return count;
    }

    private static String find(String to, String subjectPart) throws Exception {
        List<MimeMessage> messages = Arrays.asList(SERVER.getReceivedMessages());
        for (int i = messages.size() - 1; i >= 0; i--) {
            MimeMessage message = messages.get(i);
            boolean addressed = Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> a.toString().equalsIgnoreCase(to));
            if (addressed && message.getSubject().contains(subjectPart)) {
                return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "=");
            }
        }
        return null;
    }
}
