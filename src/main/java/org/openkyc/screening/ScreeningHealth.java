package org.openkyc.screening;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openkyc.core.checks.SystemCheck;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Screening's coverage for operators: {@code /actuator/health/screening} (status {@code INCOMPLETE}, answered 503, when
 * a screening of sanctions and PEP lists could not run; the root, liveness and readiness health leave that status
 * out, so the installation stays reachable to load lists) and the {@code screening} and {@code pep} system checks.
 */
@Configuration(proxyBeanMethods = false)
class ScreeningHealth {

    /** Coverage that would make a screening fail closed. */
    static final Status INCOMPLETE = new Status("INCOMPLETE", "a screening would wait for lists");

    @Bean
    HealthIndicator screeningCoverage(ScreeningLists lists) {
        return () -> {
            Coverage coverage = lists.coverage();
            List<String> missing = coverage.gaps(Set.of(ListKind.SANCTIONS, ListKind.PEP));
            Map<String, Object> loaded = new LinkedHashMap<>();
            for (ListVersion list : coverage.lists()) {
                loaded.put(
                        list.source(),
                        Map.of(
                                "kind", list.kind().name(),
                                "version", list.version(),
                                "entities", list.entities(),
                                "ageDays", list.age(coverage.at()).toDays(),
                                "stale", coverage.stale(list)));
            }
            return Health.status(missing.isEmpty() ? Status.UP : INCOMPLETE)
                    .withDetail("sanctions", coverage.covers(Set.of(ListKind.SANCTIONS)))
                    .withDetail("pep", coverage.covers(Set.of(ListKind.PEP)))
                    .withDetail("missing", missing)
                    .withDetail("lists", loaded)
                    .build();
        };
    }

    @Bean
    SystemCheck screeningCheck(ScreeningLists lists) {
        return check(lists, "screening", ListKind.SANCTIONS);
    }

    @Bean
    SystemCheck pepCheck(ScreeningLists lists) {
        return check(lists, "pep", ListKind.PEP);
    }

    private static SystemCheck check(ScreeningLists lists, String name, ListKind kind) {
        return new SystemCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean compliance() {
                return true;
            }

            @Override
            public Readiness readiness() {
                // what the database holds now, also before the first load at start has run (the doctor command)
                lists.sync();
                Coverage coverage = lists.coverage();
                List<String> gaps = coverage.gaps(Set.of(kind));
                if (!gaps.isEmpty()) {
                    return Readiness.unavailable(String.join("; ", gaps));
                }
                return Readiness.ready(String.join(
                        ", ",
                        coverage.lists().stream()
                                .filter(l -> l.kind() == kind)
                                .map(l -> l.source() + " (" + l.entities() + " entities, "
                                        + l.age(coverage.at()).toDays() + " days old)")
                                .toList()));
            }
        };
    }
}
