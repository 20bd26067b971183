package org.openkyc.hosted;

import java.time.Instant;

/** A one-time code on its way to the applicant: where it went, until when it works, tries left, next resend. */
public record PendingCode(String email, Instant expiresAt, int attemptsLeft, Instant nextSendAt) {}
