package org.openkyc.screening.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words with a role in names: legal forms of organisations (each spelling mapped to one canonical form),
 * honorifics, name particles and generic organisation words. Read from the bundled lists under
 * {@code /screening/}.
 */
final class NameWords {

    /** Legal-form spellings as word lists, longest first, with their canonical form. */
    final List<Map.Entry<List<String>, String>> legalForms = new ArrayList<>();

    final Set<String> legalCodes = new HashSet<>();
    final List<List<String>> honorifics = new ArrayList<>();
    final Set<String> particles = new HashSet<>();
    final Set<String> generic = new HashSet<>();
    final Map<String, String> abbreviations = new HashMap<>();
    final List<List<String>> vesselWords = new ArrayList<>();

    static final NameWords BUNDLED = new NameWords();

    private NameWords() {
        for (String line : lines("/screening/legal-forms.txt")) {
            int colon = line.indexOf(':');
            String code = line.substring(0, colon).strip();
            legalCodes.add(code);
            legalForms.add(Map.entry(List.of(code), code));
            for (String spelling : line.substring(colon + 1).split(",")) {
                legalForms.add(Map.entry(List.of(spelling.strip().split(" ")), code));
            }
        }
        legalForms.sort(Comparator.comparingInt(
                        (Map.Entry<List<String>, String> e) -> e.getKey().size())
                .reversed());
        Map<String, List<String>> lists = new HashMap<>();
        for (String line : lines("/screening/name-words.txt")) {
            int colon = line.indexOf(':');
            lists.put(
                    line.substring(0, colon).strip(),
                    List.of(line.substring(colon + 1).split(",")));
        }
        for (String honorific : lists.get("honorific")) {
            honorifics.add(List.of(honorific.strip().split(" ")));
        }
        honorifics.sort(Comparator.comparingInt(List<String>::size).reversed());
        lists.get("particle").forEach(p -> particles.add(p.strip()));
        lists.get("generic").forEach(g -> generic.add(g.strip()));
        for (String pair : lists.get("abbreviation")) {
            String[] parts = pair.strip().split("=");
            abbreviations.put(parts[0], parts[1]);
        }
        for (String word : lists.get("vessel")) {
            vesselWords.add(List.of(word.strip().split(" ")));
        }
        vesselWords.sort(Comparator.comparingInt(List<String>::size).reversed());
    }

    private static List<String> lines(String resource) {
        List<String> lines = new ArrayList<>();
        try (InputStream in = NameWords.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
