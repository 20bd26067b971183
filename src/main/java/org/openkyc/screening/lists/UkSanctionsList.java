package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * The UK consolidated list of financial sanctions targets as CSV (OFSI's {@code ConList.csv} layout): a
 * "Last Updated" line, then a header; one row per name, rows of one target sharing a {@code Group ID}; names in
 * {@code Name 1} to {@code Name 5} with the family name in {@code Name 6}; dates of birth as dd/mm/yyyy with 00 for
 * unknown parts.
 */
public final class UkSanctionsList {

    public static final String SOURCE = "UK_OFSI";

    private UkSanctionsList() {}

    public static List<ListEntity> read(Path file) throws IOException {
        return read(file, Limits.DEFAULT);
    }

    /** Reads the file within the limits; text that is not UTF-8 is read as Windows-1252, as Excel saves it. */
    static List<ListEntity> read(Path file, Limits limits) throws IOException {
        List<String> lines =
                ListInput.csvText(ListInput.bytes(file, limits)).lines().toList();
        int header = 0;
        while (header < lines.size() && !lines.get(header).contains("Group ID")) {
            header++;
        }
        if (header == lines.size()) {
            throw new ListFormatException(file.getFileName() + " has no header with Group ID: not the UK list");
        }
        Map<String, Builder> targets = new LinkedHashMap<>();
        try (Reader in = new java.io.StringReader(String.join("\n", lines.subList(header, lines.size())))) {
            for (CSVRecord row : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(in)) {
                String group = value(row, "Group ID");
                if (group.isEmpty()) {
                    throw new ListFormatException(
                            file.getFileName() + " line " + (header + row.getRecordNumber() + 1) + " has no Group ID");
                }
                Builder target = targets.computeIfAbsent(group, g -> new Builder(g, value(row, "Group Type")));
                List<String> parts = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    parts.add(value(row, "Name " + i));
                }
                parts.add(value(row, "Name 6"));
                String name = String.join(" ", parts).replaceAll("\\s+", " ").strip();
                if (!name.isEmpty()) {
                    target.names.add(name);
                }
                if (!value(row, "Name Non-Latin Script").isEmpty()) {
                    target.names.add(value(row, "Name Non-Latin Script"));
                }
                String dob = value(row, "DOB");
                if (dob.matches("\\d{2}/\\d{2}/\\d{4}")) {
                    String year = dob.substring(6);
                    target.births.add(
                            dob.startsWith("00") || dob.substring(3, 5).equals("00")
                                    ? year
                                    : year + "-" + dob.substring(3, 5) + "-" + dob.substring(0, 2));
                }
                Countries.code(value(row, "Nationality")).ifPresent(target.countries::add);
                if (!value(row, "Passport Number").isEmpty()) {
                    target.documents.add(value(row, "Passport Number"));
                }
                if (!value(row, "National Identification Number").isEmpty()) {
                    target.documents.add(value(row, "National Identification Number"));
                }
                if (!value(row, "Regime").isEmpty()) {
                    target.programmes.add(value(row, "Regime"));
                }
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new ListFormatException(file.getFileName() + " is not valid CSV: " + e.getMessage(), e);
        }
        if (targets.isEmpty()) {
            throw new ListFormatException(file.getFileName() + " holds no targets");
        }
        return targets.values().stream().map(Builder::build).toList();
    }

    private static String value(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
    }

    private static final class Builder {
        final String id;
        final String type;
        final Set<String> names = new LinkedHashSet<>();
        final Set<String> births = new LinkedHashSet<>();
        final Set<String> countries = new LinkedHashSet<>();
        final Set<String> documents = new LinkedHashSet<>();
        final Set<String> programmes = new LinkedHashSet<>();

        Builder(String id, String type) {
            this.id = id;
            this.type = type.toLowerCase(Locale.ROOT);
        }

        ListEntity build() {
            return new ListEntity(
                    id,
                    SOURCE,
                    ListEntity.ListType.SANCTION,
                    switch (type) {
                        case "individual" -> NameNormaliser.Schema.PERSON;
                        case "entity" -> NameNormaliser.Schema.ORGANISATION;
                        case "ship" -> NameNormaliser.Schema.VESSEL;
                        default -> NameNormaliser.Schema.ANY;
                    },
                    List.copyOf(names),
                    List.copyOf(programmes),
                    List.copyOf(births),
                    List.copyOf(countries),
                    null,
                    List.copyOf(documents),
                    List.of());
        }
    }
}
