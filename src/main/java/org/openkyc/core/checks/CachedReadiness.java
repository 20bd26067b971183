package org.openkyc.core.checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A readiness that costs something to find out (a DNS query, a connection to a mail server), asked at most once per
 * period and otherwise answered from the last time. Thread-safe; callers that arrive while it is asked wait for it.
 */
public final class CachedReadiness implements Supplier<SystemCheck.Readiness> {

    private final Supplier<SystemCheck.Readiness> source;
    private final Duration period;
    private final Clock clock;
    private SystemCheck.@Nullable Readiness last;
    private Instant askedAt = Instant.MIN;

    public CachedReadiness(Supplier<SystemCheck.Readiness> source, Duration period, Clock clock) {
        this.source = source;
        this.period = period;
        this.clock = clock;
    }

    @Override
    public synchronized SystemCheck.Readiness get() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(askedAt.plus(period))) {
            last = source.get();
            askedAt = now;
        }
        return last;
    }
}
