package org.openkyc.documents.address;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.text.EditDistance;

/**
 * What a utility bill or bank statement says about where someone lives, compared with what they declared: their name
 * and address found in the text (word by word, tolerating OCR slips in longer words but never in numbers), the issue
 * date and its age, and whether the country their connection comes from is the one they say they live in. CLEAR only
 * when everything agrees; otherwise CONSIDER, with a reason for each disagreement. Spring-free.
 */
public final class AddressEvidence {

    private AddressEvidence() {}

    /** What the applicant declared. */
    public record Declared(String fullName, String street, String city, String postCode, String country) {}

    /** One part of the declaration and what the document shows of it. */
    public record Finding(
            String part, String declared, @Nullable String found, boolean agrees) {}

    /**
     * The verdict.
     *
     * @param issued the document's date, when one was found
     * @param ageDays how old the document is, in days
     */
    public record Verdict(
            String result,
            List<Finding> findings,
            @Nullable LocalDate issued,
            @Nullable Long ageDays,
            List<String> reasons) {

        public boolean clear() {
            return result.equals("CLEAR");
        }
    }

    public static Verdict judge(
            String text, Declared declared, LocalDate today, int maxAgeDays, @Nullable String ipCountry) {
        List<String> words = words(text);
        List<Finding> findings = new ArrayList<>();
        findings.add(find("name", declared.fullName(), words));
        findings.add(find("street", declared.street(), words));
        findings.add(find("postCode", declared.postCode(), words));
        findings.add(find("city", declared.city(), words));
        List<String> reasons = new ArrayList<>();
        for (Finding finding : findings) {
            if (!finding.agrees()) {
                reasons.add(finding.part() + " \"" + finding.declared() + "\" is not on the document"
                        + (finding.found() == null ? "" : " (closest: \"" + finding.found() + "\")"));
            }
        }
        LocalDate issued = issueDate(text, today);
        Long age = issued == null ? null : ChronoUnit.DAYS.between(issued, today);
        if (issued == null) {
            reasons.add("no issue date found on the document");
        } else if (age > maxAgeDays) {
            reasons.add("issued " + issued + ", " + age + " days ago; at most " + maxAgeDays + " are accepted");
        }
        String residence = declared.country().strip().toUpperCase(Locale.ROOT);
        if (ipCountry == null) {
            reasons.add("the country of the applicant's connection could not be told");
        } else if (!ipCountry.equals(residence)) {
            reasons.add("the applicant connected from " + ipCountry + " but lives in " + residence);
        }
        return new Verdict(reasons.isEmpty() ? "CLEAR" : "CONSIDER", findings, issued, age, reasons);
    }

    /**
     * Whether the words of a declared value stand together, in order, on the document (a postcode may be split or
     * joined differently); when not, the run of words that comes closest.
     */
    static Finding find(String part, String declared, List<String> words) {
        List<String> wanted = words(declared);
        if (wanted.isEmpty()) {
            return new Finding(part, declared, null, false);
        }
        if (part.equals("postCode")) {
            String joined = String.join("", wanted);
            for (int start = 0; start < words.size(); start++) {
                StringBuilder run = new StringBuilder();
                for (int end = start; end < words.size() && run.length() < joined.length(); end++) {
                    run.append(words.get(end));
                    String candidate = run.toString();
                    // Digits exactly; a letter may slip (OCR reads the J of "1015 CJ" as a bracket).
                    boolean close = candidate.equals(joined)
                            || (joined.length() >= 5
                                    && digits(candidate).equals(digits(joined))
                                    && levenshtein(candidate, joined) <= 1);
                    if (close) {
                        return new Finding(part, declared, String.join(" ", words.subList(start, end + 1)), true);
                    }
                }
            }
        }
        int bestStart = -1;
        double bestScore = 0;
        for (int start = 0; start + wanted.size() <= words.size(); start++) {
            double score = 0;
            boolean all = true;
            for (int i = 0; i < wanted.size(); i++) {
                String found = words.get(start + i);
                all &= same(wanted.get(i), found);
                // Similarity weighted by length, so the long words of a street name count for more than its number.
                score += wanted.get(i).length()
                        * (1.0
                                - (double) levenshtein(wanted.get(i), found)
                                        / Math.max(wanted.get(i).length(), found.length()));
            }
            if (all) {
                return new Finding(part, declared, String.join(" ", words.subList(start, start + wanted.size())), true);
            }
            if (score > bestScore) {
                bestScore = score;
                bestStart = start;
            }
        }
        String nearest = bestStart < 0 || bestScore < String.join("", wanted).length() * 0.25
                ? null
                : String.join(" ", words.subList(bestStart, bestStart + wanted.size()));
        return new Finding(part, declared, nearest, false);
    }

