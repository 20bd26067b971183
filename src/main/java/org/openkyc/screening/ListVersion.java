package org.openkyc.screening;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * A list as screening uses it now: the current version of one source.
 *
 * @param version the stored version's id, which changes with every new content
 * @param published the date the publisher gave the list, when its file says (null otherwise)
 * @param loadedAt when this content was first stored
 * @param confirmedAt when the content was last confirmed: loaded, or found unchanged by a refresh. Age counts from
 *     here.
 */
public record ListVersion(
        String source,
        ListKind kind,
        long version,
        String format,
        @Nullable Instant published,
        Instant loadedAt,
        Instant confirmedAt,
        int entities) {

    /** How old the list is at {@code now}: the time since it was last confirmed. */
    public Duration age(Instant now) {
        Duration age = Duration.between(confirmedAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    /** The publisher's day, if known, else the day it was loaded: what a report names the version by. */
    public LocalDate day() {
        return (published != null ? published : loadedAt).atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** One line an auditor reads: {@code UN_SC v12 published 2026-02-27, loaded 2026-03-01}. */
    public String label() {
        return source + " v" + version
                + (published == null
                        ? ""
                        : " published " + published.atZone(ZoneOffset.UTC).toLocalDate())
                + ", loaded " + loadedAt.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
