package org.openkyc.screening;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.lists.ListFormatException;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.ScreeningIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The lists screening runs against. They come from two places: the files in the folders {@code openkyc.screening.lists}
 * names (by default {@code <data-dir>/lists}), each file a list named by its folder and path, and the publishers'
 * addresses in {@code openkyc.screening.sources}, downloaded on a schedule. Every list read is stored as a version
 * ({@link ListVersions}); the index is built from the current versions, so a file or download that cannot be read
 * leaves its list as it was, also across restarts. A new index is built beside the old one and swapped in whole, and
 * what the new versions added or changed is announced as {@link ListsChanged} for ongoing monitoring.
 */
@Component
public class ScreeningLists {

    private static final Logger log = LoggerFactory.getLogger(ScreeningLists.class);

    /** Lists changed: the entities that are new or different, to be screened against monitored people. */
    public record ListsChanged(List<ListEntity> addedOrChanged) {}

    private final List<Path> folders;
    private final Path downloads;
    private final ScreeningSettings settings;
    private final ListVersions versions;
    private final ApplicationEventPublisher events;
    private final HttpClient http;
    private final AtomicReference<ScreeningIndex> index = new AtomicReference<>(ScreeningIndex.build(List.of()));
    private final AtomicReference<List<String>> problems = new AtomicReference<>(List.of());
    /** The current version of every list, as the index holds it. */
    private Map<String, List<ListEntity>> current = new TreeMap<>();
    /** The size and time of every file in the folders when they were last read. */
    private Map<Path, String> stamps = Map.of();

    ScreeningLists(
            OpenKycSettings openKyc,
            ScreeningSettings settings,
            ListVersions versions,
            ApplicationEventPublisher events) {
        this.folders = settings.lists().isEmpty()
                ? List.of(openKyc.dataDir().resolve("lists"))
                : settings.lists().stream().map(String::strip).map(Path::of).toList();
        this.downloads = openKyc.dataDir().resolve("list-downloads");
        this.settings = settings;
        this.versions = versions;
        this.events = events;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        Thread.ofVirtual().name("screening-lists").start(() -> {
            restore();
            reload();
            if (settings.refresh().enabled() && !settings.sources().isEmpty()) {
                Set<String> missing = new HashSet<>(settings.sources().keySet());
                missing.removeAll(versions.currentOrigins().keySet());
                if (!missing.isEmpty()) {
                    Map<String, List<URI>> first = new TreeMap<>(settings.sources());
                    first.keySet().retainAll(missing);
                    refresh(first);
                }
            }
        });
    }

    /** The index in use now. */
    public ScreeningIndex index() {
        return index.get();
    }

    /** Lists that could not be read at the last reload or refresh, with the reason. */
    public List<String> problems() {
        return problems.get();
    }

    /** Builds the index from the current versions in the database, as the last run left them. */
    synchronized void restore() {
        Map<String, List<ListEntity>> stored = versions.current();
        if (!stored.isEmpty() && current.isEmpty()) {
            current = stored;
            swap();
        }
    }

