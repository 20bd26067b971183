package org.openkyc.core.checks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Every check as the {@code systemChecks} health contributor, shown with its details in the {@code checks} group
 * ({@code /actuator/health/checks}). UP when every check can run, {@link #NOT_READY} otherwise: a status the root
 * health and the probes do not count, so OpenKYC stays reachable for an operator to see what is missing.
 */
@Component
class SystemChecksHealthIndicator implements HealthIndicator {

    /** Some check cannot run; the details say which and why. */
    static final Status NOT_READY = new Status("NOT_READY", "a check cannot run");

    private final SystemChecks checks;

    SystemChecksHealthIndicator(SystemChecks checks) {
        this.checks = checks;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean all = true;
        for (SystemChecks.Status status : checks.all()) {
            all &= status.ready();
            details.put(
                    status.name(),
                    Map.of("compliance", status.compliance(), "ready", status.ready(), "reason", status.reason()));
        }
        details.put("complianceReady", SystemChecks.complianceReady(checks.all()));
        return Health.status(all ? Status.UP : NOT_READY).withDetails(details).build();
    }
}
