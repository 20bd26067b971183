package org.openkyc.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.ScreeningIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The lists screening runs against: every list file in the folders {@code openkyc.screening.lists} names
 * (comma-separated; by default {@code <data-dir>/lists}), read at start in the background and indexed. A reload builds a new index beside the old
 * one and swaps it in whole; a folder that cannot be read keeps the index that was there.
 */
@Component
public class ScreeningLists {

    private static final Logger log = LoggerFactory.getLogger(ScreeningLists.class);

    private final List<Path> folders;
    private final AtomicReference<ScreeningIndex> index = new AtomicReference<>(ScreeningIndex.build(List.of()));
    private final AtomicReference<List<String>> problems = new AtomicReference<>(List.of());

    ScreeningLists(OpenKycSettings settings, @Value("${openkyc.screening.lists:}") List<String> lists) {
        this.folders = lists.isEmpty()
                ? List.of(settings.dataDir().resolve("lists"))
                : lists.stream().map(String::strip).map(Path::of).toList();
        Thread.ofVirtual().name("screening-lists").start(this::reload);
    }

    /** The index in use now. */
    public ScreeningIndex index() {
        return index.get();
    }

    /** Files that could not be read at the last reload, with the reason. */
    public List<String> problems() {
        return problems.get();
    }

    /** Reads the folders again; answers whether the index was replaced. */
    public synchronized boolean reload() {
        List<Path> present = folders.stream().filter(Files::isDirectory).toList();
        if (present.isEmpty()) {
            log.info("No screening lists at {}; screening finds nothing until lists are put there", folders);
            return false;
        }
        try {
            long started = System.nanoTime();
            List<ListEntity> entities = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (Path folder : present) {
                ListFiles.Loaded loaded = ListFiles.read(folder);
                entities.addAll(loaded.entities());
                skipped.addAll(loaded.problems());
            }
            ScreeningIndex built = ScreeningIndex.build(entities);
            index.set(built);
            problems.set(List.copyOf(skipped));
            skipped.forEach(p -> log.warn("Screening list skipped: {}", p));
            log.info(
                    "Screening lists from {}: {} entities, {} names, indexed in {} ms",
                    present,
                    built.entities(),
                    built.names(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (IOException e) {
            problems.set(List.of(String.valueOf(e.getMessage())));
            log.warn("Screening lists at {} cannot be read; the previous index stays: {}", present, e.getMessage());
            return false;
        }
    }
}
