package org.openkyc.applicants;

import java.time.Instant;
import java.util.UUID;
import org.openkyc.core.UserId;

/** A reviewer's note on an applicant; notes are kept, never edited. */
public record Comment(UUID id, UserId authorId, String text, Instant createdAt) {}
