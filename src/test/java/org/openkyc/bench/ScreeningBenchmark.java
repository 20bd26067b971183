package org.openkyc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openkyc.screening.lists.ListFiles;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.PairQualityFiles;
import org.openkyc.screening.matching.ScreeningIndex;
import org.openkyc.screening.matching.Similarity;

/**
 * One screening query, single-threaded, against every list in {@code ../shared/data/sanctions} ({@code lists}) and
 * against one million synthetic names ({@code million}), next to a brute-force Jaro-Winkler scan over the same names
 * as the baseline. Queries alternate between listed people (UN positives) and people on no list. Index build time
 * and heap are printed at setup.
 *
 * <pre>
 * ./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.openjdk.jmh.Main ScreeningBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx6g", "-XX:+UseParallelGC"})
public class ScreeningBenchmark {

    @Param({"lists", "million"})
    public String names;

    private ScreeningIndex index;
    private String[] joined;
    private final List<String> queries = new ArrayList<>();
    private final NameNormaliser normaliser = new NameNormaliser();
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        List<ListEntity> entities = names.equals("lists")
                ? ListFiles.read(Path.of("../shared/data/sanctions")).entities()
                : new SyntheticNames(1).entities(1_000_000, "SYNTHETIC");
        System.gc();
        long heapBefore =
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long started = System.nanoTime();
        index = ScreeningIndex.build(entities);
        long buildMillis = (System.nanoTime() - started) / 1_000_000;
        System.gc();
        long heapAfter =
                Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        System.out.printf(
                "%n%s: %d entities, %d names; index built in %d ms, about %d MB of heap%n",
                names, index.entities(), index.names(), buildMillis, (heapAfter - heapBefore) / (1024 * 1024));
        List<String> all = new ArrayList<>();
        for (ListEntity entity : entities) {
            for (String name : entity.names()) {
                all.add(normaliser.normalise(name, entity.schema()).joined());
            }
        }
        joined = all.toArray(String[]::new);
        Path people = Path.of("../shared/data/name-matching");
        List<Map<String, String>> positives = PairQualityFiles.read(people.resolve("positives_un_untreated.csv"));
        List<Map<String, String>> negatives = PairQualityFiles.read(people.resolve("negatives_us.csv"));
        for (int i = 0; i < 500; i++) {
            queries.add(positives.get(i % positives.size()).get("full_name"));
            queries.add(negatives.get(i * 97 % negatives.size()).get("full_name"));
        }
    }

    @Benchmark
    public List<ScreeningIndex.Hit> indexed() {
        String name = queries.get(next++ % queries.size());
        return index.search(ScreeningIndex.Query.name(name, NameNormaliser.Schema.PERSON));
    }

    /** The baseline: every name compared with the query by Jaro-Winkler on the normalised names. */
    @Benchmark
    public double bruteForceJaroWinkler() {
        String query = normaliser
                .normalise(queries.get(next++ % queries.size()), NameNormaliser.Schema.PERSON)
                .joined();
        double best = 0;
        for (String name : joined) {
            best = Math.max(best, Similarity.jaroWinkler(query, name));
        }
        return best;
    }
}
