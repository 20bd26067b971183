package org.openkyc.screening.lists;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * The records of a CSV (or tab-separated) file, each with the line it starts on, read so that one malformed record
 * does not take the rest of the file with it.
 *
 * <p>Records are cut at line ends where the quotes balance, so a quoted value may span lines. A record that does not
 * parse (a quote never closed, as in a file cut off mid-row) or has another number of values than the header is
 * malformed: under {@link Policy#STRICT} it refuses the file; under {@link Policy#TOLERANT} it is skipped and counted
 * in a {@link RowSkips}, and reading resumes at the next line, so a stray quote costs one row and not every row after
 * it.
 */
final class CsvRows {

    /** How many lines a quoted value may span before the record is taken as malformed. */
    private static final int MAX_RECORD_LINES = 200;

    /** Whether a malformed row refuses the file or is skipped. */
    enum Policy {
        STRICT,
        TOLERANT
    }

    /** One record; {@code line} is the physical line it starts on, the header being line 1. */
    record Row(int line, List<String> values, Map<String, Integer> columns) {

        /** The stripped value of a column, empty when the file has no such column. */
        String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= values.size()
                    ? ""
                    : values.get(index).strip();
        }
    }

    /** The rows of a file and what was skipped of it. */
    record Table(List<String> header, List<Row> rows, RowSkips skips) {}

    private CsvRows() {}

    /**
     * Reads a file with a header line.
     *
     * @throws ListFormatException when the file is empty, lacks a required column, or (strictly) holds a malformed
     *     row, naming the file and the line
     */
    static Table withHeader(Path file, Limits limits, char delimiter, List<String> required, Policy policy)
            throws IOException {
        String name = file.getFileName().toString();
        List<String> lines =
                ListInput.csvText(ListInput.bytes(file, limits)).lines().toList();
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            throw new ListFormatException(name + " is empty");
        }
        List<String> header = parse(lines.getFirst(), delimiter);
        if (header == null) {
            throw new ListFormatException(name + " line 1 is not a CSV header");
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
        for (String column : required) {
            if (!columns.containsKey(column)) {
                throw new ListFormatException(name + " has no column " + column);
            }
        }
        RowSkips skips = new RowSkips(name, policy);
        List<Row> rows = records(lines, 1, delimiter, header.size(), columns, skips);
        return new Table(header, rows, skips);
    }

    /** Reads a file without a header whose records have {@code width} values (OFAC's CSV set). */
    static Table withoutHeader(Path file, Limits limits, int width, Policy policy) throws IOException {
        String name = file.getFileName().toString();
        List<String> lines =
                ListInput.csvText(ListInput.bytes(file, limits)).lines().toList();
        RowSkips skips = new RowSkips(name, policy);
        return new Table(List.of(), records(lines, 0, ',', width, Map.of(), skips), skips);
    }

    private static List<Row> records(
            List<String> lines, int from, char delimiter, int width, Map<String, Integer> columns, RowSkips skips)
            throws ListFormatException {
        List<Row> rows = new ArrayList<>();
        int start = from;
        while (start < lines.size()) {
            String first = lines.get(start);
            // OFAC's files end with a line holding only an end-of-file character
            if (first.isBlank() || first.strip().equals("\u001a")) {
                start++;
                continue;
            }
            StringBuilder record = new StringBuilder(first);
            int end = start;
            boolean open = quotes(first) % 2 == 1;
            while (open && end + 1 < lines.size() && end - start < MAX_RECORD_LINES) {
                end++;
                record.append('\n').append(lines.get(end));
                open = quotes(record) % 2 == 1;
            }
            @Nullable List<String> values = open ? null : parse(record.toString(), delimiter);
            int line = start + 1;
            if (values == null) {
                skips.skip(
                        line,
                        end + 1 == lines.size() && end == start
                                ? "a quoted value is not closed before the end of the file (cut off?)"
                                : "a quoted value is not closed");
                start++;
            } else if (values.size() != width) {
                skips.skip(line, "has " + values.size() + " values, not " + width);
                start = end + 1;
            } else {
                skips.read();
                rows.add(new Row(line, values, columns));
                start = end + 1;
            }
        }
        return rows;
    }

    private static int quotes(CharSequence text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                count++;
            }
        }
        return count;
    }

    /** The values of one record, or null when the text is not exactly one well-formed record. */
    static @Nullable List<String> parse(String text, char delimiter) {
        try {
            List<CSVRecord> records = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(new StringReader(text))
                    .getRecords();
            if (records.size() != 1) {
                return null;
            }
            List<String> values = new ArrayList<>();
            for (String value : records.getFirst()) {
                String v = value.strip();
                values.add(v);
            }
            return values;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    /** A header name as the detection compares it: without quotes, case or surrounding space. */
    static String headerKey(String name) {
        return name.replace("\"", "").strip().toLowerCase(Locale.ROOT);
    }
}
