package org.openkyc.hosted;

import org.jspecify.annotations.Nullable;

/**
 * Asks the home location register whether a number is live and on which network, for flows that switch the HLR
 * check on. The boundary to a paid outside service; the built-in implementation answers from the numbering plan
 * alone and says so.
 */
public interface HlrLookup {

    /**
     * @param live whether the network reports the subscriber as reachable; {@code null} when this lookup cannot tell
     * @param source what answered, such as {@code numbering-plan}
     */
    record Result(@Nullable Boolean live, String network, String source) {}

    Result lookup(String e164);
}
