package org.openkyc.core;

import java.util.UUID;

/** Parses identifiers taken from URLs; anything malformed reads as "not found", never as a server error. */
public final class Ids {

    private Ids() {}

    public static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such resource.");
        }
    }
}
