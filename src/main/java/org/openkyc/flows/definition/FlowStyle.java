package org.openkyc.flows.definition;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How the hosted flow looks. Colours are {@code #rrggbb}; the font is a Google-Fonts-style {@code Name@weight},
 * such as {@code Inter@400}.
 */
public record FlowStyle(
        String primaryColor,
        String backgroundColor,
        String textColor,
        String buttonColor,
        String buttonTextColor,
        String buttonHoverColor,
        String borderColor,
        Integer borderRadius,
        String font) {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final Pattern FONT = Pattern.compile("[A-Za-z][A-Za-z0-9 ]{0,59}@[1-9]00");

    public static final FlowStyle DEFAULT = new FlowStyle(null, null, null, null, null, null, null, null, null);

    public FlowStyle {
        primaryColor = or(primaryColor, "#1f5fbf");
        backgroundColor = or(backgroundColor, "#ffffff");
        textColor = or(textColor, "#17202a");
        buttonColor = or(buttonColor, "#1f5fbf");
        buttonTextColor = or(buttonTextColor, "#ffffff");
        buttonHoverColor = or(buttonHoverColor, "#174a94");
        borderColor = or(borderColor, "#d9dee3");
        borderRadius = borderRadius == null ? 8 : borderRadius;
        font = or(font, "Inter@400");
    }

    void check(Violations violations) {
        colour(primaryColor, "primaryColor", violations);
        colour(backgroundColor, "backgroundColor", violations);
        colour(textColor, "textColor", violations);
        colour(buttonColor, "buttonColor", violations);
        colour(buttonTextColor, "buttonTextColor", violations);
        colour(buttonHoverColor, "buttonHoverColor", violations);
        colour(borderColor, "borderColor", violations);
        violations.require(borderRadius >= 0 && borderRadius <= 32, "borderRadius", "range", "must be 0 to 32");
        violations.require(FONT.matcher(font).matches(), "font", "font", "must look like Inter@400");
    }

    private static void colour(String value, String field, Violations violations) {
        violations.require(COLOUR.matcher(value).matches(), field, "colour", "must be a colour like #1f5fbf");
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
