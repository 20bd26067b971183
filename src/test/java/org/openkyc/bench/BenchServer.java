package org.openkyc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openkyc.OpenKycApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * OpenKYC as the load harnesses run it: a fresh data directory, a durable embedded PostgreSQL (fsync on), no list
 * downloads, and a bootstrap company whose administrator signs in as {@link #ADMIN} with {@link #PASSWORD}.
 */
final class BenchServer {

    static final String ADMIN = "bench@bench.test";
    static final String PASSWORD = "Load-harness-pa55";

    private BenchServer() {}

    static ConfigurableApplicationContext start(String name) throws IOException {
        Path dataDir = Files.createTempDirectory(name);
        return new SpringApplicationBuilder(OpenKycApplication.class)
                .run(
                        "--server.port=0",
                        "--openkyc.data-dir=" + dataDir,
                        "--openkyc.embedded-db.durable=true",
                        "--openkyc.screening.refresh.enabled=false",
                        "--openkyc.bootstrap.company-name=Bench Ltd",
                        "--openkyc.bootstrap.admin-email=" + ADMIN,
                        "--openkyc.bootstrap.admin-password=" + PASSWORD,
                        "--logging.level.root=WARN");
    }

    /** The body of a sign-in for a user token. */
    static String signIn() {
        return "{\"email\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}";
    }
}
