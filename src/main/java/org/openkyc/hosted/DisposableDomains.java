package org.openkyc.hosted;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.openkyc.core.OpenKycSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Domains of throw-away mailboxes, from the maintained {@code disposable-email-domains} list (npm): its
 * {@code index.json} (exact domains) and {@code wildcard.json} (a domain and all its subdomains), in the folder
 * {@code openkyc.email.disposable-domains}, by default {@code <data-dir>/disposable-email-domains}. Without the list
 * the check is off, and the log says so.
 */
@Component
class DisposableDomains {

    private static final Logger log = LoggerFactory.getLogger(DisposableDomains.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> exact;
    private final Set<String> wildcard;

    DisposableDomains(OpenKycSettings settings, @Value("${openkyc.email.disposable-domains:}") String folder) {
        Path dir = folder.isBlank() ? settings.dataDir().resolve("disposable-email-domains") : Path.of(folder);
        if (Files.isReadable(dir.resolve("index.json"))) {
            this.exact = load(dir.resolve("index.json"));
            this.wildcard = load(dir.resolve("wildcard.json"));
        } else {
            this.exact = bundled("index.json");
            this.wildcard = bundled("wildcard.json");
        }
        if (exact.isEmpty()) {
            log.info("No disposable-email-domains list in {}; throw-away addresses are not recognised", dir);
        } else {
            log.info("Disposable email domains: {} exact, {} with subdomains", exact.size(), wildcard.size());
        }
    }

    /** Whether {@code domain} (or a parent listed with its subdomains) is a throw-away mail service. */
    boolean disposable(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        if (exact.contains(name)) {
            return true;
        }
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            if (wildcard.contains(name.substring(dot + 1))) {
                return true;
            }
        }
        return wildcard.contains(name);
    }

    /** The list the build bundles into the jar where npm was available. */
    private static Set<String> bundled(String name) {
        InputStream in = DisposableDomains.class.getResourceAsStream("/lists/disposable-email-domains/" + name);
        return in == null ? Set.of() : read(in, name);
    }

    private static Set<String> load(Path file) {
        if (!Files.isReadable(file)) {
            return Set.of();
        }
        try {
            return read(Files.newInputStream(file), file.toString());
        } catch (IOException e) {
            log.warn("The list {} cannot be read", file, e);
            return Set.of();
        }
    }

    private static Set<String> read(InputStream stream, String source) {
        try (InputStream in = stream) {
            List<String> domains = JSON.readValue(in, new TypeReference<List<String>>() {});
            Set<String> set = new HashSet<>(domains.size() * 2);
            domains.forEach(d -> set.add(d.strip().toLowerCase(Locale.ROOT)));
            return Set.copyOf(set);
        } catch (IOException | RuntimeException e) {
            log.warn("The list {} cannot be read", source, e);
            return Set.of();
        }
    }
}
