package org.openkyc.documents.mrz;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The three-letter codes of issuing states and nationalities in MRZs (Doc 9303 Part 3): ISO 3166-1 alpha-3 codes,
 * plus ICAO's own — {@code D} for Germany, the British codes {@code GBD}, {@code GBN}, {@code GBO}, {@code GBP},
 * {@code GBS}, Kosovo's {@code RKS}, the United Nations and EU codes, and the stateless and refugee codes, which
 * have no country.
 */
public final class IcaoCountries {

    private static final Map<String, String> ALPHA_2 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            ALPHA_2.put(Locale.of("", alpha2).getISO3Country(), alpha2);
        }
        ALPHA_2.put("D", "DE");
        for (String british : new String[] {"GBD", "GBN", "GBO", "GBP", "GBS"}) {
            ALPHA_2.put(british, "GB");
        }
        ALPHA_2.put("RKS", "XK");
    }

    /** Codes of Doc 9303 that name no country: organisations, stateless persons and refugees, the specimen state. */
    private static final java.util.Set<String> NO_COUNTRY = java.util.Set.of(
            "UNO", "UNA", "UNK", "XPO", "XES", "XOM", "XCC", "XBA", "XIM", "XEC", "XAA", "EUE", "XXA", "XXB", "XXC",
            "XXX", "UTO");

    private IcaoCountries() {}

    /** Whether an MRZ code is one Doc 9303 knows: a country's, or one of its codes of no country. */
    public static boolean known(String code) {
        String bare = code.replace("<", "").toUpperCase(Locale.ROOT);
        return ALPHA_2.containsKey(bare) || NO_COUNTRY.contains(bare);
    }

    /**
     * The ISO 3166-1 alpha-2 country of an MRZ code ({@code <} fillers ignored), empty for codes of no country
     * ({@code UNO}, {@code EUE}, {@code XXA} stateless, {@code XXB}/{@code XXC} refugees, {@code XXX} unspecified,
     * {@code UTO} the specimen state) and for unknown codes.
     */
    public static Optional<String> alpha2(String code) {
        return Optional.ofNullable(ALPHA_2.get(code.replace("<", "").toUpperCase(Locale.ROOT)));
    }
}
