package org.openkyc.documents;

import org.jspecify.annotations.Nullable;

/**
 * One field of a checked document: its value, where it was read, and whether it holds up.
 *
 * @param note why the status is what it is, in words for the reviewer
 */
public record DocumentField(String name, @Nullable String value, Source source, Status status, String note) {

    /** Where a value comes from. */
    public enum Source {
        MRZ,
        MRZ_AND_VISUAL,
        VISUAL,
        APPLICANT,
        REVIEWER,
        NONE
    }

    /** Verified (green), failed (red), or not checked (orange). */
    public enum Status {
        VERIFIED,
        FAILED,
        NOT_CHECKED
    }

    public DocumentField edited(String newValue, String reviewer) {
        return new DocumentField(
                name,
                newValue,
                Source.REVIEWER,
                Status.VERIFIED,
                "corrected by " + reviewer + " (was " + (value == null ? "empty" : value) + ")");
    }
}
