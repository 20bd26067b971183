package org.openkyc.hosted;

import java.time.Instant;

/**
 * A one-time code on its way to the applicant: where it went (an email address or a phone number), until when it
 * works, the tries left, and when a new one may be sent.
 */
public record PendingCode(String sentTo, Instant expiresAt, int attemptsLeft, Instant nextSendAt) {}
