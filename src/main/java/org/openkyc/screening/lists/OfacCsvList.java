package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * OFAC's legacy CSV set, as for the SDN list ({@code sdn.csv}, {@code alt.csv}, {@code add.csv}) and the
 * consolidated non-SDN list ({@code cons_prim.csv}, {@code cons_alt.csv}, {@code cons_add.csv}): no header, latin-1,
 * {@code -0-} for empty. Birth dates, nationalities, documents and digital-currency addresses are read from the
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
    public static List<ListEntity> read(Path folder, String prefix, String source) throws IOException {
        Path main = Files.exists(folder.resolve(prefix + ".csv"))
                ? folder.resolve(prefix + ".csv")
                : folder.resolve(prefix + "_prim.csv");
        if (!Files.exists(main)) {
            throw new ListFormatException("No " + prefix + ".csv or " + prefix + "_prim.csv in " + folder);
        }
        Map<String, List<String>> aliases = new HashMap<>();
        for (List<String> row : rows(folder.resolve(prefix + "_alt.csv"), folder.resolve("alt.csv"), prefix, 4)) {
            aliases.computeIfAbsent(row.get(0), k -> new ArrayList<>()).add(row.get(3));
        }
        Map<String, Set<String>> addressCountries = new HashMap<>();
        for (List<String> row : rows(folder.resolve(prefix + "_add.csv"), folder.resolve("add.csv"), prefix, 5)) {
            Countries.code(row.get(4))
                    .ifPresent(c -> addressCountries
                            .computeIfAbsent(row.get(0), k -> new LinkedHashSet<>())
                            .add(c));
        }
        Map<String, ListEntity> entities = new LinkedHashMap<>();
        int line = 0;
        for (List<String> row : csv(main)) {
            line++;
            if (row.size() < 12 || !row.get(0).strip().matches("\\d+")) {
                throw new ListFormatException(
                        main.getFileName() + " line " + line + " is not an OFAC record (12 columns, a number first)");
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
        if (entities.isEmpty()) {
            throw new ListFormatException(main.getFileName() + " holds no records");
        }
        return List.copyOf(entities.values());
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

    private static List<List<String>> rows(Path preferred, Path fallback, String prefix, int columns)
            throws IOException {
        Path file = Files.exists(preferred) ? preferred : prefix.equals("sdn") ? fallback : preferred;
        if (!Files.exists(file)) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : csv(file)) {
            if (row.size() >= columns) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Records with {@code -0-} turned to empty; OFAC's files are latin-1 and may end with a control character. */
    private static List<List<String>> csv(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (CSVRecord record : CSVFormat.DEFAULT
                    .builder()
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(in)) {
                if (record.size() == 1
                        && record.get(0).strip().replace("\u001a", "").isEmpty()) {
                    continue;
                }
                List<String> row = new ArrayList<>();
                for (String value : record) {
                    String v = value.strip();
                    row.add(v.equals("-0-") ? "" : v);
                }
                rows.add(row);
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new ListFormatException(file.getFileName() + " is not valid CSV: " + e.getMessage(), e);
        }
        return rows;
    }
}
