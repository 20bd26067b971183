package org.openkyc.screening.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.ListEntity;

/**
 * Every list found in a folder (and its subfolders), each file recognised by its content as {@link ListImports} does
 * (see {@link ListFormat} for the formats); files that are no list, such as a README, are passed over.
 *
 * <p>Two files of one folder may hold the same list, for instance two snapshots of the US Consolidated Screening List
 * with the same ids. Entities are therefore merged by {@link ListEntity#key()}: the first file read (in name order)
 * keeps a key unless a later file states a later publication date; every merge is told in {@link Loaded#notes()}.
 */
public final class ListFiles {

    private ListFiles() {}

    /**
     * What a folder held.
     *
     * @param entities every list that could be read, one entity per key
     * @param problems the files that could not be read, with why
     * @param skippedRows how many malformed rows of publisher CSVs were left out, in all
     * @param notes what else is worth telling: the rows skipped (naming file and line) and the keys two files shared
     */
    public record Loaded(List<ListEntity> entities, List<String> problems, int skippedRows, List<String> notes) {}

    /**
     * Reads every list in the folder. A file that cannot be read is reported in {@link Loaded#problems} and left out;
     * the others are still loaded.
     *
     * @throws ListFormatException when the folder does not exist or holds no readable list at all
     */
    public static Loaded read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ListFormatException(folder + " is not a folder");
        }
        Map<String, ListEntity> all = new LinkedHashMap<>();
        Map<String, String> fileOfKey = new LinkedHashMap<>();
        Map<String, @Nullable Instant> published = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int skipped = 0;
        for (Path file : files(folder)) {
            String name = folder.relativize(file).toString();
            ImportedList list;
            try {
                list = imported(file);
            } catch (ListFormatException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (list == null) {
                continue;
            }
            published.put(name, list.published());
            skipped += list.skipped();
            if (list.skipped() > 0) {
                notes.add(name + ": " + list.skipped() + " malformed row" + (list.skipped() == 1 ? "" : "s")
                        + " skipped (" + String.join("; ", list.skippedReasons()) + ")");
            }
            Map<String, Integer> kept = new LinkedHashMap<>();
            Map<String, Integer> replaced = new LinkedHashMap<>();
            for (ListEntity entity : list.entities()) {
                String earlier = fileOfKey.get(entity.key());
                if (earlier == null) {
                    all.put(entity.key(), entity);
                    fileOfKey.put(entity.key(), name);
                } else if (later(list.published(), published.get(earlier))) {
                    all.put(entity.key(), entity);
                    fileOfKey.put(entity.key(), name);
                    replaced.merge(earlier, 1, Integer::sum);
                } else {
                    kept.merge(earlier, 1, Integer::sum);
                }
            }
            kept.forEach((earlier, count) -> notes.add(
                    earlier.equals(name)
                            ? name + ": " + count + " entities repeat a key within the file; the first is kept"
                            : name + ": " + count + " entities have the key of one in " + earlier
                                    + ", which is kept (read first, and not older)"));
            replaced.forEach((earlier, count) -> notes.add(name + ": " + count + " entities replace those of " + earlier
                    + " with the same key (published later)"));
        }
        if (all.isEmpty()) {
            throw new ListFormatException(
                    "No list found in " + folder + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        }
        return new Loaded(List.copyOf(all.values()), List.copyOf(problems), skipped, List.copyOf(notes));
    }

    private static boolean later(@Nullable Instant candidate, @Nullable Instant current) {
        return candidate != null && current != null && candidate.isAfter(current);
    }

    /** Every file in the folder and its subfolders, in name order. */
    public static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * The entities of one file, or none when it is not a list (or is the part of a set that another file names, like
     * OFAC's {@code alt.csv}).
     *
     * @throws ListFormatException when the file is a list but cannot be read
     */
    public static List<ListEntity> list(Path file) throws IOException {
        ImportedList list = imported(file);
        return list == null ? List.of() : list.entities();
    }

    /** One file read as a list, or null when it is not one, within {@link Limits#DEFAULT}. */
    static @Nullable ImportedList imported(Path file) throws IOException {
        if (Files.size(file) == 0) {
            return null;
        }
        Detection.Detected detected = Detection.detect(file, Limits.DEFAULT);
        if (shadowed(file, detected)) {
            return null;
        }
        return switch (detected.kind()) {
            case LIST -> ListImports.read(file, detected, Limits.DEFAULT, null, null);
            case ARCHIVE -> ListImports.read(file, Limits.DEFAULT);
            case PART, NONE -> null;
        };
    }

    /**
     * Whether the file is OFAC's enhanced XML beside the CSV set of the same list: both have the same ids, and the
     * CSV set is read.
     */
    static boolean shadowed(Path file, Detection.Detected detected) {
        Path folder = file.toAbsolutePath().getParent();
        return detected.format() == ListFormat.OFAC_ENHANCED_XML
                && (Files.exists(folder.resolve("sdn.csv")) || Files.exists(folder.resolve("cons_prim.csv")));
    }
}
