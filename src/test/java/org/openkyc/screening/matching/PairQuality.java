package org.openkyc.screening.matching;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Quality measures over labelled pairs: ROC AUC and F1 at a threshold, overall and per group. */
final class PairQuality {

    static List<Map<String, String>> read(Path file) throws IOException {
        return PairQualityFiles.read(file);
    }

    /** A scored pair: {@code score} ranks (for AUC), {@code rate} is held to the threshold (for F1). */
    record Scored(String group, boolean match, double score, int rate) {}

    record Measures(int pairs, double auc, double f1, double precision, double recall) {}

    static Measures measure(List<Scored> scored, double threshold) {
        List<Scored> sorted = new ArrayList<>(scored);
        sorted.sort(Comparator.comparingDouble(Scored::score));
        long positives = scored.stream().filter(Scored::match).count();
        long negatives = scored.size() - positives;
        // AUC by ranks, ties counted half.
        double rankSum = 0;
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size()
                    && sorted.get(j + 1).score() == sorted.get(i).score()) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (sorted.get(k).match()) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        double auc = positives == 0 || negatives == 0
                ? Double.NaN
                : (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
        long tp =
                scored.stream().filter(s -> s.match() && s.rate() >= threshold).count();
        long fp =
                scored.stream().filter(s -> !s.match() && s.rate() >= threshold).count();
        long fn = positives - tp;
        double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double recall = positives == 0 ? 0 : (double) tp / positives;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Measures(scored.size(), auc, f1, precision, recall);
    }

    static Map<String, Measures> byGroup(List<Scored> scored, double threshold, Function<Scored, String> group) {
        Map<String, List<Scored>> groups = new LinkedHashMap<>();
        for (Scored s : scored) {
            groups.computeIfAbsent(group.apply(s), g -> new ArrayList<>()).add(s);
        }
        Map<String, Measures> out = new LinkedHashMap<>();
        groups.forEach((g, list) -> out.put(g, measure(list, threshold)));
        return out;
    }
}
