package org.openkyc.webhooks;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event on its way to an application's webhook URL, as the log and the API show it.
 *
 * @param state {@code PENDING} (waiting or being retried), {@code DELIVERED} or {@code UNDELIVERED} (retries ran
 *     out)
 * @param nextAttemptAt when a pending delivery is tried next
 * @param responseExcerpt the first kilobyte of the receiver's last answer
 */
public record DeliveryView(
        UUID id,
        UUID eventId,
        String type,
        UUID applicationId,
        @Nullable UUID applicantId,
        long sequence,
        String state,
        int attempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatusCode,
        @Nullable String lastError,
        @Nullable String responseExcerpt,
        @Nullable Instant deliveredAt,
        Instant createdAt) {}
