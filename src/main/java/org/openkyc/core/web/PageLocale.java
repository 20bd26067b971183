package org.openkyc.core.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Lets one page speak another language than the visitor's session (the hosted flow speaks the applicant's
 * language, whoever else is signed in in the same browser).
 */
public final class PageLocale {

    private static final String ATTRIBUTE = PageLocale.class.getName();

    private PageLocale() {}

    public static void set(HttpServletRequest request, Locale locale) {
        request.setAttribute(ATTRIBUTE, locale);
    }

    static @Nullable Locale of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : null;
    }
}
