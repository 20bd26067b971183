package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * Lists published as CSV with a header: the US Consolidated Screening List (trade.gov), the BIS Denied Persons List
 * (tab-separated), and OpenKYC's generic format for a company's own watchlist or PEP list. Gzipped files are read
 * as they are.
 */
public final class CsvLists {

    /** The generic format's columns; {@code name} is required, the rest may be left out. */
    public static final List<String> GENERIC_COLUMNS = List.of(
            "id",
            "name",
            "aliases",
            "type",
            "list_type",
            "programmes",
            "birth_dates",
            "countries",
            "gender",
            "identifiers",
            "crypto_addresses");

    private CsvLists() {}

    /** The US Consolidated Screening List; {@code source} of each row becomes the entity's programme. */
    public static List<ListEntity> consolidatedScreeningList(Path file) throws IOException {
        List<ListEntity> out = new ArrayList<>();
        for (CSVRecord row : records(file, ',', List.of("source", "name", "type", "alt_names"))) {
            String name = value(row, "name");
            if (name.isBlank()) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            names.add(name);
            names.addAll(split(value(row, "alt_names")));
            Set<String> countries = new LinkedHashSet<>();
            for (String column : List.of("nationalities", "citizenships")) {
                split(value(row, column)).forEach(c -> Countries.code(c).ifPresent(countries::add));
            }
            List<String> identifiers = new ArrayList<>();
            String gender = null;
            for (String id : split(value(row, "ids"))) {
                // "QA, 28940000602, National ID No.": country, (dates,) number, kind
                String[] parts = id.split(",\\s*");
                if (parts.length >= 2 && parts[parts.length - 1].equals("Gender")) {
                    gender = parts[0].toLowerCase(Locale.ROOT);
                } else if (parts.length >= 3 && id.matches(".*(Passport|ID|Number|No\\.|Registration).*")) {
                    identifiers.add(parts[parts.length - 2]);
                }
            }
            String id = value(row, "_id").isBlank() ? value(row, "entity_number") : value(row, "_id");
            out.add(new ListEntity(
                    id,
                    "US_CSL",
                    ListEntity.ListType.SANCTION,
                    schema(value(row, "type"), name),
                    List.copyOf(names),
                    List.of(value(row, "source")),
                    split(value(row, "dates_of_birth")),
                    List.copyOf(countries),
                    gender,
                    identifiers,
                    List.of()));
        }
        return nonEmpty(out, file);
    }

    /** The BIS Denied Persons List, tab-separated with a header. */
    public static List<ListEntity> deniedPersons(Path file) throws IOException {
        List<ListEntity> out = new ArrayList<>();
        int row = 0;
        for (CSVRecord record : records(file, '\t', List.of("Name", "Country"))) {
            row++;
            String name = value(record, "Name");
            if (name.isBlank()) {
                continue;
            }
            List<String> countries =
                    Countries.code(value(record, "Country")).stream().toList();
            out.add(new ListEntity(
                    "DPL-" + row,
                    "BIS_DPL",
                    ListEntity.ListType.SANCTION,
                    NameNormaliser.Schema.ANY,
                    List.of(name),
                    List.of("Denied Persons List"),
                    List.of(),
                    countries,
                    null,
                    List.of(),
                    List.of()));
        }
        return nonEmpty(out, file);
    }

    /**
     * A company's own list in OpenKYC's generic CSV: columns {@link #GENERIC_COLUMNS}, lists within a cell separated
     * by {@code ;}, {@code type} {@code person} or {@code organisation}, {@code list_type} SANCTION, PEP, WATCHLIST
     * or ADVERSE_MEDIA (default WATCHLIST).
     */
    public static List<ListEntity> generic(Path file, String source) throws IOException {
        List<ListEntity> out = new ArrayList<>();
        int line = 1;
        for (CSVRecord row : records(file, ',', List.of("name"))) {
            line++;
            String name = value(row, "name");
            if (name.isBlank()) {
                throw new ListFormatException(file.getFileName() + " line " + line + " has no name");
            }
            ListEntity.ListType listType;
            try {
                String given = value(row, "list_type");
                listType = given.isBlank()
                        ? ListEntity.ListType.WATCHLIST
                        : ListEntity.ListType.valueOf(given.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ListFormatException(file.getFileName() + " line " + line
                        + ": list_type must be SANCTION, PEP, WATCHLIST or ADVERSE_MEDIA");
            }
            Set<String> names = new LinkedHashSet<>();
            names.add(name);
            names.addAll(split(value(row, "aliases")));
            Set<String> countries = new LinkedHashSet<>();
            for (String country : split(value(row, "countries"))) {
                String code = Countries.code(country).orElse(null);
                if (code == null) {
                    throw new ListFormatException(
                            file.getFileName() + " line " + line + ": " + country + " is not a country");
                }
                countries.add(code);
            }
            String id = value(row, "id").isBlank() ? String.valueOf(line) : value(row, "id");
            out.add(new ListEntity(
                    id,
                    source,
                    listType,
                    NameNormaliser.Schema.of(value(row, "type").isBlank() ? "person" : value(row, "type")),
                    List.copyOf(names),
                    split(value(row, "programmes")),
                    split(value(row, "birth_dates")),
                    List.copyOf(countries),
                    value(row, "gender").isBlank() ? null : value(row, "gender").toLowerCase(Locale.ROOT),
                    split(value(row, "identifiers")),
                    split(value(row, "crypto_addresses"))));
        }
        return nonEmpty(out, file);
    }

    private static NameNormaliser.Schema schema(String type, String name) {
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> NameNormaliser.Schema.PERSON;
            case "vessel", "aircraft" -> NameNormaliser.Schema.VESSEL;
            case "entity" -> NameNormaliser.Schema.ORGANISATION;
            default -> NameNormaliser.Schema.ANY;
        };
    }

    private static List<CSVRecord> records(Path file, char delimiter, List<String> required) throws IOException {
        if (!Files.isReadable(file)) {
            throw new ListFormatException("Cannot read " + file);
        }
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(delimiter)
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreSurroundingSpaces(true)
                        .get()
                        .parse(reader)) {
            Map<String, Integer> header = parser.getHeaderMap();
            for (String column : required) {
                if (header == null || !header.containsKey(column)) {
                    throw new ListFormatException(file.getFileName() + " has no column " + column);
                }
            }
            return parser.getRecords();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new ListFormatException(file.getFileName() + " is not valid CSV: " + e.getMessage(), e);
        }
    }

    private static String value(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column).strip() : "";
    }

    private static List<String> split(String cell) {
        List<String> out = new ArrayList<>();
        for (String part : cell.split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static List<ListEntity> nonEmpty(List<ListEntity> entities, Path file) throws ListFormatException {
        if (entities.isEmpty()) {
            throw new ListFormatException(file.getFileName() + " holds no records");
        }
        return List.copyOf(entities);
    }
}
