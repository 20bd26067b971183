package org.openkyc.applicants;

import java.util.List;

/**
 * The result of checking an applicant's timeline against its hash chain.
 *
 * @param valid true when every entry is as it was written and none is missing
 * @param problems each entry found altered, missing or out of chain
 */
public record TimelineCheck(boolean valid, int entries, List<Problem> problems) {

    /** One broken link: the entry's sequence number and what is wrong with it. */
    public record Problem(int sequence, String problem) {}
}
