package org.openkyc.screening.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.NameNormaliser.Normalised;
import org.openkyc.screening.matching.NameNormaliser.Schema;

/**
 * An in-memory index of listed names. Every name is normalised once; its words are filed under their spelling, their
 * phonetic key and their one-deletion variants (so a query finds names one or two edits away without comparing with
 * all of them). A search gathers candidates through those keys, drops those the filters exclude, scores the rest
 * with {@link NameMatcher} (words weighted by how rare they are among the listed names), adjusts for birth year,
 * nationality and gender, and returns the best hit per entity. Document numbers and crypto addresses are looked up
 * exactly and match on their own. An index never changes; a new list version builds a new index, swapped in whole.
 */
public final class ScreeningIndex {

    /**
     * A search.
     *
     * @param birthYear the person's year of birth, which raises or lowers a hit's rate
     * @param birthYearFrom with {@code birthYearTo}, a filter: entities born outside are not considered
     * @param countries a filter: entities of none of these countries are not considered (entities without countries
     *     are)
     * @param nationality the person's country, which raises or lowers a hit's rate
     * @param deep consider every candidate sharing any key, not only those sharing a distinctive word
     */
    public record Query(
            String name,
            Schema schema,
            @Nullable Integer birthYear,
            @Nullable Integer birthYearFrom,
            @Nullable Integer birthYearTo,
            List<String> countries,
            @Nullable String nationality,
            @Nullable String gender,
            @Nullable String identifier,
            int minMatchRate,
            int limit,
            boolean deep) {

        public static Query name(String name, Schema schema) {
            return new Query(name, schema, null, null, null, List.of(), null, null, null, 80, 10, false);
        }
    }

    /** A listed entity found, by the name of it that matched best; {@code score} is null for identifier hits. */
    public record Hit(
            ListEntity entity,
            String matchedName,
            int matchRate,
            NameMatcher.@Nullable Score score,
            List<String> adjustments) {

        /** Which words matched how, then the adjustments, as one line. */
        public String explanation() {
            String words = score == null ? "" : score.explanation();
            if (adjustments.isEmpty()) {
                return words;
            }
            return (words.isEmpty() ? "" : words + "; ") + String.join("; ", adjustments);
        }
    }

    private final NameNormaliser normaliser = new NameNormaliser();
    private final List<ListEntity> entities;
    private final int[] entityOf;
    private final Normalised[] names;
    private final int[] distinctiveWords;
    private final Map<String, int[]> postings;
    private final Map<String, Integer> documentFrequency;
    private final Map<String, List<Integer>> identifiers;
    private final double logCount;

    private ScreeningIndex(List<ListEntity> entities) {
        this.entities = List.copyOf(entities);
        List<Integer> owners = new ArrayList<>();
        List<Normalised> all = new ArrayList<>();
        Map<String, List<Integer>> keys = new HashMap<>();
        Map<String, Integer> frequency = new HashMap<>();
        Map<String, List<Integer>> ids = new HashMap<>();
        for (int e = 0; e < entities.size(); e++) {
            ListEntity entity = entities.get(e);
            for (String name : entity.names()) {
                Normalised normalised = normaliser.normalise(name, entity.schema());
                if (normalised.tokens().isEmpty()) {
                    continue;
                }
                int entry = all.size();
                all.add(normalised);
                owners.add(e);
                Set<String> entryKeys = keys(normalised);
                for (String key : entryKeys) {
                    keys.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
                }
                for (Token token : normalised.tokens()) {
                    frequency.merge(token.text(), 1, Integer::sum);
                }
            }
            for (String id : entity.identifiers()) {
                ids.computeIfAbsent(identifier(id), k -> new ArrayList<>()).add(e);
            }
            for (String address : entity.cryptoAddresses()) {
                ids.computeIfAbsent(identifier(address), k -> new ArrayList<>()).add(e);
            }
        }
        this.entityOf = owners.stream().mapToInt(Integer::intValue).toArray();
        this.names = all.toArray(Normalised[]::new);
        this.distinctiveWords = all.stream()
                .mapToInt(n -> (int) n.tokens().stream()
                        .filter(t -> t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.NUMERAL)
                        .count())
                .toArray();
        this.postings = new HashMap<>(keys.size() * 2);
        keys.forEach((key, list) ->
                postings.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        this.documentFrequency = frequency;
        this.identifiers = ids;
        this.logCount = Math.log(all.size() + 1.0);
    }

    public static ScreeningIndex build(List<ListEntity> entities) {
        return new ScreeningIndex(entities);
    }

    public int entities() {
        return entities.size();
    }

    /** A listed entity by its key, {@code SOURCE:id}, if this index holds it. */
    public java.util.Optional<ListEntity> entity(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return java.util.Optional.empty();
        }
        String source = key.substring(0, colon);
        String id = key.substring(colon + 1);
        return entities.stream()
                .filter(e -> e.source().equals(source) && e.id().equals(id))
                .findFirst();
    }

