package org.openkyc.hosted;

/** How checking a one-time code ended. */
public enum CodeCheck {
    VERIFIED,
    WRONG,
    EXPIRED,
    NO_TRIES_LEFT,
    NONE
}
