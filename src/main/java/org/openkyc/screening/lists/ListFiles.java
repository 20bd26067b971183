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
import org.openkyc.screening.matching.ListEntity;

/**
 * Every list found in a folder (and its subfolders), each recognised by its file: the UN consolidated XML, OFAC's CSV
 * sets ({@code sdn.csv}, {@code cons_prim.csv}), the US Consolidated Screening List ({@code consolidated*.csv[.gz]}),
 * the BIS Denied Persons List ({@code dpl*.txt}), and generic CSV files with a {@code name} column.
 */
public final class ListFiles {

    private ListFiles() {}

    public static List<ListEntity> read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new ListFormatException(folder + " is not a folder");
        }
        List<ListEntity> all = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".xml") && root(file).equals("CONSOLIDATED_LIST")) {
                try (InputStream in = Files.newInputStream(file)) {
                    all.addAll(UnConsolidatedList.read(in));
                }
            } else if (name.equals("sdn.csv")) {
                all.addAll(OfacCsvList.read(file.getParent(), "sdn", "OFAC_SDN"));
            } else if (name.equals("cons_prim.csv")) {
                all.addAll(OfacCsvList.read(file.getParent(), "cons", "OFAC_CONS"));
            } else if (name.startsWith("consolidated") && (name.endsWith(".csv") || name.endsWith(".csv.gz"))) {
                all.addAll(CsvLists.consolidatedScreeningList(file));
            } else if (name.startsWith("dpl") && name.endsWith(".txt")) {
                all.addAll(CsvLists.deniedPersons(file));
            } else if (name.endsWith(".csv")
                    && header(file).contains("name")
                    && !name.startsWith("sdn")
                    && !name.startsWith("cons_")
                    && !List.of("alt.csv", "add.csv").contains(name)) {
                all.addAll(CsvLists.generic(file, file.getFileName().toString()));
            }
        }
        if (all.isEmpty()) {
            throw new ListFormatException("No list found in " + folder);
        }
        return all;
    }

    private static String root(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            String head = new String(in.readNBytes(2048), StandardCharsets.UTF_8);
            int at = head.indexOf('<', head.startsWith("<?xml") ? head.indexOf("?>") : 0);
            return at < 0 ? "" : head.substring(at + 1).split("[\\s>/]", 2)[0];
        }
    }

    private static List<String> header(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst()
                    .map(l ->
                            List.of(l.toLowerCase(Locale.ROOT).replace("\"", "").split(",")))
                    .orElse(List.of());
        } catch (java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
