package org.openkyc.dashboard;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.flows.definition.StepType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures for the applicants created in a date range (UTC days, both ends included), summed from the
 * daily roll-up: the headline numbers with the average they are compared with, applicants, successes and failures per
 * day, statuses, warnings, countries, the step verifications fail at, and each service's success rate; and the
 * company's target of successful verifications per day.
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

    /** One day of the range: applicants created that day, and how many of them succeeded or failed by now. */
    public record Day(long applicants, long succeeded, long failed) {}

    /**
     * Everything the dashboard shows for a range.
     *
     * @param baseline each headline number per day over the {@value #BASELINE_DAYS} days before the range (fewer when
     *     the company's first applicants came later; zero when none came before): the average a range is compared
     *     with
     * @param elapsedDays how much of the range has passed, in days: today counts with the part of it gone by, days
     *     to come not at all; the comparisons scale the average and the target by it
     * @param target the company's goal of successful verifications per day in this mode, if it set one
     * @param countries the top ten countries by residence, phone number and document origin
     */
    public record Figures(
            LocalDate from,
            LocalDate to,
            Map<String, Long> headline,
            Map<String, Double> baseline,
            double elapsedDays,
            @Nullable Integer target,
            Map<LocalDate, Day> perDay,
            double averagePerDay,
            Map<String, Long> statuses,
            Map<String, Long> warnings,
            Map<String, Map<String, Long>> countries,
            Map<String, Long> outcomes,
            Map<String, Long> failedAt,
            Map<String, Rate> services) {}

    /** How many days before a range its average is taken over. */
    public static final int BASELINE_DAYS = 90;

    /** The figures of the actor's company and mode for the applicants created from {@code from} to {@code to}. */
    public Figures figures(Actor actor, LocalDate from, LocalDate to) {
        actor.require(Permission.DASHBOARD);
        if (from.getYear() < 1970 || to.getYear() > 9999) {
            throw InvalidInputException.of("from", "range", "dates from 1970 to 9999");
        }
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) > 3660) {
            throw InvalidInputException.of("from", "range", "a range of at most ten years, from before to");
        }
        Map<String, Map<String, Long>> sums = sums(actor, from, to, false);
        LocalDate first = jdbc.sql("""
                        SELECT coalesce(min(day), :from) FROM dashboard_day
                        WHERE company_id = :company AND mode = :mode
                        """)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .param("from", Date.valueOf(from))
                .query(Date.class)
                .single()
                .toLocalDate();
        LocalDate baselineFrom = first.isAfter(from.minusDays(BASELINE_DAYS)) ? first : from.minusDays(BASELINE_DAYS);
        long baselineDays = ChronoUnit.DAYS.between(baselineFrom, from);
        Map<String, Map<String, Long>> before = sums(actor, baselineFrom, from.minusDays(1), true);
        Map<LocalDate, Day> perDay = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            perDay.put(day, new Day(0, 0, 0));
        }
        jdbc.sql("""
                        SELECT day,
                               sum(count) FILTER (WHERE dimension = 'applicants') AS applicants,
                               sum(count) FILTER (WHERE dimension = 'status' AND key = 'APPROVED') AS succeeded,
                               sum(count) FILTER (WHERE dimension = 'status' AND key IN ('DECLINED', 'BLOCKED'))
                                   AS failed
                        FROM dashboard_day
                        WHERE company_id = :company AND mode = :mode AND day BETWEEN :from AND :to
                          AND dimension IN ('applicants', 'status')
                        GROUP BY day
                        """)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query((r, n) -> perDay.put(
                        r.getDate("day").toLocalDate(),
                        new Day(r.getLong("applicants"), r.getLong("succeeded"), r.getLong("failed"))))
                .list();
        Map<String, Long> statuses = sums.getOrDefault("status", Map.of());
        Map<String, Long> headline = headline(sums);
        Map<String, Double> baseline = new LinkedHashMap<>();
        headline(before)
                .forEach((key, count) -> baseline.put(key, baselineDays <= 0 ? 0.0 : (double) count / baselineDays));
        Map<String, Long> outcomes = new LinkedHashMap<>();
        outcomes.put("succeeded", statuses.getOrDefault("APPROVED", 0L));
        outcomes.put("failed", statuses.getOrDefault("DECLINED", 0L) + statuses.getOrDefault("BLOCKED", 0L));
        Map<String, Rate> services = new TreeMap<>();
        SERVICES.forEach((step, service) -> {
            Map<String, Long> results = sums.getOrDefault("step:" + step.name(), Map.of());
            long passed = results.getOrDefault("PASSED", 0L);
            long attempted = passed + results.getOrDefault("FAILED", 0L) + results.getOrDefault("SUBMITTED", 0L);
            Rate earlier = services.getOrDefault(service, new Rate(0, 0));
            services.put(service, new Rate(earlier.passed() + passed, earlier.attempted() + attempted));
        });
        Map<String, Map<String, Long>> countries = new LinkedHashMap<>();
        countries.put("residence", top(sums.getOrDefault("country", Map.of()), 10));
        countries.put("phone", top(sums.getOrDefault("country:phone", Map.of()), 10));
        countries.put("document", top(sums.getOrDefault("country:document", Map.of()), 10));
        return new Figures(
                from,
                to,
                headline,
                baseline,
                elapsedDays(from, to),
                target(actor).orElse(null),
                perDay,
                (double) headline.get("applicants") / perDay.size(),
                statuses,
                sums.getOrDefault("warnings", Map.of()),
                countries,
                outcomes,
                sums.getOrDefault("failedAt", Map.of()),
                services);
    }

    /** How much of the range has passed, in days, today counted with the part of it gone by. */
    private double elapsedDays(LocalDate from, LocalDate to) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (today.isBefore(from)) {
            return 0;
        }
        if (today.isAfter(to)) {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
        double partOfToday = Duration.between(today.atStartOfDay(ZoneOffset.UTC).toInstant(), now)
                        .toMillis()
                / (double) Duration.ofDays(1).toMillis();
        return ChronoUnit.DAYS.between(from, today) + partOfToday;
    }

    /** The company's goal of successful verifications per day in the actor's mode, if it set one. */
    public Optional<Integer> target(Actor actor) {
        actor.require(Permission.DASHBOARD);
        return jdbc.sql("SELECT successful_per_day FROM dashboard_target WHERE company_id = :company AND mode = :mode")
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .query(Integer.class)
                .optional();
    }

    /** Sets (or, with {@code null}, removes) the goal of successful verifications per day in the actor's mode. */
    @Transactional
    public void setTarget(Actor actor, @Nullable Integer successfulPerDay) {
        actor.require(Permission.COMPANY);
        if (successfulPerDay == null) {
            jdbc.sql("DELETE FROM dashboard_target WHERE company_id = :company AND mode = :mode")
                    .param("company", actor.companyId().value())
                    .param("mode", actor.mode().name())
                    .update();
            return;
        }
        if (successfulPerDay < 1 || successfulPerDay > 10_000_000) {
            throw InvalidInputException.of("successfulPerDay", "range", "a whole number from 1 to 10,000,000");
        }
        jdbc.sql("""
                        INSERT INTO dashboard_target (company_id, mode, successful_per_day, updated_at)
                        VALUES (:company, :mode, :target, :now)
                        ON CONFLICT (company_id, mode) DO UPDATE SET successful_per_day = :target, updated_at = :now
                        """)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .param("target", successfulPerDay)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** The roll-up summed over the days, by dimension and key; only applicants and statuses for a baseline. */
    private Map<String, Map<String, Long>> sums(Actor actor, LocalDate from, LocalDate to, boolean headlineOnly) {
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        jdbc.sql("""
                        SELECT dimension, key, sum(count) AS total FROM dashboard_day
                        WHERE company_id = :company AND mode = :mode AND day BETWEEN :from AND :to
                          AND (NOT :headlineOnly OR dimension IN ('applicants', 'status'))
                        GROUP BY dimension, key
                        """)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("headlineOnly", headlineOnly)
                .query((r, n) -> sums.computeIfAbsent(r.getString("dimension"), d -> new TreeMap<>())
                        .put(r.getString("key"), r.getLong("total")))
                .list();
        return sums;
    }

    private static Map<String, Long> headline(Map<String, Map<String, Long>> sums) {
        Map<String, Long> statuses = sums.getOrDefault("status", Map.of());
        Map<String, Long> headline = new LinkedHashMap<>();
        headline.put("applicants", sums.getOrDefault("applicants", Map.of()).getOrDefault("", 0L));
        headline.put("inReview", statuses.getOrDefault("ON_HOLD", 0L) + statuses.getOrDefault("IN_REVIEW", 0L));
        headline.put("completed", statuses.getOrDefault("COMPLETED", 0L));
        headline.put("approved", statuses.getOrDefault("APPROVED", 0L));
        headline.put("rejected", statuses.getOrDefault("DECLINED", 0L));
        headline.put("blocked", statuses.getOrDefault("BLOCKED", 0L));
        return headline;
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
