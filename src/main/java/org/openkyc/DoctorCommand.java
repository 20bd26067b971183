package org.openkyc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openkyc.core.checks.SystemChecks;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar openkyc.jar doctor [--data-dir DIR] [--json] [--<setting>=…]}: starts OpenKYC without scheduled
 * work, on the data directory and database it would use, asks every check whether it can run, prints one line per
 * check (or JSON), and stops. Its web server listens for those seconds on a free loopback port only: the sessions and
 * the security of the workplace are web beans that a context without one does not have. The exit code is 1 when a compliance check cannot run (its
 * applicants would wait for a person), 0 otherwise; 2 for wrong arguments, 3 when OpenKYC does not start.
 */
final class DoctorCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DoctorCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        boolean json = false;
        List<String> settings = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--json" -> json = true;
                    case "--data-dir" -> settings.add("--openkyc.data-dir=" + args[++i]);
                    default -> {
                        if (!args[i].startsWith("--")) {
                            throw new IllegalArgumentException(args[i]);
                        }
                        settings.add(args[i]);
                    }
                }
            }
        } catch (RuntimeException e) {
            err.println("Usage: doctor [--data-dir DIR] [--json] [--<setting>=<value>…]");
            return 2;
        }
        settings.add("--server.port=0");
        settings.add("--server.address=127.0.0.1");
        settings.add("--openkyc.scheduling.enabled=false");
        settings.add("--openkyc.screening.refresh.enabled=false");
        settings.add("--spring.modulith.republish-outstanding-events-on-restart=false");
        // the JSON alone on standard output; a person reading lines sees warnings among them
        settings.add(json ? "--logging.threshold.console=OFF" : "--logging.level.root=WARN");
        settings.add("--logging.level.org.springdoc=ERROR");
        List<SystemChecks.Status> statuses;
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(OpenKycApplication.class).run(settings.toArray(String[]::new))) {
            statuses = context.getBean(SystemChecks.class).all();
        } catch (RuntimeException e) {
            err.println("OpenKYC does not start: " + e.getMessage());
            return 3;
        }
        boolean ready = SystemChecks.complianceReady(statuses);
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("checks", statuses);
            report.put("ready", ready);
            out.println(JSON.writeValueAsString(report));
        } else {
            for (SystemChecks.Status status : statuses) {
                out.printf(
                        "%-16s %-9s %-10s %s%n",
                        status.name(),
                        status.ready() ? "ready" : "NOT READY",
                        status.compliance() ? "compliance" : "heuristic",
                        status.reason());
            }
            out.println(
                    ready
                            ? "Every compliance check can run."
                            : "A compliance check cannot run: its applicants wait for a person.");
        }
        return ready ? 0 : 1;
    }
}
