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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.screening.lists.ImportedList;
import org.openkyc.screening.lists.Limits;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.lists.ListFormatException;
import org.openkyc.screening.lists.ListImports;
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
 * The lists screening runs against. They come from three places: files an operator imports (the API, the Screening
 * lists page, {@code lists import}), the files in the folders {@code openkyc.screening.lists} names (by default
 * {@code <data-dir>/lists}), and the publishers' addresses in {@code openkyc.screening.sources}, downloaded on a
 * schedule. Every list read is stored as a version ({@link ListVersions}); the database is the one truth, shared by
 * every instance. Each instance polls it every {@code openkyc.screening.sync-interval} and, when the set of current
 * versions changed, builds a new index beside the old one and swaps it in whole; a file or download that cannot be
 * read leaves its list as it was. What the new versions added or changed is announced as {@link ListsChanged} (by the
 * instance that stored them) for ongoing monitoring, and every change of what is loaded as {@link CoverageChanged}.
 */
@Component
public class ScreeningLists {

    private static final Logger log = LoggerFactory.getLogger(ScreeningLists.class);

    /** Lists changed: the entities that are new or different, to be screened against monitored people. */
    public record ListsChanged(List<ListEntity> addedOrChanged) {}

    /** The lists this instance screens against changed: screenings that waited for coverage may run now. */
    public record CoverageChanged(Coverage coverage) {}

    /** The index in use and the versions it was built from. */
    private record Loaded(ScreeningIndex index, List<ListVersion> versions, Map<Long, List<ListEntity>> entities) {

        Set<Long> ids() {
            Set<Long> ids = new HashSet<>();
            versions.forEach(v -> ids.add(v.version()));
            return ids;
        }
    }

    private final List<Path> folders;
    private final Path downloads;
    private final ScreeningSettings settings;
    private final ListVersions versions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final HttpClient http;
    private final AtomicReference<Loaded> loaded =
            new AtomicReference<>(new Loaded(ScreeningIndex.build(List.of()), List.of(), Map.of()));
    private final AtomicReference<List<String>> problems = new AtomicReference<>(List.of());
    /** The size and time of every file in the folders when they were last read. */
    private Map<Path, String> stamps = Map.of();

    ScreeningLists(
            OpenKycSettings openKyc,
            ScreeningSettings settings,
            ListVersions versions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.folders = settings.lists().isEmpty()
                ? List.of(openKyc.dataDir().resolve("lists"))
                : settings.lists().stream().map(String::strip).map(Path::of).toList();
        this.downloads = openKyc.dataDir().resolve("list-downloads");
        this.settings = settings;
        this.versions = versions;
        this.events = events;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        Thread.ofVirtual().name("screening-lists").start(this::first);
    }

    /** The first load: what the database holds, the folders, then the sources never downloaded. */
    private void first() {
        try {
            sync();
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
        } catch (RuntimeException e) {
            // the application stopped while starting, or the database went away; the poll keeps syncing from it
            log.warn("Screening lists not loaded at start: {}", e.toString());
        }
    }

    /** The index in use now. */
    public ScreeningIndex index() {
        return loaded.get().index();
    }

    /** The lists the index in use holds, judged now against the maximum age. */
    public Coverage coverage() {
        return new Coverage(loaded.get().versions(), clock.instant(), settings.maxListAge());
    }

    /** Lists that could not be read at the last reload or refresh, with the reason. */
    public List<String> problems() {
        return problems.get();
    }

