package org.openkyc.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openkyc.demo.DemoData;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load harness for the dashboard: starts OpenKYC on a durable embedded PostgreSQL, fills a company with demo
 * applicants (a million by default) and times {@code GET /api/v1/dashboard} (with a user token) and the workplace
 * page {@code GET /dashboard} (signed in, figures and charts' data rendered) over HTTP for today, the last 7 days, the
 * last 28 days and the whole year, one request at a time.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.openkyc.bench.DashboardBenchmark -Dexec.args="--applicants 1000000 --requests 300"
 * </pre>
 */
public final class DashboardBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        int applicants = intArg(args, "--applicants", 1_000_000);
        int requests = intArg(args, "--requests", 300);
        ConfigurableApplicationContext context = BenchServer.start("openkyc-dashboard-bench");
        try {
            String base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = JSON.readTree(http.send(
                                    HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
                                            .header("Content-Type", "application/json")
                                            .POST(HttpRequest.BodyPublishers.ofString(BenchServer.signIn()))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get("token")
                    .asString();
            DemoData.Filled filled = null;
            for (int attempt = 0; filled == null; attempt++) {
                try {
                    filled = context.getBean(DemoData.class).fill(BenchServer.ADMIN, applicants, 7);
                } catch (IllegalStateException e) {
                    // the default flow is made just after the bootstrap company
                    if (attempt == 40) {
                        throw e;
                    }
                    Thread.sleep(250);
                }
            }
            System.out.printf(
                    "Filled %,d applicants in %d s%n",
                    filled.applicants(), filled.took().toSeconds());

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            HttpClient browser = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager())
                    .build();
            signIn(browser, base);
            Map<String, LocalDate> ranges = new LinkedHashMap<>();
            ranges.put("today", today);
            ranges.put("7", today.minusDays(6));
            ranges.put("28", today.minusDays(27));
            ranges.put("365", today.minusDays(364));
            long total = 0;
            for (Map.Entry<String, LocalDate> range : ranges.entrySet()) {
                HttpRequest api = HttpRequest.newBuilder(
                                URI.create(base + "/api/v1/dashboard?from=" + range.getValue() + "&to=" + today))
                        .header("Authorization", "Bearer " + token)
                        .build();
                HttpRequest page = HttpRequest.newBuilder(
                                URI.create(base + "/dashboard?range=custom&from=" + range.getValue() + "&to=" + today))
                        .build();
                long[] apiMicros = time(http, api, requests);
                long[] pageMicros = time(browser, page, requests);
                total = JSON.readTree(http.send(api, HttpResponse.BodyHandlers.ofString())
                                .body())
                        .at("/headline/applicants")
                        .asLong();
                System.out.printf(
                        "%-5s %,9d applicants  API p50 %6.1f  p95 %6.1f  p99 %6.1f ms"
                                + "  page p50 %6.1f  p95 %6.1f  p99 %6.1f ms%n",
                        range.getKey(),
                        total,
                        apiMicros[requests / 2] / 1000.0,
                        apiMicros[(int) (requests * 0.95)] / 1000.0,
                        apiMicros[(int) (requests * 0.99)] / 1000.0,
                        pageMicros[requests / 2] / 1000.0,
                        pageMicros[(int) (requests * 0.95)] / 1000.0,
                        pageMicros[(int) (requests * 0.99)] / 1000.0);
            }
            // For comparison: only the status counts of the year, counted from the applicant table itself.
            org.springframework.jdbc.core.simple.JdbcClient jdbc =
                    context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
            long[] direct = new long[30];
            for (int i = 0; i < direct.length; i++) {
                long started = System.nanoTime();
                jdbc.sql("SELECT status, count(*) FROM applicant WHERE company_id = :company AND mode = 'TEST'"
                                + " AND created_at >= :from GROUP BY status")
                        .param("company", filled.company().value())
                        .param(
                                "from",
                                java.sql.Timestamp.from(today.minusDays(364)
                                        .atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()))
                        .query()
                        .listOfRows();
                direct[i] = (System.nanoTime() - started) / 1000;
            }
            Arrays.sort(direct);
            System.out.printf(
                    "counting the applicant table for the year's statuses alone: p50 %.1f ms%n", direct[15] / 1000.0);
        } finally {
            context.close();
        }
    }

    /** Fifty requests to warm up, then {@code requests} timed one after another; the times sorted, in µs. */
    private static long[] time(HttpClient http, HttpRequest request, int requests) throws Exception {
        for (int i = 0; i < 50; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        long[] micros = new long[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            micros[i] = (System.nanoTime() - started) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + ": " + response.statusCode());
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    /** Signs the client in to the workplace as a person does: the form with its CSRF token, a session cookie. */
    private static void signIn(HttpClient browser, String base) throws Exception {
        String form = browser.send(
                        HttpRequest.newBuilder(URI.create(base + "/signin")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String body = "email=" + URLEncoder.encode(BenchServer.ADMIN, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(BenchServer.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<Void> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(base + "/signin"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + location);
        }
    }

    private static int intArg(String[] args, String name, int otherwise) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return otherwise;
    }
}
