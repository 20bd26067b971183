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

    private IcaoCountries() {}

    /**
     * The ISO 3166-1 alpha-2 country of an MRZ code ({@code <} fillers ignored), empty for codes of no country
     * ({@code UNO}, {@code EUE}, {@code XXA} stateless, {@code XXB}/{@code XXC} refugees, {@code XXX} unspecified,
     * {@code UTO} the specimen state) and for unknown codes.
     */
    public static Optional<String> alpha2(String code) {
        return Optional.ofNullable(ALPHA_2.get(code.replace("<", "").toUpperCase(Locale.ROOT)));
    }
}
