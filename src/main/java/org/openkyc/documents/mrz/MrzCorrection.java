package org.openkyc.documents.mrz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns what OCR read off a document into a machine-readable zone: finds the lines that make one, brings them to the
 * layout's length, puts letters where the layout has letters and digits where it has digits, and then lets the check
 * digits choose among the characters OCR confuses (O and 0, B and 8, S and 5, …). Only one character per check digit
 * is changed, only where that check digit fails, and only when one change is better than every other; a zone that
 * still fails keeps its misreading and stays invalid.
 */
public final class MrzCorrection {

    /** The outcome: the lines chosen, as read and as corrected, and the zone parsed from them (if they make one). */
    public record Result(
            List<String> read,
            List<String> corrected,
            @Nullable Mrz mrz) {}

    // Per position: A letter (or filler), N digit, X letter or digit, S sex, C a check digit (or filler).
    private static final Map<String, String[]> TEMPLATES = Map.of(
            "TD1",
            new String[] {
                "AAAAA" + "X".repeat(9) + "C" + "X".repeat(15),
                "NNNNNNCSNNNNNNCAAA" + "X".repeat(11) + "C",
                "A".repeat(30)
            },
            "TD2",
            new String[] {"A".repeat(36), "X".repeat(9) + "CAAANNNNNNCSNNNNNNC" + "X".repeat(7) + "C"},
            "TD3",
            new String[] {"A".repeat(44), "X".repeat(9) + "CAAANNNNNNCSNNNNNNC" + "X".repeat(14) + "CC"},
            "MRVA",
            new String[] {"A".repeat(44), "X".repeat(9) + "CAAANNNNNNCSNNNNNNC" + "X".repeat(16)},
            "MRVB",
            new String[] {"A".repeat(36), "X".repeat(9) + "CAAANNNNNNCSNNNNNNC" + "X".repeat(8)});

    // Check digits as {line, from, to (exclusive), line of digit, digit position}; composite ones list several spans.
    private static final Map<String, int[][][]> CHECKS = Map.of(
            "TD1",
            new int[][][] {
                {{0, 5, 14}, {0, 14}},
                {{1, 0, 6}, {1, 6}},
                {{1, 8, 14}, {1, 14}},
                {{0, 5, 30}, {1, 0, 7}, {1, 8, 15}, {1, 18, 29}, {1, 29}}
            },
            "TD2",
            new int[][][] {
                {{1, 0, 9}, {1, 9}},
                {{1, 13, 19}, {1, 19}},
                {{1, 21, 27}, {1, 27}},
                {{1, 0, 10}, {1, 13, 20}, {1, 21, 35}, {1, 35}}
            },
            "TD3",
            new int[][][] {
                {{1, 0, 9}, {1, 9}},
                {{1, 13, 19}, {1, 19}},
                {{1, 21, 27}, {1, 27}},
                {{1, 28, 42}, {1, 42}},
                {{1, 0, 10}, {1, 13, 20}, {1, 21, 43}, {1, 43}}
            },
            "MRVA",
            new int[][][] {{{1, 0, 9}, {1, 9}}, {{1, 13, 19}, {1, 19}}, {{1, 21, 27}, {1, 27}}},
            "MRVB",
            new int[][][] {{{1, 0, 9}, {1, 9}}, {{1, 13, 19}, {1, 19}}, {{1, 21, 27}, {1, 27}}});

    private static final Map<Character, Character> TO_LETTER = pairs("0O 1I 2Z 4A 5S 6G 8B 7T 3B");
    private static final Map<Character, Character> TO_DIGIT = pairs("O0 Q0 D0 U0 C0 I1 L1 J1 Z2 S5 B8 G6 T7 A4 Y7 E8");
    // Characters OCR takes for one another, each set in order of likelihood.
    private static final String[] CONFUSED = {"0OQDU", "1IL7T", "2Z", "5S6", "8B6E3", "6G", "4A", "9", "3"};
    // Digits printed in OCR-B that OCR takes for one another, by digit.
    private static final String[] DIGIT_CONFUSIONS = {"689", "74", "7", "859", "1", "63", "580", "12", "0369", "083"};

