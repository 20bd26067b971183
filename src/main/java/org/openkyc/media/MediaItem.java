package org.openkyc.media;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An uploaded file as stored: what it is and for what, never its bytes. */
public record MediaItem(
        UUID id,
        UUID applicantId,
        String purpose,
        String contentType,
        long sizeBytes,
        @Nullable Integer width,
        @Nullable Integer height,
        String sha256,
        Instant createdAt) {}
