package org.openkyc.screening.matching;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.jspecify.annotations.Nullable;

/**
 * Names as the matcher compares them: Unicode NFKC, any script transliterated to Latin (ICU), case and diacritics
 * folded, punctuation dropped, {@code SURNAME, Given} turned round, honorifics dropped from people's names, legal
 * forms of organisations reduced to one canonical form, and every word given its role ({@link Token.Kind}). Aliases
 * written into one string (a.k.a., f.k.a., ex-, semicolons) are split by {@link #aliases}.
 */
public final class NameNormaliser {

    /** What a name belongs to; people and organisations are normalised differently. */
    public enum Schema {
        PERSON,
        ORGANISATION,
        VESSEL,
        ANY;

        /** From the schema names lists and pair files use (Person, Company, Organization, LegalEntity, Vessel …). */
        public static Schema of(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "person", "individual" -> PERSON;
                case "company", "organization", "organisation", "legalentity", "entity" -> ORGANISATION;
                case "vessel", "aircraft" -> VESSEL;
                default -> ANY;
            };
        }
    }

    private static final ThreadLocal<Transliterator> LATIN =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin; Latin-ASCII"));
    private static final ThreadLocal<DoubleMetaphone> PHONETIC = ThreadLocal.withInitial(() -> {
        DoubleMetaphone metaphone = new DoubleMetaphone();
        metaphone.setMaxCodeLen(6);
        return metaphone;
    });
    private static final Pattern ALIAS_MARKERS = Pattern.compile(
            "(?i)\\s*(?:;|\\ba\\.?\\s?k\\.?\\s?a\\.?(?=\\s)|\\bf\\.?\\s?k\\.?\\s?a\\.?(?=\\s)|\\balso known as\\b"
                    + "|\\bformerly known as\\b|\\bformerly\\b|\\(ex[- ]|\\bex-)\\s*");
    private static final Pattern ROMAN =
            Pattern.compile("(?=[ivxlcdm]{2,})m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})");
    private static final Map<Character, Character> LOOKALIKE_DIGITS =
            Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '5', 's', '7', 't', '8', 'b', '9', 'g');

    private final NameWords words;

    public NameNormaliser() {
        this.words = NameWords.BUNDLED;
    }

    /** A name as compared: its words and the name written without spaces (for names run together). */
    public record Normalised(String original, List<Token> tokens, String joined) {}

    /** The names written into one string: split at a.k.a., f.k.a., "formerly", "ex-" and semicolons. */
    public static List<String> aliases(String raw) {
        List<String> out = new ArrayList<>();
        for (String part : ALIAS_MARKERS.split(raw)) {
            String trimmed = part.replaceAll("^[\\s,)(]+|[\\s,)(]+$", "");
            if (!trimmed.isEmpty()) {
                out.add(trimmed);
            }
        }
        return out;
    }

    public Normalised normalise(String raw, Schema schema) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (schema == Schema.PERSON) {
            int comma = text.indexOf(',');
            if (comma > 0 && comma == text.lastIndexOf(',')) {
                text = text.substring(comma + 1).strip() + " "
                        + text.substring(0, comma).strip();
            }
        }
        text = fold(text);
        List<String> parts = new ArrayList<>();
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            String expanded = schema == Schema.PERSON ? lookalikes(word) : words.abbreviations.getOrDefault(word, word);
            parts.addAll(List.of(expanded.split(" ")));
        }
        if (schema == Schema.PERSON) {
            parts = dropHonorifics(parts);
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < parts.size()) {
            int vessel = schema == Schema.VESSEL ? phrase(parts, i, words.vesselWords) : 0;
            if (vessel > 0) {
                tokens.add(new Token(String.join("", parts.subList(i, i + vessel)), Token.Kind.LEGAL, ""));
                i += vessel;
                continue;
            }
            int legal = schema == Schema.PERSON ? 0 : legalForm(parts, i, tokens);
            if (legal > 0) {
                i += legal;
                continue;
            }
            String word = parts.get(i++);
            String glued = schema == Schema.PERSON || i != parts.size() ? null : gluedLegalForm(word);
            if (glued != null) {
                String stem = word.substring(0, word.length() - glued.length());
                tokens.add(new Token(stem, kind(stem, schema), phonetic(stem)));
                tokens.add(new Token(glued, Token.Kind.LEGAL, ""));
                continue;
            }
            tokens.add(new Token(word, kind(word, schema), phonetic(word)));
        }
        StringBuilder joined = new StringBuilder();
        for (Token token : tokens) {
            joined.append(token.text());
        }
        // A word said twice ("Sergey Sergey Shoigu") is one word.
        List<Token> distinct = new ArrayList<>();
        for (Token token : tokens) {
            if (distinct.stream().noneMatch(t -> t.text().equals(token.text()))) {
                distinct.add(token);
            }
        }
        return new Normalised(raw, List.copyOf(distinct), joined.toString());
    }

    /** Latin script, lower case, no diacritics, no punctuation: words separated by single spaces. */
    static String fold(String text) {
        String latin = text;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                latin = LATIN.get().transliterate(text);
                break;
            }
        }
        String lower = latin.toLowerCase(Locale.ROOT)
                .replace("'s ", " ")
                .replaceAll("['’`´.]", "")
                .replace("&", " and ");
        return lower.replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** In a word of letters with a digit or two among them, the digits that stand for letters (Ig0r, Sech1n). */
    private static String lookalikes(String word) {
        long digits = word.chars().filter(Character::isDigit).count();
        if (digits == 0 || digits * 2 >= word.length()) {
            return word;
        }
        StringBuilder out = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            out.append(LOOKALIKE_DIGITS.getOrDefault(c, c));
        }
        return out.toString();
    }

    private List<String> dropHonorifics(List<String> parts) {
        List<String> out = new ArrayList<>(parts);
        boolean dropped = true;
        while (dropped && out.size() > 1) {
            dropped = false;
            for (List<String> honorific : words.honorifics) {
                for (int at = 0; at + honorific.size() <= out.size(); at++) {
                    if (out.subList(at, at + honorific.size()).equals(honorific) && out.size() > honorific.size()) {
                        out.subList(at, at + honorific.size()).clear();
                        dropped = true;
                        break;
                    }
                }
                if (dropped) {
                    break;
                }
            }
        }
        return out;
    }

    /** The length of a legal form starting at {@code at}, added as one canonical token; 0 when there is none. */
    private int legalForm(List<String> parts, int at, List<Token> tokens) {
        for (Map.Entry<List<String>, String> form : words.legalForms) {
            List<String> spelling = form.getKey();
            if (at + spelling.size() <= parts.size()
                    && parts.subList(at, at + spelling.size()).equals(spelling)) {
                // A one-letter spelling part ("s a", "b v") only counts as a legal form at the end of a name.
                if (spelling.size() > 1
                        && spelling.stream().allMatch(w -> w.length() == 1)
                        && at + spelling.size() != parts.size()) {
                    continue;
                }
                tokens.add(new Token(form.getValue(), Token.Kind.LEGAL, ""));
                return spelling.size();
            }
        }
        return 0;
    }

    private static int phrase(List<String> parts, int at, List<List<String>> phrases) {
        for (List<String> phrase : phrases) {
            if (at + phrase.size() <= parts.size()
                    && parts.subList(at, at + phrase.size()).equals(phrase)) {
                return phrase.size();
            }
        }
        return 0;
    }

    private static final List<String> GLUED = List.of("gmbh", "llc", "ltd", "inc", "plc", "corp", "jsc", "ag");

    /** A legal form written onto the last word ("SiemensAG"), when what remains is a word of four letters or more. */
    private static @Nullable String gluedLegalForm(String word) {
        for (String form : GLUED) {
            if (word.endsWith(form) && word.length() - form.length() >= 4) {
                return form;
            }
        }
        return null;
    }

    private Token.Kind kind(String word, Schema schema) {
        if (word.chars().allMatch(Character::isDigit)
                || (schema != Schema.PERSON && ROMAN.matcher(word).matches())) {
            return Token.Kind.NUMERAL;
        }
        if (schema == Schema.PERSON && ROMAN.matcher(word).matches() && word.length() <= 4 && !word.equals("vi")) {
            return Token.Kind.NUMERAL;
        }
        if (word.length() == 1) {
            return Token.Kind.INITIAL;
        }
        if (schema == Schema.PERSON && words.particles.contains(word)) {
            return Token.Kind.PARTICLE;
        }
        if (schema != Schema.PERSON && words.generic.contains(word)) {
            return Token.Kind.GENERIC;
        }
        return Token.Kind.NAME;
    }

    private static String phonetic(String word) {
        return word.chars().anyMatch(Character::isDigit) ? "" : PHONETIC.get().doubleMetaphone(word);
    }
}