    private MrzCorrection() {}

    /** Reads the zone out of OCR text: any lines, the zone's among them. */
    public static Result correct(String ocrText) {
        List<String> lines = new ArrayList<>();
        for (String raw : ocrText.split("\\R")) {
            String line = clean(raw);
            if (line.length() >= 24) {
                lines.add(line);
            }
        }
        Result best = new Result(List.copyOf(lines), List.of(), null);
        int bestScore = -1;
        for (int size = 3; size >= 2; size--) {
            for (int start = 0; start + size <= lines.size(); start++) {
                List<String> group = lines.subList(start, start + size);
                for (String format : formats(group)) {
                    List<String> fixed = fix(group, format);
                    if (fixed == null) {
                        continue;
                    }
                    Mrz mrz;
                    try {
                        mrz = Mrz.parse(String.join("\n", fixed));
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    int score =
                            (int) mrz.checks().stream().filter(Mrz.Check::ok).count() * 10
                                    + (mrz.valid() ? 100 : 0)
                                    - mrz.problems().size();
                    if (score > bestScore) {
                        bestScore = score;
                        best = new Result(List.copyOf(group), fixed, mrz);
                    }
                }
            }
        }
        return best;
    }

    static String clean(String raw) {
        StringBuilder out = new StringBuilder();
        for (char c : raw.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<') {
                out.append(c);
            } else if (c == '«' || c == '‹' || c == '≤') {
                out.append('<');
            }
        }
        return out.toString();
    }

    private static List<String> formats(List<String> group) {
        double mean = group.stream().mapToInt(String::length).average().orElse(0);
        List<String> out = new ArrayList<>();
        if (group.size() == 3 && Math.abs(mean - 30) <= 3) {
            out.add("TD1");
        }
        if (group.size() == 2 && Math.abs(mean - 44) <= 3) {
            out.add(group.getFirst().startsWith("V") ? "MRVA" : "TD3");
        }
        if (group.size() == 2 && Math.abs(mean - 36) <= 3) {
            out.add(group.getFirst().startsWith("V") ? "MRVB" : "TD2");
        }
        return out;
    }

    private static @Nullable List<String> fix(List<String> group, String format) {
        String[] template = TEMPLATES.get(format);
        char[][] lines = new char[template.length][];
        for (int i = 0; i < template.length; i++) {
            String line = fitLength(group.get(i), template[i]);
            if (line == null) {
                return null;
            }
            lines[i] = byClass(line, template[i]).toCharArray();
        }
        int[][][] checks = CHECKS.get(format);
        for (int[][] check : checks) {
            if (!passes(lines, check)) {
                repair(lines, check, checks, template);
            }
        }
        List<String> out = new ArrayList<>();
        for (char[] line : lines) {
            out.add(new String(line));
        }
        return out;
    }

    /** The line at the template's length: fillers added or dropped where a run of fillers is, or at the end. */
    private static @Nullable String fitLength(String line, String template) {
        int length = template.length();
        StringBuilder out = new StringBuilder(line);
        while (out.length() > length) {
            int at = longestFillerRun(out);
            if (out.charAt(out.length() - 1) == '<' || at < 0) {
                out.deleteCharAt(out.length() - 1);
            } else {
                out.deleteCharAt(at);
            }
        }
        while (out.length() < length) {
            int at = longestFillerRun(out);
            if (at < 0 || out.length() - length < -3) {
                return null;
            }
            out.insert(at, '<');
        }
        return out.toString();
    }

