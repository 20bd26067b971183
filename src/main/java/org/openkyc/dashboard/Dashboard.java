package org.openkyc.dashboard;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.flows.definition.StepType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The dashboard's figures for the applicants created in a date range (UTC days, both ends included), summed from the
 * daily roll-up: the headline numbers, applicants per day, statuses, warnings, countries, successes and failures, the
 * step verifications fail at, and each service's success rate.
 */
@Service
public class Dashboard {

    /** The services a step belongs to, for their success rates. */
    static final Map<StepType, String> SERVICES = Map.of(
            StepType.LIVENESS, "liveness",
            StepType.QUESTIONNAIRE, "questionnaire",
            StepType.EMAIL, "otp",
            StepType.PHONE, "otp",
            StepType.DOCUMENT, "document",
            StepType.FACE_MATCH, "faceMatch",
            StepType.AML, "aml");

    private final JdbcClient jdbc;
    private final Clock clock;

    Dashboard(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A service's verifications that got to it, and how many of them passed. */
    public record Rate(long passed, long attempted) {
        public int percent() {
            return attempted == 0 ? 0 : (int) Math.round(100.0 * passed / attempted);
        }
    }

    /** Everything the dashboard shows for a range. */
    public record Figures(
            LocalDate from,
            LocalDate to,
            Map<String, Long> headline,
            Map<LocalDate, Long> perDay,
            double averagePerDay,
            Map<String, Long> statuses,
            Map<String, Long> warnings,
            Map<String, Long> countries,
            Map<String, Long> outcomes,
            Map<String, Long> failedAt,
            Map<String, Rate> services) {}

    /** The figures of the actor's company and mode; {@code from} and {@code to} default to the last 28 days. */
    public Figures figures(Actor actor, LocalDate from, LocalDate to) {
        actor.require(Permission.DASHBOARD);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 3660) {
            throw InvalidInputException.of("from", "range", "a range of at most ten years, from before to");
        }
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        jdbc.sql("""
                        SELECT dimension, key, sum(count) AS total FROM dashboard_day
                        WHERE company_id = :company AND mode = :mode AND day BETWEEN :from AND :to
                        GROUP BY dimension, key
                        """)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((r, n) -> sums.computeIfAbsent(r.getString("dimension"), d -> new TreeMap<>())
                        .put(r.getString("key"), r.getLong("total")))
                .list();
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            perDay.put(day, 0L);
        }
        jdbc.sql("""
                        SELECT day, count FROM dashboard_day
                        WHERE company_id = :company AND mode = :mode AND day BETWEEN :from AND :to
                          AND dimension = 'applicants'
                        """)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((r, n) -> perDay.put(r.getDate("day").toLocalDate(), r.getLong("count")))
                .list();
        Map<String, Long> statuses = sums.getOrDefault("status", Map.of());
        long applicants = sums.getOrDefault("applicants", Map.of()).getOrDefault("", 0L);
        Map<String, Long> headline = new LinkedHashMap<>();
        headline.put("applicants", applicants);
        headline.put("inReview", statuses.getOrDefault("ON_HOLD", 0L) + statuses.getOrDefault("IN_REVIEW", 0L));
        headline.put("completed", statuses.getOrDefault("COMPLETED", 0L));
        headline.put("approved", statuses.getOrDefault("APPROVED", 0L));
        headline.put("rejected", statuses.getOrDefault("DECLINED", 0L));
        headline.put("blocked", statuses.getOrDefault("BLOCKED", 0L));
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("succeeded", statuses.getOrDefault("APPROVED", 0L));
        outcomes.put("failed", statuses.getOrDefault("DECLINED", 0L) + statuses.getOrDefault("BLOCKED", 0L));
        Map<String, Rate> services = new TreeMap<>();
        SERVICES.forEach((step, service) -> {
            Map<String, Long> results = sums.getOrDefault("step:" + step.name(), Map.of());
            long passed = results.getOrDefault("PASSED", 0L);
            long attempted = passed + results.getOrDefault("FAILED", 0L) + results.getOrDefault("SUBMITTED", 0L);
            Rate before = services.getOrDefault(service, new Rate(0, 0));
            services.put(service, new Rate(before.passed() + passed, before.attempted() + attempted));
        });
        return new Figures(
                from,
                to,
                headline,
                perDay,
                perDay.isEmpty() ? 0 : (double) applicants / perDay.size(),
                statuses,
                sums.getOrDefault("warnings", Map.of()),
                top(sums.getOrDefault("country", Map.of()), 10),
                outcomes,
                sums.getOrDefault("failedAt", Map.of()),
                services);
    }

    /** Today, in UTC: the last day of the default range. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Map<String, Long> top(Map<String, Long> counts, int n) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
