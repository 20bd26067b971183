package org.openkyc.applicants;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to an applicant: when, who did it (the applicant, a user, an integration or the system),
 * what, and from where.
 */
public record TimelineEntry(
        int sequence,
        Instant at,
        ActorType actorType,
        @Nullable String actorId,
        String action,
        Map<String, Object> details,
        @Nullable String ip,
        @Nullable String os,
        @Nullable String browser) {

    /** Who acted. */
    public enum ActorType {
        APPLICANT,
        USER,
        INTEGRATION,
        SYSTEM
    }
}