    public int names() {
        return names.length;
    }

    public List<Hit> search(Query query) {
        Map<Integer, Hit> best = new LinkedHashMap<>();
        if (query.identifier() != null && !query.identifier().isBlank()) {
            for (int e : identifiers.getOrDefault(identifier(query.identifier()), List.of())) {
                ListEntity entity = entities.get(e);
                best.put(
                        e,
                        new Hit(
                                entity,
                                entity.name(),
                                100,
                                null,
                                List.of("identifier " + query.identifier() + " is listed")));
            }
        }
        for (String name : NameNormaliser.aliases(query.name())) {
            Normalised normalised = normaliser.normalise(name, query.schema());
            if (normalised.tokens().isEmpty()) {
                continue;
            }
            for (int entry : candidates(normalised, query.deep(), query.minMatchRate())) {
                int e = entityOf[entry];
                ListEntity entity = entities.get(e);
                if (!admitted(entity, query)) {
                    continue;
                }
                NameMatcher.Score score = NameMatcher.score(normalised, names[entry], this::rarity);
                List<String> adjustments = new ArrayList<>();
                int rate = adjusted(score.matchRate(), entity, query, adjustments);
                Hit current = best.get(e);
                if (rate >= query.minMatchRate() && (current == null || rate > current.matchRate())) {
                    best.put(e, new Hit(entity, names[entry].original(), rate, score, adjustments));
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingInt(Hit::matchRate)
                        .reversed()
                        .thenComparing(h -> h.score() == null ? 1.0 : h.score().raw(), Comparator.reverseOrder()))
                .limit(query.limit())
                .toList();
    }

    /** How much a word says, 0.3 to 1: words on many listed names (Mohammed, Ali, trading) say less. */
    double rarity(String word) {
        int frequency = documentFrequency.getOrDefault(word, 0);
        double idf = Math.log((names.length + 1.0) / (frequency + 1.0)) / logCount;
        return Math.max(0.3, Math.min(1.0, 0.3 + idf));
    }

    /**
     * Names sharing keys with the query. Unless the search is deep (or the threshold low), a query with two or more
     * distinctive words only takes names that share keys with at least two of them: one first name in common with a
     * listed alias ("John", "Mohammad") is not a hit on its own.
     */
    private List<Integer> candidates(Normalised query, boolean deep, int minMatchRate) {
        List<Token> tokens = query.tokens();
        Scratch scratch = SCRATCH.get().ready(names.length);
        int distinctive = 0;
        // Spellings may be common (a frequent first name); phonetic keys and deletion variants only count while
        // they are selective, or they would bring thousands of look-alikes.
        int commonLimit = Math.max(2000, names.length / 20);
        int looseLimit = Math.max(300, names.length / 1000);
        for (int w = 0; w < tokens.size(); w++) {
            Token token = tokens.get(w);
            boolean isDistinctive = token.kind() == Token.Kind.NAME || token.kind() == Token.Kind.NUMERAL;
            distinctive += isDistinctive ? 1 : 0;
            int bit = 1 << Math.min(w, 30);
            for (String key : keys(token, tokens.size() == 1 || !isDistinctive)) {
                int[] entries = postings.get(key);
                if (entries == null) {
                    continue;
                }
                int limit = key.startsWith("t:") ? commonLimit : looseLimit;
                if (!deep && entries.length > limit && tokens.size() > 1) {
                    continue;
                }
                for (int entry : entries) {
                    scratch.mark(entry, bit);
                }
            }
        }
        int[] joined = postings.get("t:" + query.joined());
        if (joined != null) {
            for (int entry : joined) {
                scratch.mark(entry, 0x7fffffff);
            }
        }
        int required = !deep && distinctive >= 2 && minMatchRate >= 66 ? 2 : 1;
        int queryWords = Math.max(1, distinctive);
        boolean bounded = !deep && minMatchRate >= 66;
        return scratch.select((entry, bits) -> {
            int hit = Integer.bitCount(bits);
            if (hit >= 31) {
                return true;
            }
            if (hit < required) {
                return false;
            }
            // An upper bound of the blended coverage from word counts alone: names sharing too few words with a
            // long query cannot come near the threshold, so they are not scored.
            double coverQuery = Math.min(1.0, (double) hit / queryWords);
            double coverName = Math.min(1.0, (double) hit / Math.max(1, distinctiveWords[entry]));
            double bound = 0.75 * Math.max(coverQuery, coverName) + 0.25 * Math.min(coverQuery, coverName);
            return !bounded || bound >= 0.7;
        });
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread marks of which query words hit which names, reset by a generation number instead of clearing. */
    private static final class Scratch {
        private int[] generation = new int[0];
        private int[] bits = new int[0];
        private int[] touched = new int[1024];
        private int count;
        private int current;

        Scratch ready(int size) {
            if (generation.length < size) {
                generation = new int[size];
                bits = new int[size];
                current = 0;
            }
            current++;
            count = 0;
            return this;
        }

        void mark(int entry, int bit) {
            if (generation[entry] != current) {
                generation[entry] = current;
                bits[entry] = 0;
                if (count == touched.length) {
                    touched = java.util.Arrays.copyOf(touched, count * 2);
                }
                touched[count++] = entry;
            }
            bits[entry] |= bit;
        }

        List<Integer> select(java.util.function.BiPredicate<Integer, Integer> keep) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (keep.test(touched[i], bits[touched[i]])) {
                    out.add(touched[i]);
                }
            }
            return out;
        }
    }

    /** Spellings, phonetic keys and one-deletion variants of the distinctive words, and the name written together. */
    private static Set<String> keys(Normalised name) {
        Set<String> keys = new HashSet<>();
        boolean distinctive =
                name.tokens().stream().anyMatch(t -> t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.NUMERAL);
        for (Token token : name.tokens()) {
            boolean useful = token.kind() == Token.Kind.NAME
                    || token.kind() == Token.Kind.NUMERAL
                    || (!distinctive && token.kind() != Token.Kind.LEGAL);
            if (useful) {
                keys.addAll(keys(token, true));
            }
        }
        keys.add("t:" + name.joined());
        return keys;
    }

    /** One word's keys: its spelling, its phonetic key and, for names of four letters or more, its deletions. */
    private static List<String> keys(Token token, boolean useful) {
        boolean name = token.kind() == Token.Kind.NAME;
        if (!useful && !name && token.kind() != Token.Kind.NUMERAL) {
            return List.of();
        }
        String text = token.text();
        List<String> keys = new ArrayList<>();
        keys.add("t:" + text);
        if (!token.phonetic().isEmpty()) {
            keys.add("p:" + token.phonetic());
        }
        if (name && text.length() >= 4) {
            keys.add("d:" + text);
            for (int i = 0; i < text.length(); i++) {
                keys.add("d:" + text.substring(0, i) + text.substring(i + 1));
            }
        }
        return keys;
    }

    private static boolean admitted(ListEntity entity, Query query) {
        boolean queryPerson = query.schema() == Schema.PERSON;
        boolean entityPerson = entity.schema() == Schema.PERSON;
        if (query.schema() != Schema.ANY && entity.schema() != Schema.ANY && queryPerson != entityPerson) {
            return false;
        }
        if (!query.countries().isEmpty()
                && !entity.countries().isEmpty()
                && entity.countries().stream().noneMatch(query.countries()::contains)) {
            return false;
        }
        if (query.birthYearFrom() != null
                && query.birthYearTo() != null
                && !entity.birthYears().isEmpty()) {
            return entity.birthYears().stream().anyMatch(y -> y >= query.birthYearFrom() && y <= query.birthYearTo());
        }
        return true;
    }

    /** The name's rate, raised or lowered by what else is known of the person. */
    private static int adjusted(int rate, ListEntity entity, Query query, List<String> adjustments) {
        int adjusted = rate;
        List<Integer> years = entity.birthYears();
        if (query.birthYear() != null && !years.isEmpty()) {
            int nearest = years.stream()
                    .min(Comparator.comparingInt(y -> Math.abs(y - query.birthYear())))
                    .orElseThrow();
            int gap = Math.abs(nearest - query.birthYear());
            if (gap == 0) {
                adjusted += 5;
                adjustments.add("born " + nearest + " as listed (+5)");
            } else if (gap > 1) {
                adjusted -= 20;
                adjustments.add("born " + query.birthYear() + ", listed " + years + " (-20)");
            }
        }
        if (query.nationality() != null && !entity.countries().isEmpty()) {
            String nationality = query.nationality().toUpperCase(Locale.ROOT);
            if (entity.countries().contains(nationality)) {
                adjusted += 3;
                adjustments.add("country " + nationality + " as listed (+3)");
            } else {
                adjusted -= 5;
                adjustments.add("country " + nationality + ", listed " + entity.countries() + " (-5)");
            }
        }
        if (query.gender() != null
                && entity.gender() != null
                && !query.gender()
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .startsWith(entity.gender().substring(0, 1))) {
            adjusted -= 15;
            adjustments.add("gender " + query.gender() + ", listed " + entity.gender() + " (-15)");
        }
        return Math.max(0, Math.min(100, adjusted));
    }

    private static String identifier(String value) {
        return value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
