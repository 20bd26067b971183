package org.openkyc;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.demo.DemoData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar openkyc.jar demo --applicants N [--email <a member's sign-in email>] [--seed S] [--<setting>=…]}:
 * starts OpenKYC on the same data directory and database (its web server on a free port, for the few seconds it
 * runs), fills the company's test mode with demo applicants, and stops.
 */
final class DemoCommand {

    private DemoCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        int applicants = 1000;
        @Nullable String email = null;
        long seed = 1;
        List<String> settings = new ArrayList<>();
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--applicants" -> applicants = Integer.parseInt(args[++i]);
                    case "--email" -> email = args[++i];
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> settings.add(args[i]);
                }
            }
        } catch (RuntimeException e) {
            err.println("Usage: demo --applicants N [--email <member email>] [--seed S] [--<setting>=<value>…]");
            return 2;
        }
        settings.add("--openkyc.screening.refresh.enabled=false");
        settings.add("--server.port=0");
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(OpenKycApplication.class).run(settings.toArray(String[]::new))) {
            DemoData.Filled filled = context.getBean(DemoData.class).fill(email, applicants, seed);
            out.printf(
                    "Added %,d demo applicants to company %s (test mode) in %d s.%n",
                    filled.applicants(), filled.company(), filled.took().toSeconds());
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
