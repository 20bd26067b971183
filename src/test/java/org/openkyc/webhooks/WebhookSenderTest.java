package org.openkyc.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkyc.support.TestReceiver;
import org.openkyc.webhooks.WebhookSender.Outcome;

/** The outgoing side against a real receiver: what it refuses to reach, redirects, timeouts. */
class WebhookSenderTest {

    private final TestReceiver receiver = new TestReceiver();
    private final WebhookSender publicOnly =
            new WebhookSender(new NetworkPolicy(false, List.of()), Duration.ofSeconds(2), 4);
    private final WebhookSender loopbackAllowed =
            new WebhookSender(new NetworkPolicy(false, List.of("127.0.0.1/32")), Duration.ofMillis(500), 4);

    @AfterEach
    void close() throws Exception {
        receiver.close();
        publicOnly.close();
        loopbackAllowed.close();
    }

    @Test
    void refusesLoopbackPrivateLinkLocalAndMetadataTargets() {
        int port = Integer.parseInt(receiver.url().replaceAll(".*:(\\d+)/.*", "$1"));
        for (String url : List.of(
                receiver.url(),
                "http://localhost:" + port + "/webhooks",
                "http://[::1]:" + port + "/webhooks",
                "http://[::ffff:127.0.0.1]:" + port + "/webhooks",
                "http://2130706433:" + port + "/webhooks",
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/hook",
                "http://192.168.1.1/hook")) {
            Outcome outcome = publicOnly.send(url, Map.of(), "{}".getBytes());
            assertThat(outcome.delivered()).as(url).isFalse();
            assertThat(outcome.statusCode()).as(url).isZero();
            assertThat(outcome.error()).as(url).startsWith("Refused");
        }
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void refusesUrlsThatAreNotHttp() {
        assertThat(publicOnly.send("file:///etc/passwd", Map.of(), new byte[0]).error())
                .contains("http or https");
        assertThat(publicOnly.send("gopher://127.0.0.1/", Map.of(), new byte[0]).error())
                .contains("http or https");
    }

    @Test
    void anAllowListedReceiverGetsTheRequest() {
        Outcome outcome = loopbackAllowed.send(receiver.url(), Map.of("X-Extra", "1"), "{\"a\":1}".getBytes());
        assertThat(outcome.delivered()).isTrue();
        assertThat(outcome.responseExcerpt()).isEqualTo("answer 200");
        assertThat(receiver.requests()).singleElement().satisfies(r -> {
            assertThat(new String(r.body())).isEqualTo("{\"a\":1}");
            assertThat(r.headers()).containsEntry("X-Extra", "1");
        });
    }

    @Test
    void redirectsAreNotFollowedAndDoNotCount() {
        receiver.answer(request -> 307);
        Outcome outcome = loopbackAllowed.send(receiver.url(), Map.of(), "{}".getBytes());
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.statusCode()).isEqualTo(307);
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsCutOff() {
        receiver.answer(request -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
        long started = System.nanoTime();
        Outcome outcome = loopbackAllowed.send(receiver.url(), Map.of(), "{}".getBytes());
        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.error()).contains("500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void aSuccessWithAnEndlessAnswerStillCountsAndIsNotReadToTheEnd() throws Exception {
        HttpServer chatty = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        chatty.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write("x".repeat(4096).getBytes());
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException | InterruptedException e) {
                // the sender hung up, as it should
            }
        });
        chatty.start();
        try {
            long started = System.nanoTime();
            Outcome outcome = loopbackAllowed.send(
                    "http://127.0.0.1:" + chatty.getAddress().getPort() + "/", Map.of(), "{}".getBytes());
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.responseExcerpt()).hasSize(WebhookSender.EXCERPT_BYTES);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        } finally {
            chatty.stop(0);
        }
    }
}
