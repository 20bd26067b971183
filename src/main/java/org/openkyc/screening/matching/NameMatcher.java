package org.openkyc.screening.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.openkyc.screening.matching.NameNormaliser.Normalised;

/**
 * Compares two normalised names. Words are aligned one to one, best pairs first, in any order; each pair scores by
 * its similarity (exact, a typo by edit distance or Jaro-Winkler, the same sound by Double Metaphone, an initial for
 * its name), numerals only when equal. Each word counts by its role and, when an index knows it, its rarity. The
 * raw score blends how much of each name is covered (the fuller side counts more, so an extra middle name costs
 * less than a different one), and falls when both names keep a distinctive word unmatched or their numerals differ.
 * {@link MatchRate} turns it into a 0-100 match rate; every score says which words matched how.
 */
public final class NameMatcher {

    /** Below this, two words are not aligned at all. */
    static final double MIN_WORD_SIMILARITY = 0.7;

    /** Two aligned words: how alike and why. */
    public record Pair(String query, String candidate, double similarity, String how) {}

    /**
     * A comparison.
     *
     * @param raw the blended coverage, 0 to 1
     * @param matchRate the calibrated match rate, 0 to 100
     */
    public record Score(
            double raw, int matchRate, List<Pair> pairs, List<String> unmatchedQuery, List<String> unmatchedCandidate) {

        /** In words, for reviewers: which words matched how, and which did not. */
        public String explanation() {
            StringBuilder out = new StringBuilder();
            for (Pair pair : pairs) {
                if (!out.isEmpty()) {
                    out.append("; ");
                }
                out.append(pair.query())
                        .append(pair.query().equals(pair.candidate()) ? "" : " ~ " + pair.candidate())
                        .append(" (")
                        .append(pair.how())
                        .append(String.format(Locale.ROOT, " %.0f%%", pair.similarity() * 100))
                        .append(')');
            }
            if (!unmatchedQuery.isEmpty()) {
                out.append(out.isEmpty() ? "" : "; ")
                        .append("only in the query: ")
                        .append(String.join(" ", unmatchedQuery));
            }
            if (!unmatchedCandidate.isEmpty()) {
                out.append(out.isEmpty() ? "" : "; ")
                        .append("only in the listed name: ")
                        .append(String.join(" ", unmatchedCandidate));
            }
            return out.toString();
        }
    }

    private static final ToDoubleFunction<String> EVERY_WORD_ALIKE = word -> 1.0;

    private NameMatcher() {}

    public static Score score(Normalised query, Normalised candidate) {
        return score(query, candidate, EVERY_WORD_ALIKE);
    }

    /** Two names as written, each possibly holding aliases ({@link NameNormaliser#aliases}): the best pair of them. */
    public static Score best(NameNormaliser normaliser, String query, String candidate, NameNormaliser.Schema schema) {
        Score best = null;
        for (String q : NameNormaliser.aliases(query)) {
            for (String c : NameNormaliser.aliases(candidate)) {
                Score score = score(normaliser.normalise(q, schema), normaliser.normalise(c, schema));
                if (best == null || score.raw() > best.raw()) {
                    best = score;
                }
            }
        }
        return best != null
                ? best
                : score(normaliser.normalise(query, schema), normaliser.normalise(candidate, schema));
    }

