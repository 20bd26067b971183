package org.openkyc.screening;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.openkyc.screening.matching.NameMatcher;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * {@code screening score-pairs --in pairs.csv --out scores.csv}: scores name pairs. The input has a header with
 * {@code schema}, {@code name1} and {@code name2} (other columns are copied); the output adds {@code match_rate}.
 */
public final class ScorePairsCommand {

    private ScorePairsCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path in = null;
        Path target = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--in" -> in = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--out" -> target = i + 1 < args.length ? Path.of(args[++i]) : null;
                case "--help", "-h" -> {
                    out.println(usage());
                    return 0;
                }
                default -> {
                    err.println("Unknown option " + args[i] + "\n" + usage());
                    return 2;
                }
            }
        }
        if (in == null || target == null) {
            err.println(usage());
            return 2;
        }
        NameNormaliser normaliser = new NameNormaliser();
        int rows = 0;
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader)) {
            List<String> header = parser.getHeaderNames();
            for (String column : List.of("schema", "name1", "name2")) {
                if (!header.contains(column)) {
                    err.println(in + " has no column " + column + "; it needs schema, name1 and name2");
                    return 1;
                }
            }
            List<String> outHeader = new ArrayList<>(header);
            outHeader.add("match_rate");
            try (Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                    CSVPrinter printer = CSVFormat.DEFAULT
                            .builder()
                            .setHeader(outHeader.toArray(String[]::new))
                            .get()
                            .print(writer)) {
                for (CSVRecord record : parser) {
                    NameMatcher.Score score = NameMatcher.best(
                            normaliser,
                            record.get("name1"),
                            record.get("name2"),
                            NameNormaliser.Schema.of(record.get("schema")));
                    List<String> values = new ArrayList<>(record.toList());
                    values.add(String.valueOf(score.matchRate()));
                    printer.printRecord(values);
                    rows++;
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("Cannot score " + in + ": " + e.getMessage());
            return 1;
        }
        err.println(rows + " pairs scored into " + target);
        return 0;
    }

    static String usage() {
        return "usage: java -jar openkyc.jar screening score-pairs --in pairs.csv --out scores.csv";
    }
}
