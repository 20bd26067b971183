package org.openkyc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load harness for creating and reading applicants over HTTP, against the embedded PostgreSQL with durable
 * settings (fsync on), next to a raw JDBC insert loop into the same database in the same run.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.openkyc.bench.ApplicantLoadBenchmark -Dexec.args="--requests 4000 --concurrency 8"
 * </pre>
 */
public final class ApplicantLoadBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApplicantLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int requests = intArg(args, "--requests", 4000);
        int concurrency = intArg(args, "--concurrency", 8);
        int warmup = Math.max(200, requests / 10);
        ConfigurableApplicationContext context = BenchServer.start("openkyc-bench");
        try {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = send(http, base, "POST", "/api/v1/auth/token", null, BenchServer.signIn())
                    .get("token")
                    .asString();
            String appId = send(http, base, "GET", "/api/v1/applications", token, null)
                    .get(0)
                    .get("id")
                    .asString();
            String key = send(http, base, "GET", "/api/v1/applications/" + appId + "/keys", token, null)
                    .get("privateKey")
                    .asString();
            waitForDefaultFlow(http, base, token);

            String run = UUID.randomUUID().toString().substring(0, 8);
            measure("warm-up", warmup, concurrency, i -> create(http, base, key, "warm-" + run + "-" + i));
            List<String> ids = new ArrayList<>(requests);
            Result creates = measure("create applicant (HTTP)", requests, concurrency, i -> {
                String id = create(http, base, key, "bench-" + run + "-" + i);
                synchronized (ids) {
                    ids.add(id);
                }
            });
            Result reads = measure("get applicant (HTTP)", requests, concurrency, i -> {
                int status = http.send(
                                HttpRequest.newBuilder(
                                                URI.create(base + "/api/v1/applicants/" + ids.get(i % ids.size())))
                                        .header("Authorization", "Bearer " + key)
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status != 200) {
                    throw new IllegalStateException("GET answered " + status);
                }
            });

            DataSource dataSource = context.getBean(DataSource.class);
            try (Connection connection = dataSource.getConnection()) {
                connection
                        .createStatement()
                        .execute("CREATE TABLE IF NOT EXISTS bench_applicant (LIKE applicant INCLUDING DEFAULTS)");
            }
            Result jdbc = measure("raw JDBC insert", requests, concurrency, i -> {
                try (Connection connection = dataSource.getConnection();
                        PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO bench_applicant (id, company_id, mode, application_id, external_user_id, flow_id,"
                                        + " flow_version, status, lang, created_at, updated_at, version)"
                                        + " VALUES (?, ?, 'TEST', ?, ?, ?, 1, 'INIT', 'en', ?, ?, 0)")) {
                    Timestamp now = Timestamp.from(Instant.now());
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.randomUUID());
                    insert.setObject(3, UUID.randomUUID());
                    insert.setString(4, "jdbc-" + i);
                    insert.setObject(5, UUID.randomUUID());
                    insert.setTimestamp(6, now);
                    insert.setTimestamp(7, now);
                    insert.executeUpdate();
                }
            });

            System.out.printf(Locale.ROOT, "%n%-26s %10s %10s %10s%n", "", "req/s", "p50 ms", "p99 ms");
            for (Result result : List.of(creates, reads, jdbc)) {
                System.out.printf(
                        Locale.ROOT,
                        "%-26s %10.0f %10.2f %10.2f%n",
                        result.name(),
                        result.throughput(),
                        result.p50(),
                        result.p99());
            }
            System.out.printf(
                    Locale.ROOT,
                    "%ncreate over HTTP reaches %.0f%% of the raw JDBC insert throughput (%d requests, %d concurrent,"
                            + " durable PostgreSQL, %d cores)%n",
                    100 * creates.throughput() / jdbc.throughput(),
                    requests,
                    concurrency,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            context.close();
        }
    }

    static String create(HttpClient http, String base, String key, String externalUserId) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/applicants"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"externalUserId\":\"" + externalUserId
                                                + "\",\"email\":\"a@example.org\",\"fixedInfo\":{\"firstName\":\"Ada\",\"country\":\"GB\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asString();
    }

    static void waitForDefaultFlow(HttpClient http, String base, String token) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (send(http, base, "GET", "/api/v1/flows", token, null).size() > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("No default flow appeared");
    }

    static JsonNode send(HttpClient http, String base, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return JSON.readTree(
                http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** One measured operation. */
    interface Operation {
        void run(int index) throws Exception;
    }

    record Result(String name, double throughput, double p50, double p99) {}

    static Result measure(String name, int count, int concurrency, Operation operation) throws Exception {
        long[] latencies = new long[count];
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long begin = System.nanoTime();
                        operation.run(i);
                        latencies[i] = System.nanoTime() - begin;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new Result(
                name, count / seconds, latencies[count / 2] / 1e6, latencies[(int) Math.floor(count * 0.99)] / 1e6);
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