    /**
     * Reads the folders again and stores each list that changed as a new version; answers whether the index was
     * replaced. Files unchanged in size and time since the last reload are not read again.
     */
    public synchronized boolean reload() {
        List<Path> present = folders.stream().filter(Files::isDirectory).toList();
        if (present.isEmpty()) {
            log.info("No screening lists at {}; only lists downloaded from their publishers are used", folders);
            return false;
        }
        Map<String, Path> files = new LinkedHashMap<>();
        Map<Path, String> seen = new LinkedHashMap<>();
        try {
            for (Path folder : present) {
                for (Path file : ListFiles.files(folder)) {
                    files.put(
                            folder.getFileName() + "/"
                                    + folder.relativize(file).toString().replace('\\', '/'),
                            file);
                    seen.put(file, Files.size(file) + "@" + Files.getLastModifiedTime(file));
                }
            }
        } catch (IOException e) {
            log.warn("Screening lists at {} cannot be read; the lists stay as they were: {}", present, e.getMessage());
            return false;
        }
        if (seen.equals(stamps) && !current.isEmpty()) {
            return false;
        }
        List<String> skipped = new ArrayList<>();
        List<ListEntity> changed = new ArrayList<>();
        Set<String> offered = new HashSet<>();
        boolean replaced = false;
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String list = file.getKey();
            try {
                List<ListEntity> entities = ListFiles.list(file.getValue());
                if (entities.isEmpty()) {
                    continue;
                }
                offered.add(list);
                replaced |= store(list, file.getValue().toString(), entities, changed);
            } catch (IOException | RuntimeException e) {
                offered.add(list);
                String problem = e instanceof ListFormatException ? e.getMessage() : file.getValue() + ": " + e;
                skipped.add(problem);
                versions.refuse(list, file.getValue().toString(), problem);
            }
        }
        Map<String, String> origins = versions.currentOrigins();
        for (String list : origins.keySet()) {
            boolean fromFolder =
                    !settings.sources().containsKey(list) && !origins.get(list).contains("://");
            if (fromFolder && !offered.contains(list) && versions.retire(list)) {
                current.remove(list);
                replaced = true;
            }
        }
        stamps = seen;
        return finish(skipped, changed, replaced);
    }

    /** Downloads the publishers' lists again, on {@code openkyc.screening.refresh.cron} when refreshing is on. */
    @Scheduled(cron = "${openkyc.screening.refresh.cron:0 20 4 * * *}")
    void scheduledRefresh() {
        if (settings.refresh().enabled() && !settings.sources().isEmpty()) {
            refresh(settings.sources());
        }
    }

    /**
     * Downloads each source's files into a fresh folder and stores what they hold as the source's new version; a
     * source that cannot be downloaded or read keeps its current version. Answers whether the index was replaced.
     */
    public synchronized boolean refresh(Map<String, List<URI>> sources) {
        List<String> skipped = new ArrayList<>();
        List<ListEntity> changed = new ArrayList<>();
        boolean replaced = false;
        for (Map.Entry<String, List<URI>> source : new TreeMap<>(sources).entrySet()) {
            String origin = String.join(
                    " ", source.getValue().stream().map(URI::toString).toList());
            Path folder = downloads.resolve(source.getKey().replaceAll("[^A-Za-z0-9._-]", "_"));
            try {
                FileSystemUtils.deleteRecursively(folder);
                Files.createDirectories(folder);
                for (URI uri : source.getValue()) {
                    download(uri, folder);
                }
                replaced |=
                        store(source.getKey(), origin, ListFiles.read(folder).entities(), changed);
            } catch (IOException | RuntimeException e) {
                String problem = source.getKey() + ": " + e.getMessage();
                skipped.add(problem);
                versions.refuse(source.getKey(), origin, problem);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return finish(skipped, changed, replaced);
    }

    private boolean store(String list, String origin, List<ListEntity> entities, List<ListEntity> changed) {
        ListVersions.Stored stored = versions.store(list, origin, entities);
        if (stored.version() == null && current.containsKey(list)) {
            return false;
        }
        current.put(list, entities);
        changed.addAll(stored.addedOrChanged());
        return true;
    }

    private boolean finish(List<String> skipped, List<ListEntity> changed, boolean replaced) {
        problems.set(List.copyOf(skipped));
        skipped.forEach(p -> log.warn("Screening list not read, its current version stays: {}", p));
        if (!replaced) {
            return false;
        }
        swap();
        if (!changed.isEmpty()) {
            events.publishEvent(new ListsChanged(List.copyOf(changed)));
        }
        return true;
    }

    private void swap() {
        long started = System.nanoTime();
        List<ListEntity> all = new ArrayList<>();
        current.values().forEach(all::addAll);
        ScreeningIndex built = ScreeningIndex.build(all);
        index.set(built);
        log.info(
                "Screening lists {}: {} entities, {} names, indexed in {} ms",
                current.keySet(),
                built.entities(),
                built.names(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** One publisher file, at most {@code maxBytes}, saved under its own name in lower case. */
    private void download(URI uri, Path folder) throws IOException, InterruptedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ListFormatException(uri + " is not an http(s) address");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        Path target = folder.resolve(name.isBlank() || name.startsWith(".") ? "list" : name);
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofMinutes(5))
                        .header("User-Agent", "OpenKYC list refresh")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new ListFormatException(uri + " answered " + response.statusCode());
            }
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length > settings.refresh().maxBytes()) {
                throw new ListFormatException(
                        uri + " is larger than " + settings.refresh().maxBytes() + " bytes");
            }
            Files.copy(limited(body, settings.refresh().maxBytes(), uri), target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static InputStream limited(InputStream in, long max, URI uri) {
        return new java.io.FilterInputStream(in) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) throws IOException {
                read += n;
                if (read > max) {
                    throw new ListFormatException(uri + " is larger than " + max + " bytes");
                }
            }
        };
    }
}
