package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.openkyc.screening.matching.ListEntity;

/**
 * Every list found in a folder (and its subfolders), each recognised by its file: the UN consolidated XML, the EU
 * financial sanctions XML, the FCDO's UK Sanctions List XML, OFSI's former consolidated list CSV, OFAC's CSV sets
 * ({@code sdn.csv}, {@code cons_prim.csv}) and enhanced XML ({@code sanctionsData}, or the ZIP holding it),
 * the US Consolidated Screening List (by its header, gzipped or not), the BIS Denied Persons List
 * ({@code dpl*.txt}), and generic CSV files with a {@code name} column.
 */
public final class ListFiles {

    private ListFiles() {}

    /** What a folder held: the entities of every list that could be read, and why the others could not. */
    public record Loaded(List<ListEntity> entities, List<String> problems) {}

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
        List<ListEntity> all = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files(folder)) {
            try {
                all.addAll(list(file));
            } catch (ListFormatException e) {
                problems.add(e.getMessage());
            }
        }
        if (all.isEmpty()) {
            throw new ListFormatException(
                    "No list found in " + folder + (problems.isEmpty() ? "" : ": " + String.join("; ", problems)));
        }
        return new Loaded(List.copyOf(all), List.copyOf(problems));
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
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xml") && root(file).equals("CONSOLIDATED_LIST")) {
            try (InputStream in = Files.newInputStream(file)) {
                return UnConsolidatedList.read(in);
            }
        }
        if (name.endsWith(".xml") && root(file).replaceFirst("^.*:", "").equals("export")) {
            try (InputStream in = Files.newInputStream(file)) {
                return EuSanctionsList.read(in);
            }
        }
        if (name.endsWith(".xml") && root(file).equals("Designations")) {
            try (InputStream in = Files.newInputStream(file)) {
                return UkSanctionsListXml.read(in);
            }
        }
        if ((name.endsWith(".xml") && root(file).equals("sanctionsData")) || name.endsWith(".zip")) {
            return ofacEnhanced(file);
        }
        if (name.endsWith(".csv") && firstLines(file).contains("Group ID")) {
            return UkSanctionsList.read(file);
        }
        if (name.equals("sdn.csv")) {
            return OfacCsvList.read(file.getParent(), "sdn", "OFAC_SDN");
        }
        if (name.equals("cons_prim.csv")) {
            return OfacCsvList.read(file.getParent(), "cons", "OFAC_CONS");
        }
        if (name.startsWith("dpl") && name.endsWith(".txt")) {
            return CsvLists.deniedPersons(file);
        }
        if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
            List<String> header = header(file);
            if (header.contains("_id") && header.contains("source") && header.contains("alt_names")) {
                return CsvLists.consolidatedScreeningList(file);
            }
            boolean ofacPart = name.startsWith("sdn")
                    || name.startsWith("cons_")
                    || name.equals("alt.csv")
                    || name.equals("add.csv");
            if (header.contains("name") && !ofacPart) {
                return CsvLists.generic(file, file.getFileName().toString());
            }
        }
        return List.of();
    }

    /**
     * OFAC's enhanced XML, as it is or in the ZIP OFAC publishes. It is the same list as the CSV set, with the same
     * ids: when the folder holds the CSV set too, the CSV set is read and this file left out.
     */
    private static List<ListEntity> ofacEnhanced(Path file) throws IOException {
        Path folder = file.getParent();
        if (Files.exists(folder.resolve("sdn.csv")) || Files.exists(folder.resolve("cons_prim.csv"))) {
            return List.of();
        }
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(file)) {
                return OfacEnhancedXml.read(in);
            }
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()
                        && entry.getName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    return OfacEnhancedXml.read(zip);
                }
            }
        }
        return List.of();
    }

    /** The name of the first element (comments, declarations and processing instructions skipped). */
    private static String root(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            java.util.regex.Matcher element =
                    java.util.regex.Pattern.compile("<([A-Za-z][\\w:.-]*)").matcher(head);
            return element.find() ? element.group(1) : "";
        }
    }

    private static String firstLines(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return String.join(
                    "\n",
                    new String(in.readNBytes(4096), StandardCharsets.UTF_8)
                            .lines()
                            .limit(3)
                            .toList());
        }
    }

    private static List<String> header(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            String first = head.lines().findFirst().orElse("").replace("\uFEFF", "");
            return List.of(first.toLowerCase(Locale.ROOT).replace("\"", "").split(","));
        }
    }
}
