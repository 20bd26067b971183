package org.openkyc.screening.lists;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Country names and codes as lists write them (English names, ISO alpha-2 and alpha-3), to ISO alpha-2. */
public final class Countries {

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            CODES.put(key(country.getDisplayCountry(Locale.ENGLISH)), code);
            CODES.put(key(code), code);
            CODES.put(key(country.getISO3Country()), code);
        }
        // Names the lists use that differ from the JDK's English names.
        Map<String, String> more = Map.ofEntries(
                Map.entry("democratic republic of the congo", "CD"),
                Map.entry("congo democratic republic", "CD"),
                Map.entry("republic of the congo", "CG"),
                Map.entry("russian federation", "RU"),
                Map.entry("iran islamic republic of", "IR"),
                Map.entry("syrian arab republic", "SY"),
                Map.entry("democratic peoples republic of korea", "KP"),
                Map.entry("north korea", "KP"),
                Map.entry("korea north", "KP"),
                Map.entry("republic of korea", "KR"),
                Map.entry("south korea", "KR"),
                Map.entry("united states of america", "US"),
                Map.entry("united kingdom of great britain and northern ireland", "GB"),
                Map.entry("united republic of tanzania", "TZ"),
                Map.entry("lao peoples democratic republic", "LA"),
                Map.entry("viet nam", "VN"),
                Map.entry("bolivia plurinational state of", "BO"),
                Map.entry("venezuela bolivarian republic of", "VE"),
                Map.entry("state of palestine", "PS"),
                Map.entry("turkiye", "TR"),
                Map.entry("cote divoire", "CI"),
                Map.entry("burma", "MM"));
        CODES.putAll(more);
    }

    private Countries() {}

    public static Optional<String> code(String name) {
        return Optional.ofNullable(CODES.get(key(name)));
    }

    private static String key(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("['’]", "")
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
    }
}
