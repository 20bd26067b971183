package org.openkyc.screening.lists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * Lists published as CSV with a header: the US Consolidated Screening List (trade.gov), the BIS Denied Persons List
 * (tab-separated), and OpenKYC's generic format for a company's own watchlist or PEP list. Gzipped files are read
 * as they are; text that is not UTF-8 is read as Windows-1252 (see {@link ListInput}).
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

    /**
     * The US Consolidated Screening List; {@code source} of each row becomes the entity's programme. A malformed row
     * (or one without a name) is skipped and counted, up to {@link RowSkips#MAX_SHARE} of the rows.
     */
    static ImportedList consolidatedScreeningList(Path file, Limits limits) throws IOException {
        CsvRows.Table table = CsvRows.withHeader(
                file, limits, ',', List.of("source", "name", "type", "alt_names"), CsvRows.Policy.TOLERANT);
        Map<String, ListEntity> out = new LinkedHashMap<>();
        for (CsvRows.Row row : table.rows()) {
            String name = value(row, "name");
            if (name.isBlank()) {
                table.skips().reject(row.line(), "has no name");
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
            ListEntity entity = new ListEntity(
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
                    List.of());
            out.merge(id, entity, CsvLists::merged);
        }
        return result(ListFormat.US_CSL_CSV, List.copyOf(out.values()), table, file);
    }

    /**
     * The BIS Denied Persons List, tab-separated with a header. The list has no ids: an entity's id is its row's
     * place among the named rows, {@code DPL-1} on.
     */
    static ImportedList deniedPersons(Path file, Limits limits) throws IOException {
        CsvRows.Table table =
                CsvRows.withHeader(file, limits, '\t', List.of("Name", "Country"), CsvRows.Policy.TOLERANT);
        List<ListEntity> out = new ArrayList<>();
        int row = 0;
        for (CsvRows.Row record : table.rows()) {
            row++;
            String name = value(record, "Name");
            if (name.isBlank()) {
                table.skips().reject(record.line(), "has no name");
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
        return result(ListFormat.BIS_DPL, out, table, file);
    }

    /**
     * A company's own list in OpenKYC's generic CSV: columns {@link #GENERIC_COLUMNS}, lists within a cell separated
     * by {@code ;}, {@code type} {@code person} or {@code organisation}, {@code list_type} SANCTION, PEP, WATCHLIST
     * or ADVERSE_MEDIA (default WATCHLIST). The list must be exact: any malformed row refuses the file, naming its
     * line.
     */
    static ImportedList generic(Path file, String source, Limits limits) throws IOException {
        CsvRows.Table table = CsvRows.withHeader(file, limits, ',', List.of("name"), CsvRows.Policy.STRICT);
        List<ListEntity> out = new ArrayList<>();
        for (CsvRows.Row row : table.rows()) {
            int line = row.line();
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
        return result(ListFormat.OWN_LIST_CSV, out, table, file);
    }

    /**
     * One party on several of the lists the CSL combines (OFAC's SDN and CAPTA lists, say) has a row on each, with
     * the same id: one entity, with the names, programmes and details of every row.
     */
    private static ListEntity merged(ListEntity first, ListEntity next) {
        return new ListEntity(
                first.id(),
                first.source(),
                first.listType(),
                first.schema() == NameNormaliser.Schema.ANY ? next.schema() : first.schema(),
                union(first.names(), next.names()),
                union(first.programmes(), next.programmes()),
                union(first.birthDates(), next.birthDates()),
                union(first.countries(), next.countries()),
                first.gender() != null ? first.gender() : next.gender(),
                union(first.identifiers(), next.identifiers()),
                union(first.cryptoAddresses(), next.cryptoAddresses()));
    }

    private static List<String> union(List<String> a, List<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static NameNormaliser.Schema schema(String type, String name) {
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "individual" -> NameNormaliser.Schema.PERSON;
            case "vessel", "aircraft" -> NameNormaliser.Schema.VESSEL;
            case "entity" -> NameNormaliser.Schema.ORGANISATION;
            default -> NameNormaliser.Schema.ANY;
        };
    }

    private static String value(CsvRows.Row row, String column) {
        return row.get(column);
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

    private static ImportedList result(ListFormat format, List<ListEntity> entities, CsvRows.Table table, Path file)
            throws ListFormatException {
        table.skips().check();
        if (entities.isEmpty()) {
            throw new ListFormatException(file.getFileName() + " holds no records");
        }
        return new ImportedList(
                format, null, entities, table.skips().skipped(), table.skips().reasons());
    }
}
