package org.openkyc.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.PairQualityFiles;

/**
 * People with made-up names for benchmarks: given, middle and family names drawn at random from the 50,000 synthetic
 * people of {@code ../shared/data/name-matching/negatives_us.csv} (names of many origins and scripts).
 */
final class SyntheticNames {

    static final Path PEOPLE = Path.of("../shared/data/name-matching/negatives_us.csv");

    private final List<String> given = new ArrayList<>();
    private final List<String> family = new ArrayList<>();
    private final Random random;

    SyntheticNames(long seed) throws IOException {
        for (Map<String, String> person : PairQualityFiles.read(PEOPLE)) {
            if (!person.get("first_name").isBlank()) {
                given.add(person.get("first_name"));
            }
            if (!person.get("last_name").isBlank()) {
                family.add(person.get("last_name"));
            }
        }
        this.random = new Random(seed);
    }

    String next() {
        String first = given.get(random.nextInt(given.size()));
        String last = family.get(random.nextInt(family.size()));
        return random.nextInt(3) == 0
                ? first + " " + given.get(random.nextInt(given.size())) + " " + last
                : first + " " + last;
    }

    /** {@code count} people as list entities (for indexing applicants, or a synthetic list). */
    List<ListEntity> entities(int count, String source) {
        List<ListEntity> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(new ListEntity(
                    source + "-" + i,
                    source,
                    ListEntity.ListType.WATCHLIST,
                    NameNormaliser.Schema.PERSON,
                    List.of(next()),
                    List.of(),
                    List.of(String.valueOf(1940 + random.nextInt(65))),
                    List.of(),
                    null,
                    List.of(),
                    List.of()));
        }
        return out;
    }
}
