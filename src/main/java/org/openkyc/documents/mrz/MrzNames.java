package org.openkyc.documents.mrz;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Names as an MRZ writes them (Doc 9303 Part 3, transliteration of Latin characters), and whether a name declared
 * elsewhere (by the applicant or the integrator) is the same. Doc 9303 recommends Ä as AE, Ö as OE, Ü as UE, Å as
 * AA, ß as SS and so on, but older documents just drop the diacritic, so both readings count.
 */
public final class MrzNames {

    private static final Map<Character, String> RECOMMENDED = Map.ofEntries(
            Map.entry('Ä', "AE"),
            Map.entry('Æ', "AE"),
            Map.entry('Å', "AA"),
            Map.entry('Ö', "OE"),
            Map.entry('Ø', "OE"),
            Map.entry('Œ', "OE"),
            Map.entry('Ü', "UE"),
            Map.entry('ß', "SS"),
            Map.entry('Þ', "TH"),
            Map.entry('Ð', "D"),
            Map.entry('Đ', "D"),
            Map.entry('Ł', "L"),
            Map.entry('Ħ', "H"),
            Map.entry('Ŀ', "L"),
            Map.entry('ı', "I"),
            Map.entry('Ĳ', "IJ"));

    private MrzNames() {}

    /** The name as Doc 9303 recommends writing it in an MRZ, words separated by single spaces. */
    public static String transliterate(String name) {
        return write(name, true);
    }

    /** Whether a declared name and an MRZ name are the same name, read either way. */
    public static boolean sameName(String mrzName, String declared) {
        String mrz = write(mrzName, false);
        return mrz.equals(write(declared, true)) || mrz.equals(write(declared, false));
    }

    private static String write(String name, boolean recommended) {
        String upper = name.strip().toUpperCase(Locale.ROOT).replace('<', ' ');
        StringBuilder out = new StringBuilder();
        for (char c : upper.toCharArray()) {
            String mapped = RECOMMENDED.get(c);
            if (mapped != null && (recommended || mapped.length() == 1)) {
                out.append(mapped);
            } else if (c == '-' || c == ',' || Character.isWhitespace(c)) {
                out.append(' ');
            } else if (c == '\'' || c == '’' || c == '.') {
                // dropped, as in O'NEILL -> ONEILL
            } else {
                out.append(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", ""));
            }
        }
        return out.toString().replaceAll("[^A-Z ]", "").strip().replaceAll(" +", " ");
    }
}