    private static int longestFillerRun(CharSequence s) {
        int best = -1;
        int bestLength = 0;
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = s.charAt(i) == '<' ? run + 1 : 0;
            if (run > bestLength) {
                bestLength = run;
                best = i;
            }
        }
        return best;
    }

    private static String byClass(String line, String template) {
        StringBuilder out = new StringBuilder(line);
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            switch (template.charAt(i)) {
                case 'A' -> out.setCharAt(i, map(c, TO_LETTER));
                case 'N' -> out.setCharAt(i, map(c, TO_DIGIT));
                case 'C' -> out.setCharAt(i, c == '<' ? c : map(c, TO_DIGIT));
                case 'S' -> out.setCharAt(i, c == 'H' || c == 'N' ? 'M' : c == 'E' || c == 'P' ? 'F' : c);
                default -> {}
            }
        }
        return out.toString();
    }

    private static char map(char c, Map<Character, Character> pairs) {
        return pairs.getOrDefault(c, c);
    }

    private static Map<Character, Character> pairs(String pairs) {
        Map<Character, Character> map = new java.util.HashMap<>();
        for (String pair : pairs.split(" ")) {
            map.put(pair.charAt(0), pair.charAt(1));
        }
        return Map.copyOf(map);
    }

    private static boolean passes(char[][] lines, int[][] check) {
        int[] digitAt = check[check.length - 1];
        char printed = lines[digitAt[0]][digitAt[1]];
        String field = field(lines, check);
        return printed == '<' ? field.replace("<", "").isEmpty() : printed - '0' == CheckDigits.of(field);
    }

    private static String field(char[][] lines, int[][] check) {
        StringBuilder field = new StringBuilder();
        for (int s = 0; s < check.length - 1; s++) {
            field.append(lines[check[s][0]], check[s][1], check[s][2] - check[s][1]);
        }
        return field.toString();
    }

    /**
     * Tries every single confusion within the field and its digit. Of the changes that make this check pass, the one
     * under which the other checks pass too is taken, and among equals the likelier confusion (by the order in which
     * alternatives are listed); when two remain equal, nothing is changed.
     */
    private static void repair(char[][] lines, int[][] check, int[][][] checks, String[] template) {
        List<int[]> positions = new ArrayList<>();
        for (int s = 0; s < check.length - 1; s++) {
            for (int x = check[s][1]; x < check[s][2]; x++) {
                positions.add(new int[] {check[s][0], x});
            }
        }
        positions.add(check[check.length - 1]);
        List<int[]> solutions = new ArrayList<>();
        for (int[] p : positions) {
            char original = lines[p[0]][p[1]];
            char[] alternatives = alternatives(original, template[p[0]].charAt(p[1]));
            for (int rank = 0; rank < alternatives.length; rank++) {
                lines[p[0]][p[1]] = alternatives[rank];
                if (passes(lines, check)) {
                    boolean all = Arrays.stream(checks).allMatch(c -> passes(lines, c));
                    solutions.add(new int[] {p[0], p[1], alternatives[rank], all ? 0 : 1, rank});
                }
            }
            lines[p[0]][p[1]] = original;
        }
        // Fewest other checks broken first, then the likelier confusion; a tie is left alone.
        solutions.sort(Comparator.<int[]>comparingInt(c -> c[3]).thenComparingInt(c -> c[4]));
        int[] chosen = solutions.size() == 1
                        || (solutions.size() > 1
                                && (solutions.get(0)[3] != solutions.get(1)[3]
                                        || solutions.get(0)[4] != solutions.get(1)[4]))
                ? solutions.getFirst()
                : null;
        if (chosen != null) {
            lines[chosen[0]][chosen[1]] = (char) chosen[2];
        }
    }

    private static char[] alternatives(char c, char kind) {
        StringBuilder out = new StringBuilder();
        for (String set : CONFUSED) {
            if (set.indexOf(c) >= 0) {
                out.append(set.replace(String.valueOf(c), ""));
            }
        }
        if (kind == 'C' || kind == 'N') {
            out.setLength(0);
            int digit = c - '0';
            if (digit >= 0 && digit <= 9) {
                out.append(DIGIT_CONFUSIONS[digit]);
            }
        }
        StringBuilder distinct = new StringBuilder();
        for (char ch : out.toString().toCharArray()) {
            boolean allowed = kind == 'X'
                    || ((kind == 'N' || kind == 'C') && Character.isDigit(ch))
                    || (kind == 'A' && !Character.isDigit(ch));
            if (allowed && distinct.indexOf(String.valueOf(ch)) < 0) {
                distinct.append(ch);
            }
        }
        return distinct.toString().toCharArray();
    }
}
