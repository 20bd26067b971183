package org.openkyc.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A real HTTP webhook receiver on loopback. It records every request and answers with the status its policy
 * gives for the request (a policy may also block, to stand for a slow receiver).
 */
public final class TestReceiver implements AutoCloseable {

    /** The fields of every webhook payload, as the contract fixes them; none is personal data. */
    public static final java.util.List<String> PAYLOAD_FIELDS = java.util.List.of(
            "eventId",
            "type",
            "id",
            "externalUserId",
            "appKey",
            "status",
            "stepName",
            "warnings",
            "mode",
            "sequence",
            "createdAt");

    /** One request as it arrived. */
    public record Request(
            String path, String id, String timestamp, String signature, Map<String, String> headers, byte[] body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Request> policy = request -> 200;

    public TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                var h = exchange.getRequestHeaders();
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                h.forEach((name, values) -> headers.put(name, values.getFirst()));
                Request request = new Request(
                        exchange.getRequestURI().getPath(),
                        h.getFirst("webhook-id"),
                        h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"),
                        headers,
                        in.readAllBytes());
                requests.add(request);
                int status = policy.applyAsInt(request);
                if (status >= 300 && status < 400) {
                    exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
                }
                byte[] answer = ("answer " + status).getBytes();
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    /** The receiver's origin, {@code http://127.0.0.1:<port>}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks";
    }

    public void answer(ToIntFunction<Request> policy) {
        this.policy = policy;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsFor(String webhookId) {
        return requests.stream().filter(r -> webhookId.equals(r.id())).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