    /** @param rarity a factor (0 to 1) for each word: 1 for rare words, less for common ones */
    public static Score score(Normalised query, Normalised candidate, ToDoubleFunction<String> rarity) {
        List<Token> q = query.tokens();
        List<Token> c = candidate.tokens();
        if (q.isEmpty() || c.isEmpty()) {
            return new Score(0, 0, List.of(), words(q), words(c));
        }
        List<double[]> options = new ArrayList<>();
        String[][] how = new String[q.size()][c.size()];
        for (int i = 0; i < q.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                String[] reason = new String[1];
                double s = similarity(q.get(i), c.get(j), reason);
                if (s >= MIN_WORD_SIMILARITY) {
                    options.add(new double[] {s, i, j});
                    how[i][j] = reason[0];
                }
            }
        }
        options.sort(Comparator.comparingDouble((double[] o) -> -o[0]));
        boolean[] usedQ = new boolean[q.size()];
        boolean[] usedC = new boolean[c.size()];
        List<Pair> pairs = new ArrayList<>();
        double matched = 0;
        for (double[] option : options) {
            int i = (int) option[1];
            int j = (int) option[2];
            if (usedQ[i] || usedC[j]) {
                continue;
            }
            usedQ[i] = true;
            usedC[j] = true;
            double weight = (weight(q.get(i), rarity) + weight(c.get(j), rarity)) / 2;
            matched += option[0] * weight;
            pairs.add(new Pair(q.get(i).text(), c.get(j).text(), option[0], how[i][j]));
        }
        double totalQ = 0;
        double totalC = 0;
        boolean distinctiveLeftQ = false;
        boolean distinctiveLeftC = false;
        List<String> leftQ = new ArrayList<>();
        List<String> leftC = new ArrayList<>();
        for (int i = 0; i < q.size(); i++) {
            totalQ += weight(q.get(i), rarity);
            if (!usedQ[i]) {
                leftQ.add(q.get(i).text());
                distinctiveLeftQ |= distinctive(q.get(i));
            }
        }
        for (int j = 0; j < c.size(); j++) {
            totalC += weight(c.get(j), rarity);
            if (!usedC[j]) {
                leftC.add(c.get(j).text());
                distinctiveLeftC |= distinctive(c.get(j));
            }
        }
        double coverQ = Math.min(1, matched / totalQ);
        double coverC = Math.min(1, matched / totalC);
        double raw = 0.75 * Math.max(coverQ, coverC) + 0.25 * Math.min(coverQ, coverC);
        if (distinctiveLeftQ && distinctiveLeftC) {
            // Both names keep a word of their own: another person or business of the same family or sector.
            raw *= 0.8;
        }
        if (numeralsDiffer(q, c)) {
            raw *= 0.7;
        }
        // Names run together ("SiemensAG", "SergeiLavrov") compare as whole strings too.
        if (!query.joined().isEmpty() && !candidate.joined().isEmpty() && (q.size() != c.size())) {
            double joined = Similarity.levenshtein(query.joined(), candidate.joined());
            if (joined >= 0.9 && joined * 0.97 > raw) {
                raw = joined * 0.97;
                pairs = List.of(new Pair(query.joined(), candidate.joined(), joined, "written together"));
                leftQ = List.of();
                leftC = List.of();
            }
        }
        return new Score(raw, MatchRate.of(raw), pairs, leftQ, leftC);
    }

    private static double weight(Token token, ToDoubleFunction<String> rarity) {
        return token.kind().weight * rarity.applyAsDouble(token.text());
    }

    private static boolean distinctive(Token token) {
        return token.kind() == Token.Kind.NAME || token.kind() == Token.Kind.NUMERAL;
    }

    private static boolean numeralsDiffer(List<Token> q, List<Token> c) {
        List<String> nq = q.stream()
                .filter(t -> t.kind() == Token.Kind.NUMERAL)
                .map(Token::text)
                .toList();
        List<String> nc = c.stream()
                .filter(t -> t.kind() == Token.Kind.NUMERAL)
                .map(Token::text)
                .toList();
        return !nq.isEmpty() && !nc.isEmpty() && nq.stream().noneMatch(nc::contains);
    }

    /** How alike two words are, 0 to 1, and why (in {@code how[0]}). */
    static double similarity(Token a, Token b, String[] how) {
        if (a.text().equals(b.text())) {
            how[0] = "exact";
            return 1;
        }
        if (a.kind() == Token.Kind.NUMERAL || b.kind() == Token.Kind.NUMERAL) {
            return 0;
        }
        if (a.kind() == Token.Kind.LEGAL || b.kind() == Token.Kind.LEGAL) {
            return 0;
        }
        if (a.kind() == Token.Kind.INITIAL || b.kind() == Token.Kind.INITIAL) {
            String longer = a.text().length() >= b.text().length() ? a.text() : b.text();
            String shorter = longer == a.text() ? b.text() : a.text();
            how[0] = "initial";
            return shorter.length() == 1 && longer.charAt(0) == shorter.charAt(0) ? 0.8 : 0;
        }
        // One slip is a typo; two are a typo in a long word; beyond that, likely another name.
        int distance = Similarity.distance(a.text(), b.text());
        int length = Math.max(a.text().length(), b.text().length());
        double edit = Similarity.levenshtein(a.text(), b.text());
        if (distance == 1) {
            edit = length >= 6 ? 0.92 : length == 5 ? 0.86 : Math.max(edit, length == 4 ? 0.8 : 0);
        } else if (distance == 2 && length >= 7) {
            edit = 0.8;
        }
        double jw = Similarity.jaroWinkler(a.text(), b.text()) - 0.15;
        double s = Math.max(edit, jw);
        how[0] = "spelling";
        if (!a.phonetic().isEmpty() && a.phonetic().equals(b.phonetic()) && 0.88 > s && edit >= 0.55) {
            s = 0.88;
            how[0] = "sound";
        }
        return s;
    }

    private static List<String> words(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }
}
