package org.openkyc.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Posts webhook bodies. Safe against server-side request forgery: every address a host name resolves to must be
 * permitted by the {@link NetworkPolicy} (a name with one private address among public ones is refused
 * entirely), the connection goes to exactly the addresses that were checked, redirects are not followed and
 * no proxy is used. An attempt is cut off after the timeout, however slowly the receiver drips its answer.
 */
final class WebhookSender implements AutoCloseable {

    static final int EXCERPT_BYTES = 1024;

    /** How one attempt ended; {@code statusCode} is 0 when no answer came. */
    record Outcome(int statusCode, @Nullable String error, String responseExcerpt, boolean interrupted) {

        boolean delivered() {
            return statusCode >= 200 && statusCode < 300;
        }

        static Outcome failure(String error) {
            return new Outcome(0, error, "", false);
        }
    }

    private final CloseableHttpClient client;
    private final NetworkPolicy policy;
    private final Duration timeout;
    private final ScheduledExecutorService deadlines;
    private final Set<HttpPost> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;

    WebhookSender(NetworkPolicy policy, Duration timeout, int connections) {
        this.policy = policy;
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedResolver(policy))
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit)
                                .setSocketTimeout(limit)
                                .setTimeToLive(Timeout.ofMinutes(5))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("OpenKYC-Webhooks/1")
                .build();
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.deadlines = timer;
    }

    /**
     * Refuses what is not an absolute http(s) URL. Addresses, literal or resolved, are checked by the resolver
     * the connection manager uses for every host.
     */
    @Nullable
    String refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return "The webhook URL is not a valid URL.";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equalsIgnoreCase("https") && !scheme.equalsIgnoreCase("http") || uri.getHost() == null) {
            return "The webhook URL must be an absolute http or https URL.";
        }
        return null;
    }

    Outcome send(String url, Map<String, String> headers, byte[] body) {
        String refused = refusal(url);
        if (refused != null) {
            return Outcome.failure(refused);
        }
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        inFlight.add(post);
        if (closing) {
            post.cancel();
        }
        ScheduledFuture<?> deadline =
                deadlines.schedule(() -> post.cancel(), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            int status = response.getCode();
            String excerpt = "";
            try (InputStream in = response.getEntity() == null
                    ? InputStream.nullInputStream()
                    : response.getEntity().getContent()) {
                byte[] bytes = in.readNBytes(EXCERPT_BYTES + 1);
                excerpt = new String(bytes, 0, Math.min(bytes.length, EXCERPT_BYTES), StandardCharsets.UTF_8)
                        .replace('\u0000', ' ');
                if (bytes.length > EXCERPT_BYTES) {
                    // Drop the connection rather than read an answer of any length to its end.
                    post.cancel();
                }
            } catch (IOException e) {
                // The status arrived; a body cut off (or too slow) does not change it.
                post.cancel();
            }
            closeQuietly(response);
            return new Outcome(status, null, excerpt, false);
        } catch (RefusedAddressException e) {
            return Outcome.failure(String.valueOf(e.getMessage()));
        } catch (IOException e) {
            if (closing) {
                return new Outcome(0, "Interrupted: the instance sending it stopped.", "", true);
            }
            if (post.isCancelled()) {
                return Outcome.failure("No answer within " + timeout.toMillis() + " ms.");
            }
            return Outcome.failure(describe(e));
        } finally {
            deadline.cancel(false);
            inFlight.remove(post);
        }
    }

    /** Cuts off every attempt in flight, which then ends as interrupted; for shutting down. */
    void abortAll() {
        closing = true;
        inFlight.forEach(HttpPost::cancel);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        try {
            response.close();
        } catch (IOException e) {
            // a cancelled or cut-off exchange; its connection is discarded either way
        }
    }

    private static String describe(IOException e) {
        if (e.getCause() instanceof RefusedAddressException refused) {
            return String.valueOf(refused.getMessage());
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** Raised when a host resolves to an address the policy refuses. */
    static final class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String host) {
            super("Refused: " + host + " resolves to an address that is not public (loopback, private, link-local"
                    + " or reserved). Allow it with openkyc.webhooks.allowed-networks if it is your own receiver.");
        }
    }

    private record CheckedResolver(NetworkPolicy policy) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            InetAddress[] addresses = InetAddress.getAllByName(bare);
            if (addresses.length == 0 || !Arrays.stream(addresses).allMatch(policy::permits)) {
                throw new RefusedAddressException(host);
            }
            return addresses;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host))
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }
    }
}
