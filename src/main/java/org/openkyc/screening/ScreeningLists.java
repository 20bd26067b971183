package org.openkyc.screening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.matching.ScreeningIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The lists screening runs against: every list file in {@code openkyc.screening.lists} (by default
 * {@code <data-dir>/lists}), read at start in the background and indexed. A reload builds a new index beside the old
 * one and swaps it in whole; a folder that cannot be read keeps the index that was there.
 */
@Component
public class ScreeningLists {

    private static final Logger log = LoggerFactory.getLogger(ScreeningLists.class);

    private final Path folder;
    private final AtomicReference<ScreeningIndex> index = new AtomicReference<>(ScreeningIndex.build(List.of()));
    private final AtomicReference<List<String>> problems = new AtomicReference<>(List.of());

    ScreeningLists(OpenKycSettings settings, @Value("${openkyc.screening.lists:}") String lists) {
        this.folder = lists.isBlank() ? settings.dataDir().resolve("lists") : Path.of(lists);
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

    /** Reads the folder again; answers whether the index was replaced. */
    public synchronized boolean reload() {
        if (!Files.isDirectory(folder)) {
            log.info("No screening lists at {}; screening finds nothing until lists are put there", folder);
            return false;
        }
        try {
            long started = System.nanoTime();
            ListFiles.Loaded loaded = ListFiles.read(folder);
            ScreeningIndex built = ScreeningIndex.build(loaded.entities());
            index.set(built);
            problems.set(loaded.problems());
            loaded.problems().forEach(p -> log.warn("Screening list skipped: {}", p));
            log.info(
                    "Screening lists from {}: {} entities, {} names, indexed in {} ms",
                    folder,
                    built.entities(),
                    built.names(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        } catch (IOException e) {
            problems.set(List.of(String.valueOf(e.getMessage())));
            log.warn("Screening lists at {} cannot be read; the previous index stays: {}", folder, e.getMessage());
            return false;
        }
    }
}
