package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.lists.UnConsolidatedList;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.PairQualityFiles;
import org.openkyc.screening.matching.ScreeningIndex;
import org.openkyc.screening.matching.Token;

/**
 * Screening with every list in {@code ../shared/data/sanctions} loaded: the people of the UN Security Council list,
 * as a screening query gives them, find their entity first; 50,000 synthetic people who are on no list raise few
 * alerts at match rate 80.
 */
class UnScreeningTest {

    static final Path UN = Path.of("../shared/data/sanctions/un_sc/UN_consolidated.xml");
    static final Path PEOPLE = Path.of("../shared/data/name-matching");

    private static ScreeningIndex index;
    private static List<ListEntity> entities;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = Files.newInputStream(UN)) {
            entities = UnConsolidatedList.read(in);
        }
        long started = System.nanoTime();
        index = ScreeningIndex.build(ListFiles.read(UN.getParent().getParent()).entities());
        System.out.printf(
                "All lists: %d entities, %d names, indexed in %d ms%n",
                index.entities(), index.names(), (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void theListIsReadWhole() {
        assertThat(entities).hasSize(1003);
        assertThat(entities.stream().filter(e -> e.schema() == NameNormaliser.Schema.PERSON))
                .hasSize(730);
        ListEntity badege = entities.stream()
                .filter(e -> e.id().equals("6907993"))
                .findFirst()
                .orElseThrow();
        assertThat(badege.name()).isEqualTo("ERIC BADEGE");
        assertThat(badege.birthYears()).containsExactly(1971);
        assertThat(badege.countries()).containsExactly("CD");
        assertThat(badege.gender()).isEqualTo("male");
    }

    @Test
    void listedPeopleFindTheirEntityFirst() throws Exception {
        NameNormaliser normaliser = new NameNormaliser();
        Map<Set<String>, Set<String>> byWords = new HashMap<>();
        for (ListEntity entity : entities) {
            for (String name : entity.names()) {
                byWords.computeIfAbsent(words(normaliser, name), w -> new HashSet<>())
                        .add(entity.id());
            }
        }
        int judged = 0;
        int first = 0;
        StringBuilder misses = new StringBuilder();
        for (Map<String, String> person : PairQualityFiles.read(PEOPLE.resolve("positives_un_untreated.csv"))) {
            String name = person.get("full_name");
            Set<String> words = words(normaliser, name);
            Set<String> truth = byWords.getOrDefault(words, Set.of());
            if (truth.isEmpty()) {
                continue;
            }
            judged++;
            List<ScreeningIndex.Hit> hits = index.search(query(person, 0));
            // First: the UN entity has the top rate (the same person on another list may share it).
            int top = hits.isEmpty() ? -1 : hits.getFirst().matchRate();
            boolean found = hits.stream()
                    .anyMatch(h -> h.matchRate() == top
                            && h.entity().source().equals(UnConsolidatedList.SOURCE)
                            && truth.contains(h.entity().id()));
            if (found) {
                first++;
            } else {
                misses.append(name)
                        .append(" -> ")
                        .append(hits.isEmpty() ? "nothing" : hits.getFirst().matchedName())
                        .append('\n');
            }
        }
        System.out.printf(
                "UN positives: %d of %d find their entity first (%.1f %%)%n%s",
                first, judged, 100.0 * first / judged, misses);
        assertThat(judged).isGreaterThan(600);
        assertThat((double) first / judged).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void peopleOnNoListRaiseFewAlerts() throws Exception {
        // The first 10,000 of the 50,000 keep the suite quick; the README quotes all of them (ScreeningBenchmark).
        List<Map<String, String>> people =
                PairQualityFiles.read(PEOPLE.resolve("negatives_us.csv")).subList(0, 10_000);
        int alerted = 0;
        long started = System.nanoTime();
        for (Map<String, String> person : people) {
            if (!index.search(query(person, 80)).isEmpty()) {
                alerted++;
            }
        }
        double millis = (System.nanoTime() - started) / 1e6;
        System.out.printf(
                "Negatives: %d of %d people alerted at match rate 80 (%.2f per 1,000); %.3f ms a query%n",
                alerted, people.size(), 1000.0 * alerted / people.size(), millis / people.size());
        assertThat(1000.0 * alerted / people.size()).isLessThan(12);
    }

    private static ScreeningIndex.Query query(Map<String, String> person, int minRate) {
        String birth = person.getOrDefault("date_of_birth", "");
        String nationality = person.getOrDefault("nationality", "");
        return new ScreeningIndex.Query(
                person.get("full_name"),
                NameNormaliser.Schema.PERSON,
                birth.length() >= 4 ? Integer.valueOf(birth.substring(0, 4)) : null,
                null,
                null,
                List.of(),
                nationality.length() == 2 ? nationality.toUpperCase(Locale.ROOT) : null,
                person.getOrDefault("gender", "").isBlank() ? null : person.get("gender"),
                null,
                minRate,
                10,
                false);
    }

    private static Set<String> words(NameNormaliser normaliser, String name) {
        return normaliser.normalise(name, NameNormaliser.Schema.PERSON).tokens().stream()
                .map(Token::text)
                .collect(Collectors.toSet());
    }
}
