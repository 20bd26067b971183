package org.openkyc.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.matching.ChangeCandidates;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.ScreeningIndex;

/**
 * Re-screening a million monitored applicants after a list update, as {@code AmlMonitoring} does it. Only the new or
 * changed entries need screening against the applicants, so the applicants are indexed (once, then kept) and each
 * changed entry gathers candidates from them ({@link ChangeCandidates}); each candidate is then screened as usual
 * against the lists, keeping the hits on changed entries. For comparison, the same applicants screened one by one against the whole lists (timed on a sample and
 * scaled up).
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx8g -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openkyc.bench.RescreenBenchmark \
 *   --applicants 1000000
 * </pre>
 */
public final class RescreenBenchmark {

    private RescreenBenchmark() {}

    public static void main(String[] args) throws Exception {
        int applicants = args.length >= 2 && args[0].equals("--applicants") ? Integer.parseInt(args[1]) : 1_000_000;
        Path sanctions = Path.of("../shared/data/sanctions");
        List<ListEntity> lists = ListFiles.read(sanctions).entities();
        // The update: a list that was not loaded before (the OFAC consolidated non-SDN list, 442 entries).
        List<ListEntity> update =
                lists.stream().filter(e -> e.source().equals("OFAC_CONS")).toList();
        SyntheticNames names = new SyntheticNames(7);
        List<ListEntity> people = names.entities(applicants, "APPLICANT");

        long started = System.nanoTime();
        ScreeningIndex monitored = ScreeningIndex.build(people);
        double buildSeconds = (System.nanoTime() - started) / 1e9;

        ScreeningIndex all = ScreeningIndex.build(lists);
        Set<String> changedKeys = new HashSet<>();
        update.forEach(e -> changedKeys.add(e.key()));
        Map<String, ListEntity> byId = new HashMap<>();
        people.forEach(p -> byId.put(p.id(), p));

        started = System.nanoTime();
        Set<String> candidates = ChangeCandidates.of(monitored, update);
        double candidateSeconds = (System.nanoTime() - started) / 1e9;
        long hits = 0;
        for (String candidate : candidates) {
            ListEntity person = byId.get(candidate);
            hits += all.search(ScreeningIndex.Query.name(person.name(), person.schema())).stream()
                    .filter(hit -> changedKeys.contains(hit.entity().key()))
                    .count();
        }
        double deltaSeconds = (System.nanoTime() - started) / 1e9;

        int sample = Math.min(20_000, applicants);
        started = System.nanoTime();
        for (int i = 0; i < sample; i++) {
            ListEntity person = people.get(i);
            all.search(ScreeningIndex.Query.name(person.name(), person.schema()));
        }
        double perPerson = (System.nanoTime() - started) / 1e9 / sample;

        System.out.printf(
                Locale.ROOT,
                "%,d applicants indexed in %.1f s; %d changed entries (%d names) screened against them in %.2f s:"
                        + " %d candidates in %.2f s, confirmed by screening each as usual, %d hits at 80%n",
                applicants,
                buildSeconds,
                update.size(),
                update.stream().mapToInt(e -> e.names().size()).sum(),
                deltaSeconds,
                candidates.size(),
                candidateSeconds,
                hits);
        System.out.printf(
                Locale.ROOT,
                "Screening every applicant against all %,d listed entities instead: %.3f ms each, %.0f s for %,d"
                        + " (on one thread)%n",
                all.entities(),
                perPerson * 1000,
                perPerson * applicants,
                applicants);
    }
}
