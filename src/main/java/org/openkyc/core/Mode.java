package org.openkyc.core;

import java.util.Locale;
import java.util.Optional;

/**
 * Test or live. Every verification record belongs to exactly one mode, and no query crosses modes.
 */
public enum Mode {
    TEST,
    LIVE;

    /** The lower-case name used in headers, key prefixes and URLs. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Mode> fromCode(String code) {
        for (Mode mode : values()) {
            if (mode.code().equalsIgnoreCase(code.strip())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
