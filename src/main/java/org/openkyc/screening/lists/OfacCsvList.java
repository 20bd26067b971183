package org.openkyc.screening.lists;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * OFAC's legacy CSV set, as for the SDN list ({@code sdn.csv}, {@code alt.csv}, {@code add.csv}) and the
 * consolidated non-SDN list ({@code cons_prim.csv}, {@code cons_alt.csv}, {@code cons_add.csv}): no header,
 * {@code -0-} for empty; UTF-8 or, in the older files, latin-1 (read as Windows-1252, its superset). Birth dates, nationalities, documents and digital-currency addresses are read from the
 * remarks, where OFAC writes them.
 */
public final class OfacCsvList {

    private static final Pattern DOB = Pattern.compile("(?:^|; )(?:alt\\. )?DOB ([^;]+)");
    private static final Pattern COUNTRY = Pattern.compile("(?:^|; )(?:alt\\. )?(?:nationality|citizen) ([^;.]+)");
    private static final Pattern GENDER = Pattern.compile("(?:^|; )Gender (Male|Female)");
    private static final Pattern DOCUMENT = Pattern.compile(
            "(?:^|; )(?:alt\\. )?(?:Passport|National ID No\\.|Cedula No\\.|Identification Number|Tax ID No\\.|"
                    + "Registration Number|IMO|C\\.U\\.R\\.P\\.|R\\.F\\.C\\.|NIT #|D\\.N\\.I\\.|SSN|Driver's License No\\.)"
                    + " ([A-Za-z0-9-]{4,})");
    private static final Pattern CRYPTO = Pattern.compile("Digital Currency Address - [A-Z0-9]+ ([A-Za-z0-9]{20,})");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private OfacCsvList() {}

    /**
     * Reads the set from a folder: {@code prefix} is {@code sdn} or {@code cons}; the main file is
     * {@code <prefix>.csv} or {@code <prefix>_prim.csv}, aliases and addresses are optional.
     */
    static ImportedList read(Path folder, String prefix, String source, Limits limits) throws IOException {
        Path main = Files.exists(folder.resolve(prefix + ".csv"))
                ? folder.resolve(prefix + ".csv")
                : folder.resolve(prefix + "_prim.csv");
        if (!Files.exists(main)) {
            throw new ListFormatException("No " + prefix + ".csv or " + prefix + "_prim.csv in " + folder);
        }
        return read(main, source, limits);
    }

