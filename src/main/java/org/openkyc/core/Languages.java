package org.openkyc.core;

import java.util.List;
import java.util.Locale;

/** The languages the workplace speaks. */
public final class Languages {

    /** Language tags in the order the language menus list them; the first is the default. */
    public static final List<String> SUPPORTED = List.of("en", "de");

    private Languages() {}

    /** The supported language closest to {@code locale}: its own language if supported, else the default. */
    public static String supported(Locale locale) {
        return SUPPORTED.contains(locale.getLanguage()) ? locale.getLanguage() : SUPPORTED.getFirst();
    }
}
