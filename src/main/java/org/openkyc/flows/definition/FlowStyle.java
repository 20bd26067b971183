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
        contrast(textColor, backgroundColor, "textColor", violations);
        contrast(buttonTextColor, buttonColor, "buttonTextColor", violations);
        violations.require(borderRadius >= 0 && borderRadius <= 32, "borderRadius", "range", "must be 0 to 32");
        violations.require(FONT.matcher(font).matches(), "font", "font", "must look like Inter@400");
    }

    /** WCAG 2 AA for body text: at least 4.5:1 between text and what it stands on. */
    private static void contrast(String foreground, String background, String field, Violations violations) {
        if (COLOUR.matcher(foreground).matches() && COLOUR.matcher(background).matches()) {
            double ratio = contrastRatio(foreground, background);
            violations.require(
                    ratio >= 4.5,
                    field,
                    "contrast",
                    String.format(
                            java.util.Locale.ROOT,
                            "has a contrast of %.1f:1 with its background; at least 4.5:1 keeps it readable",
                            ratio));
        }
    }

    static double contrastRatio(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static void colour(String value, String field, Violations violations) {
        violations.require(COLOUR.matcher(value).matches(), field, "colour", "must be a colour like #1f5fbf");
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
