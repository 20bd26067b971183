package org.openkyc.flows.definition;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Country restrictions: either the countries permitted or those excluded, as ISO 3166-1 alpha-2 codes.
 *
 * @param permitted when not empty, only these countries are accepted
 * @param excluded when not empty, these countries are refused
 */
public record Countries(List<String> permitted, List<String> excluded) {

    private static final Set<String> ISO = Set.of(Locale.getISOCountries());

    public static final Countries ANY = new Countries(List.of(), List.of());

    public Countries {
        permitted = normalise(permitted);
        excluded = normalise(excluded);
    }

    /** Whether {@code code} is an ISO 3166-1 alpha-2 country code (in capitals). */
    public static boolean isCode(String code) {
        return ISO.contains(code);
    }

    /** Whether the flow limits countries at all. */
    public boolean restricted() {
        return !permitted.isEmpty() || !excluded.isEmpty();
    }

    /** Whether an applicant from {@code country} (alpha-2) may go through the flow. */
    public boolean allows(String country) {
        String code = country.toUpperCase(Locale.ROOT);
        return (permitted.isEmpty() || permitted.contains(code)) && !excluded.contains(code);
    }

    void check(Violations violations) {
        check(permitted, "permitted", excluded, "excluded", violations);
    }

    static void check(
            List<String> permitted,
            String permittedField,
            List<String> excluded,
            String excludedField,
            Violations violations) {
        violations.require(
                permitted.isEmpty() || excluded.isEmpty(),
                excludedField,
                "permittedAndExcluded",
                "give permitted or excluded countries, not both");
        for (int i = 0; i < permitted.size(); i++) {
            violations.require(
                    ISO.contains(permitted.get(i)),
                    permittedField + "[" + i + "]",
                    "country",
                    "is not an ISO 3166 alpha-2 code");
        }
        for (int i = 0; i < excluded.size(); i++) {
            violations.require(
                    ISO.contains(excluded.get(i)),
                    excludedField + "[" + i + "]",
                    "country",
                    "is not an ISO 3166 alpha-2 code");
        }
    }

    static List<String> normalise(@Nullable List<String> codes) {
        return codes == null
                ? List.of()
                : codes.stream()
                        .map(c -> c == null ? "" : c.strip().toUpperCase(Locale.ROOT))
                        .toList();
    }
}
