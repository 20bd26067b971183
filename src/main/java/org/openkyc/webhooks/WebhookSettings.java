package org.openkyc.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered.
 *
 * @param initialBackoff the wait before the first retry; each further retry waits twice as long, with ±20 % jitter
 * @param maxAttempts how many retries follow a failed first attempt before a delivery is listed as undelivered
 * @param timeout how long one attempt may take, connection and answer included
 * @param allowPrivateNetworks lets webhooks go to loopback, private and link-local addresses (development only)
 * @param allowedNetworks addresses in CIDR notation ({@code 127.0.0.1/32}, {@code 10.1.0.0/16}) that webhooks may
 *     reach even though they are not public, for a receiver inside the operator's own network
 * @param pollInterval how often each instance looks for due deliveries when nothing woke it earlier
 * @param concurrency how many deliveries one instance sends at the same time
 * @param enabled whether this instance sends webhooks at all; events are recorded either way
 */
@ConfigurationProperties("openkyc.webhooks")
public record WebhookSettings(
        @DefaultValue("PT30S") Duration initialBackoff,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("false") boolean allowPrivateNetworks,
        @DefaultValue List<String> allowedNetworks,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("16") int concurrency,
        @DefaultValue("true") boolean enabled) {

    public WebhookSettings {
        if (maxAttempts < 0 || concurrency < 1) {
            throw new IllegalArgumentException(
                    "openkyc.webhooks.max-attempts must be 0 or more and concurrency 1 or more");
        }
        NetworkPolicy.parse(allowedNetworks);
    }

    /** The wait after failed attempt {@code attempt} (1-based), before jitter. */
    Duration backoff(int attempt) {
        return initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
    }

    /**
     * How long a claimed delivery stays with the instance that claimed it. An instance that stops without
     * recording the outcome loses it after this, and another instance retries.
     */
    Duration lease() {
        return timeout.multipliedBy(2).plusSeconds(5);
    }
}
