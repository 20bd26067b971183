package org.openkyc.bench;

import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.openkyc.OpenKycApplication;
import org.openkyc.core.crypto.Tokens;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sustained webhook delivery throughput to a local receiver. A first instance, which does not send, records a
 * backlog of events (one per applicant created over the API) on the embedded PostgreSQL with durable settings; then
 * {@code --instances} sending instances start on the same database and the harness times how long they take until
 * the receiver has every event once. The receiver answers 204 after {@code --receiver-ms} milliseconds.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.openkyc.bench.WebhookDeliveryBenchmark \
 *   -Dexec.args="--events 5000 --instances 1 --concurrency 16 --receiver-ms 0"
 * </pre>
 */
public final class WebhookDeliveryBenchmark {

    private WebhookDeliveryBenchmark() {}

    public static void main(String[] args) throws Exception {
        int events = ApplicantLoadBenchmark.intArg(args, "--events", 5000);
        int instances = ApplicantLoadBenchmark.intArg(args, "--instances", 1);
        int concurrency = ApplicantLoadBenchmark.intArg(args, "--concurrency", 16);
        int receiverMillis = ApplicantLoadBenchmark.intArg(args, "--receiver-ms", 0);
        String masterKey = Base64.getEncoder().encodeToString(Tokens.randomBytes(32));
        Set<String> received = ConcurrentHashMap.newKeySet();
        int[] duplicates = new int[1];
        java.util.concurrent.atomic.AtomicLong firstArrival = new java.util.concurrent.atomic.AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/", exchange -> {
            try (exchange;
                    InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
                if (receiverMillis > 0) {
                    Thread.sleep(receiverMillis);
                }
                firstArrival.compareAndSet(0, System.nanoTime());
                if (!received.add(exchange.getRequestHeaders().getFirst("webhook-id"))) {
                    synchronized (duplicates) {
                        duplicates[0]++;
                    }
                }
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        receiver.start();
        String receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

        Path dataDir = Files.createTempDirectory("openkyc-webhook-bench");
        ConfigurableApplicationContext recorder = new SpringApplicationBuilder(OpenKycApplication.class)
                .run(
                        "--server.port=0",
                        "--openkyc.data-dir=" + dataDir,
                        "--openkyc.master-key=" + masterKey,
                        "--openkyc.embedded-db.durable=true",
                        "--openkyc.webhooks.enabled=false",
                        "--openkyc.bootstrap.company-name=Bench Ltd",
                        "--openkyc.bootstrap.admin-email=bench@bench.test",
                        "--openkyc.bootstrap.admin-password=Load-harness-pa55",
                        "--logging.level.root=WARN");
        List<ConfigurableApplicationContext> senders = new ArrayList<>();
        try {
            String base = "http://localhost:" + recorder.getEnvironment().getProperty("local.server.port");
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = ApplicantLoadBenchmark.send(
                            http,
                            base,
                            "POST",
                            "/api/v1/auth/token",
                            null,
                            "{\"email\":\"bench@bench.test\",\"password\":\"Load-harness-pa55\"}")
                    .get("token")
                    .asString();
            String appId = ApplicantLoadBenchmark.send(http, base, "GET", "/api/v1/applications", token, null)
                    .get(0)
                    .get("id")
                    .asString();
            String key = ApplicantLoadBenchmark.send(
                            http, base, "GET", "/api/v1/applications/" + appId + "/keys", token, null)
                    .get("privateKey")
                    .asString();
            ApplicantLoadBenchmark.send(
                    http,
                    base,
                    "PATCH",
                    "/api/v1/applications/" + appId,
                    token,
                    "{\"webhookUrl\":\"" + receiverUrl + "\"}");
            ApplicantLoadBenchmark.waitForDefaultFlow(http, base, token);
            String run = Long.toString(System.nanoTime(), 36);
            ApplicantLoadBenchmark.measure(
                    "record", events, 8, i -> ApplicantLoadBenchmark.create(http, base, key, "hook-" + run + "-" + i));

            HikariDataSource db = recorder.getBean(HikariDataSource.class);
            long start = System.nanoTime();
            for (int i = 0; i < instances; i++) {
                senders.add(new SpringApplicationBuilder(OpenKycApplication.class)
                        .run(
                                "--server.port=0",
                                "--spring.datasource.url=" + db.getJdbcUrl(),
                                "--spring.datasource.username=" + db.getUsername(),
                                "--spring.datasource.password=" + db.getPassword(),
                                "--openkyc.data-dir=" + Files.createTempDirectory("openkyc-webhook-sender"),
                                "--openkyc.master-key=" + masterKey,
                                "--openkyc.webhooks.concurrency=" + concurrency,
                                "--openkyc.webhooks.allowed-networks=127.0.0.1/32",
                                "--logging.level.root=WARN"));
            }
            while (received.size() < events) {
                Thread.sleep(5);
            }
            long done = System.nanoTime();
            double draining = (done - firstArrival.get()) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "webhooks: %d events, %d sending instance(s), concurrency %d, receiver %d ms: %.0f deliveries/s"
                            + " (first to last arrival %.1f s; %.1f s from the first instance's start); duplicates %d%n",
                    events,
                    instances,
                    concurrency,
                    receiverMillis,
                    events / draining,
                    draining,
                    (done - start) / 1e9,
                    duplicates[0]);
        } finally {
            for (ConfigurableApplicationContext sender : senders) {
                sender.close();
            }
            recorder.close();
            receiver.stop(0);
        }
    }
}