    /** Polls the database for versions other instances stored. */
    @Scheduled(
            fixedDelayString = "${openkyc.screening.sync-interval:PT2S}",
            initialDelayString = "${openkyc.screening.sync-interval:PT2S}")
    void poll() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("Screening lists could not be read from the database; the index in use stays: {}", e.toString());
        }
    }

    /**
     * Makes the index hold the current versions in the database: rebuilt when the set of versions changed (reading
     * only the versions it does not hold yet), else only their confirmation times are taken. Answers whether the
     * index was replaced.
     */
    public synchronized boolean sync() {
        List<ListVersion> current = versions.currentVersions();
        Loaded before = loaded.get();
        Set<Long> ids = new HashSet<>();
        current.forEach(v -> ids.add(v.version()));
        if (ids.equals(before.ids())) {
            loaded.set(new Loaded(before.index(), current, before.entities()));
            return false;
        }
        long started = System.nanoTime();
        Map<Long, List<ListEntity>> entities = new HashMap<>();
        List<ListEntity> all = new ArrayList<>();
        for (ListVersion version : current) {
            List<ListEntity> held = before.entities().get(version.version());
            List<ListEntity> listed = held != null ? held : versions.entities(version.version());
            entities.put(version.version(), listed);
            all.addAll(listed);
        }
        ScreeningIndex built = ScreeningIndex.build(all);
        Loaded now = new Loaded(built, current, Map.copyOf(entities));
        loaded.set(now);
        log.info(
                "Screening lists {}: {} entities, {} names, indexed in {} ms",
                current.stream().map(ListVersion::source).toList(),
                built.entities(),
                built.names(),
                (System.nanoTime() - started) / 1_000_000);
        events.publishEvent(new CoverageChanged(coverage()));
        return true;
    }

    /**
     * Reads the folders again and stores each list that changed as a new version; answers whether the index was
     * replaced. Files unchanged in size and time since the last reload are not read again.
     */
    public synchronized boolean reload() {
        List<Path> present = folders.stream().filter(Files::isDirectory).toList();
        if (present.isEmpty()) {
            log.info("No screening list folder at {}; lists come from imports and downloads", folders);
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
        Set<String> held = versions.currentOrigins().keySet();
        if (seen.equals(stamps) && files.keySet().stream().anyMatch(held::contains)) {
            return false;
        }
        List<String> skipped = new ArrayList<>();
        List<ListEntity> changed = new ArrayList<>();
        Set<String> offered = new HashSet<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            String list = file.getKey();
            try {
                List<ListEntity> entities = ListFiles.list(file.getValue());
                if (entities.isEmpty()) {
                    continue;
                }
                offered.add(list);
                store(list, file.getValue().toString(), "file", null, entities, changed);
            } catch (IOException | RuntimeException e) {
                offered.add(list);
                String problem = e instanceof ListFormatException ? e.getMessage() : file.getValue() + ": " + e;
                skipped.add(problem);
                versions.refuse(list, file.getValue().toString(), problem);
            }
        }
        Map<String, String> origins = versions.currentOrigins();
        Set<String> folderNames = new HashSet<>();
        present.forEach(folder -> folderNames.add(folder.getFileName() + "/"));
        for (String list : origins.keySet()) {
            boolean fromTheseFolders = folderNames.stream().anyMatch(list::startsWith)
                    && !origins.get(list).contains("://");
            if (fromTheseFolders && !offered.contains(list)) {
                versions.retire(list);
            }
        }
        stamps = seen;
        return finish(skipped, changed);
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
                ImportedList read = ListImports.read(folder, Limits.DEFAULT);
                changed.addAll(versions.store(
                                source.getKey(),
                                origin,
                                read.format().ownList() ? ListKind.OWN : ListKind.of(read.entities()),
                                read.format().name(),
                                read.published(),
                                read.entities())
                        .addedOrChanged());
            } catch (IOException | RuntimeException e) {
                String problem = source.getKey() + ": " + e.getMessage();
                skipped.add(problem);
                versions.refuse(source.getKey(), origin, problem);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return finish(skipped, changed);
    }

    private void store(
            String list,
            String origin,
            String format,
            @Nullable Instant published,
            List<ListEntity> entities,
            List<ListEntity> changed) {
        changed.addAll(versions.store(list, origin, ListKind.of(entities), format, published, entities)
                .addedOrChanged());
    }

    /** Takes what was stored into the index; answers whether the index was replaced. */
    private boolean finish(List<String> skipped, List<ListEntity> changed) {
        problems.set(List.copyOf(skipped));
        skipped.forEach(p -> log.warn("Screening list not read, its current version stays: {}", p));
        boolean replaced = sync();
        if (!changed.isEmpty()) {
            events.publishEvent(new ListsChanged(List.copyOf(changed)));
        }
        return replaced;
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
