package org.openkyc.tenancy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes credentials that can no longer be used and sign-in failures that no longer count. Deleting what
 * is expired is idempotent, so every instance may run this at the same time.
 */
@Component
class Housekeeping {

    private final JdbcClient jdbc;
    private final TenancySettings settings;
    private final Clock clock;

    Housekeeping(JdbcClient jdbc, TenancySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${openkyc.tenancy.housekeeping-cron:0 17 * * * *}")
    void removeExpired() {
        Instant now = clock.instant();
        Timestamp nowTs = Timestamp.from(now);
        jdbc.sql("DELETE FROM api_token WHERE expires_at < :now")
                .param("now", nowTs)
                .update();
        jdbc.sql("DELETE FROM one_time_token WHERE expires_at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
        jdbc.sql("DELETE FROM sign_in_failure WHERE at < :cutoff")
                .param("cutoff", Timestamp.from(now.minus(settings.addressWindow())))
                .update();
    }
}
