package org.openkyc;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.OpenKycException;
import org.openkyc.screening.ListVersion;
import org.openkyc.screening.ScreeningListImports;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar openkyc.jar lists import FILE… [--source NAME] [--data-dir DIR] [--<setting>=…]}: imports list
 * files into the database of a data directory (or the configured database) without a running server, as the API
 * would; running instances take the new versions within seconds. Exits 1 when any file could not be imported.
 */
final class ListsImportCommand {

    private ListsImportCommand() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<Path> files = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        @Nullable String source = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--source" -> source = args[++i];
                    case "--data-dir" -> settings.add("--openkyc.data-dir=" + args[++i]);
                    default -> {
                        if (args[i].startsWith("--")) {
                            settings.add(args[i]);
                        } else {
                            files.add(Path.of(args[i]));
                        }
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            files.clear();
        }
        if (files.isEmpty()) {
            err.println("usage: java -jar openkyc.jar lists import FILE… [--source NAME] [--data-dir DIR]");
            return 2;
        }
        settings.add("--openkyc.screening.refresh.enabled=false");
        // The full application, as the demo command runs it: its web server on a free port for the seconds it runs.
        settings.add("--server.port=0");
        int failed = 0;
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(OpenKycApplication.class).run(settings.toArray(String[]::new))) {
            ScreeningListImports imports = context.getBean(ScreeningListImports.class);
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    ListVersion version = imports.importFile(file.getFileName().toString(), in, source);
                    out.printf("%s: %s, %s, %d entities%n", file, version.label(), version.kind(), version.entities());
                } catch (IOException | OpenKycException e) {
                    err.println(file + ": " + e.getMessage());
                    failed++;
                }
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
