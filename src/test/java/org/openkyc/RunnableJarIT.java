package org.openkyc;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.support.Api;
import org.openkyc.support.TestMailServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the packaged {@code target/openkyc.jar} the way a newcomer does: on an empty data directory, then again
 * on the same directory, then against an external PostgreSQL. Prints start-up time and resident memory.
 */
class RunnableJarIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN = "admin@jar.test";
    private static final String PASSWORD = "Jar-test-pa55word";

    @Test
    void servesTheWorkplaceOnAnEmptyMachineAndKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = freePort();
        Api api = new Api("http://localhost:" + port);

        Started first = start(
                dir,
                port,
                List.of(
                        "--openkyc.bootstrap.company-name=Jar Test Ltd",
                        "--openkyc.bootstrap.admin-email=" + ADMIN,
                        "--openkyc.bootstrap.admin-password=" + PASSWORD));
        String token;
        try {
            assertThat(api.get("/actuator/health").json().get("status").asString())
                    .isEqualTo("UP");
            assertThat(api.get("/actuator/health").json().has("components"))
                    .as("the root health shows no details")
                    .isFalse();
            Api.Response signIn = api.get("/signin");
            assertThat(signIn.status()).isEqualTo(200);
            assertThat(signIn.body()).contains("<title>Sign in · OpenKYC</title>");
            assertThat(api.get("/").status())
                    .as("the workplace asks to sign in")
                    .isEqualTo(302);
            Api.Response openApi = api.get("/v3/api-docs");
            assertThat(openApi.status()).isEqualTo(200);
            assertThat(openApi.json().get("paths").has("/api/v1/applications")).isTrue();
            assertThat(openApi.body())
                    .as("server-side arguments stay out of the document")
                    .doesNotContain("\"actor\"");
            assertThat(openApi.json()
                            .at("/components/securitySchemes/bearer/scheme")
                            .asString())
                    .isEqualTo("bearer");
            assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);

            token = api.post("/api/v1/auth/token", Map.of("email", ADMIN, "password", PASSWORD))
                    .text("token");
            Api.Response created = api.as(token).post("/api/v1/applications", Map.of("name", "Survives restarts"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(Files.exists(dir.resolve("postgres"))).isTrue();
            assertThat(Files.exists(dir.resolve("master.key"))).isTrue();
        } finally {
            first.stop();
        }

        Started second = start(dir, port, List.of());
        long jvmMiB;
        long totalMiB;
        try {
            Api.Response applications = api.as(token).get("/api/v1/applications");
            assertThat(applications.status())
                    .as("the token was kept in the database")
                    .isEqualTo(200);
            assertThat(applications.body()).contains("Survives restarts", "Default application");
            Api.Response keys = api.as(token)
                    .get("/api/v1/applications/"
                            + applications.json().get(0).get("id").asString() + "/keys");
            assertThat(keys.text("privateKey"))
                    .as("secrets open with the kept master key")
                    .startsWith("sk_test_");
            jvmMiB = residentMiB(second.process().toHandle());
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postgres/postmaster.pid"))
                    .getFirst()
                    .strip());
            totalMiB = jvmMiB
                    + ProcessHandle.of(postmaster)
                            .map(pg -> residentMiB(pg)
                                    + pg.descendants()
                                            .mapToLong(RunnableJarIT::residentMiB)
                                            .sum())
                            .orElse(0L);
        } finally {
            second.stop();
        }
        System.out.printf(
                "openkyc.jar: first start %d ms (empty data directory), restart %d ms;"
                        + " resident memory %d MiB (JVM) + %d MiB (embedded PostgreSQL)%n",
                first.startupMillis(), second.startupMillis(), jvmMiB, totalMiB - jvmMiB);
    }

    @Test
    void usesAnExternalPostgresWhenADatasourceIsConfigured(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            int port = freePort();
            Started app = start(
                    dir,
                    port,
                    List.of(
                            "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
                            "--spring.datasource.username=postgres",
                            "--openkyc.bootstrap.company-name=External Ltd",
                            "--openkyc.bootstrap.admin-email=" + ADMIN,
                            "--openkyc.bootstrap.admin-password=" + PASSWORD));
            try {
                assertThat(new Api("http://localhost:" + port)
                                .get("/actuator/health")
                                .status())
                        .isEqualTo(200);
                assertThat(Files.exists(dir.resolve("postgres")))
                        .as("no embedded server was started")
                        .isFalse();
                try (var connection = external.getPostgresDatabase().getConnection();
                        var rows = connection.createStatement().executeQuery("SELECT name FROM company")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("External Ltd");
                }
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void doctorFindsThePackagedModelsFromAnyWorkingDirectory(@TempDir Path elsewhere) throws Exception {
        Doctor doctor = doctor(
                elsewhere,
                "--data-dir",
                elsewhere.resolve("fresh-data").toString(),
                "--json",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMailServer.port());
        JsonNode report = JSON.readTree(doctor.output());
        Map<String, JsonNode> checks = new java.util.TreeMap<>();
        report.get("checks").forEach(check -> checks.put(check.get("name").asString(), check));
        assertThat(checks)
                .containsKeys("mrz-ocr", "text-ocr", "faces", "liveness", "ip-intelligence", "mail", "email-dns");
        checks.forEach((name, check) -> {
            assertThat(check.get("reason").asString()).as(name).isNotBlank();
            // screening and pep need lists a fresh data directory lacks; DNS depends on the machine's network
            if (!List.of("screening", "pep", "email-dns").contains(name)) {
                assertThat(check.get("ready").asBoolean())
                        .as(name + ": " + check)
                        .isTrue();
            }
        });
        assertThat(checks.get("screening").get("ready").asBoolean())
                .as("a fresh data directory holds no list")
                .isFalse();
        assertThat(checks.get("pep").get("ready").asBoolean()).isFalse();
        assertThat(checks.get("screening").get("reason").asString()).isEqualTo("no sanctions list is loaded");
        assertThat(checks.get("mrz-ocr").get("reason").asString())
                .as("unpacked from the jar into the data directory")
                .contains(elsewhere.resolve("fresh-data").resolve("models").toString());
        boolean complianceReady = checks.values().stream()
                .filter(c -> c.get("compliance").asBoolean())
                .allMatch(c -> c.get("ready").asBoolean());
        assertThat(report.get("ready").asBoolean()).isEqualTo(complianceReady);
        assertThat(doctor.exitCode()).as(doctor.output()).isEqualTo(complianceReady ? 0 : 1);

        Doctor withoutMrz = doctor(
                elsewhere,
                "--data-dir",
                elsewhere.resolve("fresh-data").toString(),
                "--openkyc.ocr.mrz-model=" + elsewhere.resolve("missing/mrz.traineddata"));
        assertThat(withoutMrz.exitCode()).isEqualTo(1);
        assertThat(withoutMrz.output())
                .containsPattern("mrz-ocr +NOT READY +compliance +the MRZ model is missing \\(looked for .*missing")
                .contains("A compliance check cannot run");

        Doctor imported = run(
                elsewhere,
                "lists",
                "import",
                Path.of("../shared/data/sanctions/un_sc/UN_consolidated.xml")
                        .toAbsolutePath()
                        .toString(),
                Path.of("../shared/data/pep/us-congress/legislators-current.yaml")
                        .toAbsolutePath()
                        .toString(),
                "--data-dir",
                elsewhere.resolve("fresh-data").toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("UN_consolidated.xml: un-sc v", "SANCTIONS", "PEP");
        JsonNode after = JSON.readTree(doctor(
                        elsewhere,
                        "--data-dir",
                        elsewhere.resolve("fresh-data").toString(),
                        "--json",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMailServer.port())
                .output());
        after.get("checks").forEach(check -> {
            if (List.of("screening", "pep").contains(check.get("name").asString())) {
                assertThat(check.get("ready").asBoolean())
                        .as("after the import: " + check)
                        .isTrue();
            }
        });
    }

    record Doctor(int exitCode, String output) {}

    /** Runs {@code java -jar openkyc.jar doctor …} in the given working directory and answers what it printed. */
    private static Doctor doctor(Path workingDirectory, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("doctor"));
        command.addAll(List.of(arguments));
        return run(workingDirectory, command.toArray(String[]::new));
    }

    /** Runs {@code java -jar openkyc.jar …} in the given working directory and answers what it printed. */
    private static Doctor run(Path workingDirectory, String... arguments) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-jar",
                Path.of(System.getProperty("openkyc.jar", "target/openkyc.jar"))
                        .toAbsolutePath()
                        .toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        workingDirectory.resolve("doctor.log").toFile()))
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish; see " + workingDirectory.resolve("doctor.log"));
        }
        return new Doctor(process.exitValue(), output);
    }

    private static Started start(Path dataDir, int port, List<String> arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-jar",
                System.getProperty("openkyc.jar", "target/openkyc.jar"),
                "--server.port=" + port,
                "--openkyc.data-dir=" + dataDir));
        command.addAll(arguments);
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile()))
                .start();
        Api api = new Api("http://localhost:" + port);
        try {
            Awaitility.await()
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreExceptions()
                    .until(() -> api.get("/actuator/health").status() == 200);
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw new AssertionError("openkyc.jar did not become healthy; see " + dataDir + ".log", e);
        }
        return new Started(process, (System.nanoTime() - begin) / 1_000_000);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Resident memory of one process, from /proc (Linux); 0 when it cannot be read. */
    private static long residentMiB(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    record Started(Process process, long startupMillis) {

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