    /** Two words are the same when equal, or, for words of five letters or more, one slip apart; numbers exactly. */
    static boolean same(String wanted, String found) {
        if (wanted.equals(found)) {
            return true;
        }
        if (wanted.chars().anyMatch(Character::isDigit) || wanted.length() < 5) {
            return false;
        }
        return Math.abs(wanted.length() - found.length()) <= 1 && levenshtein(wanted, found) <= 1;
    }

    /** The words of a text: letters and digits, diacritics folded, in capitals. */
    static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toUpperCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : folded.split("[^A-Z0-9]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static int levenshtein(String a, String b) {
        return EditDistance.between(a, b);
    }

    private static final Map<String, Month> MONTHS = months();
    private static final Pattern NUMERIC =
            Pattern.compile("\\b(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})\\b|\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern DAY_MONTH =
            Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)?\\.? ([A-Za-zäéû]{3,9})\\.?,? (\\d{4})\\b");
    private static final Pattern MONTH_DAY =
            Pattern.compile("\\b([A-Za-z]{3,9})\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)(statement date|date of issue|issue date|issued|bill date|invoice date|billing date|date|datum"
                    + "|émis le|emis le|fecha)");

    /**
     * The document's date: the first date after a label such as "Statement date" or "Issued", otherwise the latest
     * date in the text that is not in the future (bills also print due dates and periods).
     */
    static @Nullable LocalDate issueDate(String text, LocalDate today) {
        List<int[]> positions = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        collect(text, NUMERIC, positions, dates);
        collect(text, DAY_MONTH, positions, dates);
        collect(text, MONTH_DAY, positions, dates);
        Matcher label = LABEL.matcher(text);
        while (label.find()) {
            LocalDate best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < dates.size(); i++) {
                int distance = positions.get(i)[0] - label.end();
                if (distance >= 0
                        && distance < 40
                        && distance < bestDistance
                        && !dates.get(i).isAfter(today)) {
                    best = dates.get(i);
                    bestDistance = distance;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return dates.stream()
                .filter(d -> !d.isAfter(today))
                .max(LocalDate::compareTo)
                .orElse(null);
    }

    private static void collect(String text, Pattern pattern, List<int[]> positions, List<LocalDate> dates) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            LocalDate date = null;
            try {
                if (pattern == NUMERIC) {
                    date = m.group(1) != null
                            ? LocalDate.of(
                                    Integer.parseInt(m.group(3)),
                                    Integer.parseInt(m.group(2)),
                                    Integer.parseInt(m.group(1)))
                            : LocalDate.of(
                                    Integer.parseInt(m.group(4)),
                                    Integer.parseInt(m.group(5)),
                                    Integer.parseInt(m.group(6)));
                } else if (pattern == DAY_MONTH) {
                    Month month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
                    date = month == null
                            ? null
                            : LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
                } else {
                    Month month = MONTHS.get(m.group(1).toLowerCase(Locale.ROOT));
                    date = month == null
                            ? null
                            : LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
                }
            } catch (DateTimeException | NumberFormatException e) {
                date = null;
            }
            if (date != null && date.getYear() > 1990) {
                positions.add(new int[] {m.start()});
                dates.add(date);
            }
        }
    }

    /** Month names and abbreviations in English, German, French and Spanish. */
    private static Map<String, Month> months() {
        Map<String, Month> months = new java.util.HashMap<>();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, Locale.of("es"))) {
            for (Month month : Month.values()) {
                for (java.time.format.TextStyle style :
                        List.of(java.time.format.TextStyle.FULL, java.time.format.TextStyle.SHORT)) {
                    String name = month.getDisplayName(style, locale)
                            .toLowerCase(locale)
                            .replace(".", "");
                    months.putIfAbsent(name, month);
                }
            }
        }
        months.put("sept", Month.SEPTEMBER);
        return Map.copyOf(months);
    }
}
