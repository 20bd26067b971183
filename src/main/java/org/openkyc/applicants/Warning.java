package org.openkyc.applicants;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.UserId;

/**
 * Something a person must look at before the verification can be approved without review: a system finding, a
 * face match under the threshold, a duplicate, an expired document.
 *
 * @param code a stable code, such as {@code FACE_MATCH_LOW} or {@code DUPLICATE}
 * @param resolution why a reviewer considers it settled; null while open
 */
public record Warning(
        String id,
        String code,
        String message,
        Instant raisedAt,
        @Nullable UserId resolvedBy,
        @Nullable String resolution,
        @Nullable Instant resolvedAt) {

    public boolean open() {
        return resolution == null;
    }

    Warning resolve(@Nullable UserId by, String reason, Instant at) {
        return new Warning(id, code, message, raisedAt, by, reason, at);
    }
}
