package org.openkyc.screening;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.openkyc.screening.lists.Countries;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.ScreeningIndex;

/**
 * {@code screening screen --lists DIR --in people.csv --out hits.csv [--min-match-rate 80]}: screens people against
 * every list found in a folder. The input has {@code full_name} and optionally {@code date_of_birth},
 * {@code nationality} (a country name or code) and {@code gender}; the output has one row per hit. Files that cannot
 * be read are named on standard error with why, as are malformed rows skipped and entities two files share.
 */
public final class ScreenCommand {

    private ScreenCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path lists = null;
        Path in = null;
        Path target = null;
        int minRate = 80;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--lists" -> lists = Path.of(args[++i]);
                    case "--in" -> in = Path.of(args[++i]);
                    case "--out" -> target = Path.of(args[++i]);
                    case "--min-match-rate" -> minRate = Integer.parseInt(args[++i]);
                    case "--help", "-h" -> {
                        out.println(usage());
                        return 0;
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
            }
        } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
            err.println((e.getMessage() == null ? "" : e.getMessage() + "\n") + usage());
            return 2;
        }
        if (lists == null || in == null || target == null || minRate < 0 || minRate > 100) {
            err.println(usage());
            return 2;
        }
        long started = System.nanoTime();
        ScreeningIndex index;
        try {
            ListFiles.Loaded loaded = ListFiles.read(lists);
            loaded.problems().forEach(problem -> err.println("Skipped: " + problem));
            loaded.notes().forEach(note -> err.println("Note: " + note));
            if (loaded.skippedRows() > 0) {
                err.printf("%d malformed rows skipped in all%n", loaded.skippedRows());
            }
            index = ScreeningIndex.build(loaded.entities());
        } catch (IOException e) {
            err.println("Cannot load the lists: " + e.getMessage());
            return 1;
        }
        err.printf(
                "%d entities, %d names indexed in %d ms%n",
                index.entities(), index.names(), (System.nanoTime() - started) / 1_000_000);
        int people = 0;
        int hits = 0;
        try (Reader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(reader);
                Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.DEFAULT
                        .builder()
                        .setHeader(
                                "row",
                                "full_name",
                                "entity_id",
                                "source",
                                "list_type",
                                "matched_name",
                                "match_rate",
                                "explanation")
                        .get()
                        .print(writer)) {
            if (!parser.getHeaderNames().contains("full_name")) {
                err.println(in + " has no column full_name");
                return 1;
            }
            for (CSVRecord person : parser) {
                people++;
                for (ScreeningIndex.Hit hit : index.search(query(person, minRate))) {
                    printer.printRecord(
                            person.getRecordNumber(),
                            person.get("full_name"),
                            hit.entity().id(),
                            hit.entity().source(),
                            hit.entity().listType(),
                            hit.matchedName(),
                            hit.matchRate(),
                            hit.explanation());
                    hits++;
                }
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            err.println("Cannot screen " + in + ": " + e.getMessage());
            return 1;
        }
        err.printf("%d people screened, %d hits at match rate %d or more%n", people, hits, minRate);
        return 0;
    }

    private static ScreeningIndex.Query query(CSVRecord person, int minRate) {
        String birth = value(person, "date_of_birth");
        String nationality = value(person, "nationality");
        String gender = value(person, "gender");
        return new ScreeningIndex.Query(
                person.get("full_name"),
                NameNormaliser.Schema.PERSON,
                birth.length() >= 4 && birth.substring(0, 4).chars().allMatch(Character::isDigit)
                        ? Integer.valueOf(birth.substring(0, 4))
                        : null,
                null,
                null,
                List.of(),
                nationality.isBlank() ? null : Countries.code(nationality).orElse(null),
                gender.isBlank() ? null : gender,
                null,
                minRate,
                10,
                false);
    }

    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column)
                ? record.get(column).strip()
                : "";
    }

    static String usage() {
        return "usage: java -jar openkyc.jar screening screen --lists DIR --in people.csv --out hits.csv"
                + " [--min-match-rate 80]";
    }
}