    /**
     * Reads the set whose main file is {@code main}; its aliases and addresses are the files beside it that OFAC's
     * naming gives: {@code alt.csv} and {@code add.csv} for {@code sdn.csv}, {@code cons_alt.csv} and
     * {@code cons_add.csv} for {@code cons_prim.csv}. A main file of another name is read without them. Malformed
     * rows of any of the files are skipped and counted, up to {@link RowSkips#MAX_SHARE} of each file.
     */
    static ImportedList read(Path main, String source, Limits limits) throws IOException {
        String name = main.getFileName().toString().toLowerCase(Locale.ROOT);
        String prefix =
                name.equals("sdn.csv") ? "" : name.endsWith("_prim.csv") ? name.replace("_prim.csv", "_") : null;
        Path folder = main.toAbsolutePath().getParent();
        List<String> reasons = new ArrayList<>();
        int skipped = 0;
        Map<String, List<String>> aliases = new HashMap<>();
        Map<String, Set<String>> addressCountries = new HashMap<>();
        if (prefix != null) {
            CsvRows.Table alt = part(folder.resolve(prefix + "alt.csv"), 5, limits);
            for (CsvRows.Row row : alt.rows()) {
                aliases.computeIfAbsent(row.values().get(0), k -> new ArrayList<>())
                        .add(row.values().get(3));
            }
            CsvRows.Table add = part(folder.resolve(prefix + "add.csv"), 6, limits);
            for (CsvRows.Row row : add.rows()) {
                Countries.code(row.values().get(4))
                        .ifPresent(c -> addressCountries
                                .computeIfAbsent(row.values().get(0), k -> new LinkedHashSet<>())
                                .add(c));
            }
            for (CsvRows.Table part : List.of(alt, add)) {
                skipped += part.skips().skipped();
                reasons.addAll(part.skips().reasons());
            }
        }
        CsvRows.Table table = CsvRows.withoutHeader(main, limits, 12, CsvRows.Policy.TOLERANT);
        Map<String, ListEntity> entities = new LinkedHashMap<>();
        for (CsvRows.Row record : table.rows()) {
            List<String> row =
                    record.values().stream().map(v -> v.equals("-0-") ? "" : v).toList();
            if (!row.get(0).matches("\\d+") || row.get(1).isBlank()) {
                table.skips().reject(record.line(), "is not an OFAC record (a number first, then a name)");
                continue;
            }
            String id = row.get(0).strip();
            String type = row.get(2).strip().toLowerCase(Locale.ROOT);
            NameNormaliser.Schema schema = switch (type) {
                case "individual" -> NameNormaliser.Schema.PERSON;
                case "vessel", "aircraft" -> NameNormaliser.Schema.VESSEL;
                default -> NameNormaliser.Schema.ORGANISATION;
            };
            String remarks = row.get(11);
            Set<String> names = new LinkedHashSet<>();
            names.add(row.get(1).strip());
            aliases.getOrDefault(id, List.of()).forEach(a -> names.add(a.strip()));
            Set<String> countries = new LinkedHashSet<>(addressCountries.getOrDefault(id, Set.of()));
            all(COUNTRY, remarks).forEach(c -> Countries.code(c).ifPresent(countries::add));
            if (schema == NameNormaliser.Schema.VESSEL && !row.get(9).isBlank()) {
                Countries.code(row.get(9)).ifPresent(countries::add);
            }
            List<String> gender = all(GENDER, remarks);
            entities.put(
                    id,
                    new ListEntity(
                            id,
                            source,
                            ListEntity.ListType.SANCTION,
                            schema,
                            List.copyOf(names),
                            List.of(row.get(3)
                                    .replace("[", "")
                                    .replace("]", "")
                                    .strip()
                                    .split("\\s+")),
                            all(DOB, remarks).stream()
                                    .flatMap(d -> dates(d).stream())
                                    .toList(),
                            List.copyOf(countries),
                            gender.isEmpty() ? null : gender.getFirst().toLowerCase(Locale.ROOT),
                            all(DOCUMENT, remarks),
                            all(CRYPTO, remarks)));
        }
        table.skips().check();
        if (entities.isEmpty()) {
            throw new ListFormatException(main.getFileName() + " holds no records");
        }
        skipped += table.skips().skipped();
        reasons.addAll(table.skips().reasons());
        return new ImportedList(
                ListFormat.OFAC_CSV,
                null,
                List.copyOf(entities.values()),
                skipped,
                reasons.subList(0, Math.min(reasons.size(), RowSkips.MAX_REASONS)));
    }

    /** "25 Mar 1977", "Mar 1977", "1977", "1962 to 1964": as ISO dates or years. */
    static List<String> dates(String text) {
        String value = text.strip();
        List<String> out = new ArrayList<>();
        Matcher range = Pattern.compile("(\\d{4}) to (\\d{4})").matcher(value);
        if (range.find()) {
            for (int y = Integer.parseInt(range.group(1)); y <= Integer.parseInt(range.group(2)); y++) {
                out.add(String.valueOf(y));
            }
            return out;
        }
        try {
            out.add(LocalDate.parse(value, DAY).toString());
            return out;
        } catch (DateTimeParseException e) {
            // not a full date
        }
        try {
            out.add(java.time.YearMonth.parse(value, MONTH).toString());
            return out;
        } catch (DateTimeParseException e) {
            // not a month
        }
        Matcher year = Pattern.compile("\\b(\\d{4})\\b").matcher(value);
        if (year.find()) {
            out.add(year.group(1));
        }
        return out;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            out.add(m.group(1).strip());
        }
        return out;
    }

    /** One of the set's other files, {@code width} values a row, {@code -0-} for empty; none when absent. */
    private static CsvRows.Table part(Path file, int width, Limits limits) throws IOException {
        if (!Files.exists(file)) {
            return new CsvRows.Table(
                    List.of(), List.of(), new RowSkips(file.getFileName().toString(), CsvRows.Policy.TOLERANT));
        }
        CsvRows.Table table = CsvRows.withoutHeader(file, limits, width, CsvRows.Policy.TOLERANT);
        table.skips().check();
        List<CsvRows.Row> rows = table.rows().stream()
                .map(r -> new CsvRows.Row(
                        r.line(),
                        r.values().stream().map(v -> v.equals("-0-") ? "" : v).toList(),
                        r.columns()))
                .toList();
        return new CsvRows.Table(table.header(), rows, table.skips());
    }
}
