package org.openkyc.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.ScreeningIndex;

/**
 * Re-screening a million monitored applicants after a list update. Only the new or changed entries need screening
 * against the applicants, so the applicants are indexed (once, then kept) and each changed entry is one query against
 * them; for comparison, the same applicants screened one by one against the whole lists (timed on a sample and
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

        started = System.nanoTime();
        long hits = 0;
        for (ListEntity entry : update) {
            for (String name : entry.names()) {
                ScreeningIndex.Query query = new ScreeningIndex.Query(
                        name, entry.schema(), null, null, null, List.of(), null, null, null, 80, 1000, false);
                hits += monitored.search(query).size();
            }
        }
        double deltaSeconds = (System.nanoTime() - started) / 1e9;

        ScreeningIndex all = ScreeningIndex.build(lists);
        int sample = Math.min(20_000, applicants);
        started = System.nanoTime();
        for (int i = 0; i < sample; i++) {
            ListEntity person = people.get(i);
            all.search(ScreeningIndex.Query.name(person.name(), person.schema()));
        }
        double perPerson = (System.nanoTime() - started) / 1e9 / sample;

        System.out.printf(
                Locale.ROOT,
                "%,d applicants indexed in %.1f s; %d changed entries (%d names) screened against them in %.2f s,"
                        + " %d hits at 80%n",
                applicants,
                buildSeconds,
                update.size(),
                update.stream().mapToInt(e -> e.names().size()).sum(),
                deltaSeconds,
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
