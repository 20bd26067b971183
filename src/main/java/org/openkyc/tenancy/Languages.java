package org.openkyc.tenancy;

import java.util.List;
import java.util.Locale;

/** The interface languages a person can choose. */
public final class Languages {

    /** Language tags in the order the language menu lists them. */
    public static final List<String> SUPPORTED = List.of("en", "de");

    private Languages() {}

    static String supported(Locale locale) {
        return SUPPORTED.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    }
}
