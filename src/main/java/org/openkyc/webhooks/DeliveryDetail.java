package org.openkyc.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A delivery with the event it carries (decrypted) and every attempt. */
public record DeliveryDetail(DeliveryView delivery, Map<String, Object> event, List<Attempt> attempts) {

    /** One attempt; an attempt without {@code finishedAt} was cut off by an instance that stopped. */
    public record Attempt(
            int number,
            String instance,
            Instant startedAt,
            @Nullable Instant finishedAt,
            @Nullable String url,
            @Nullable Integer statusCode,
            @Nullable String error,
            @Nullable String responseExcerpt) {}
}
