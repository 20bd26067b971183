package org.openkyc.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.core.Permission;
import org.openkyc.flows.definition.StepSettings.Periodicity;
import org.openkyc.screening.matching.ChangeCandidates;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.ScreeningIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ongoing monitoring of applicants (an AML step with ongoing monitoring on) and of manual scans a reviewer chose to
 * watch. Two things screen them again:
 *
 * <ul>
 *   <li>a list change: only the entities the new versions added or changed are screened, against every watched subject
 *       at once (the subjects are indexed, each changed entity is one search, and each candidate is confirmed by
 *       screening the subject as usual);
 *   <li>the periodicity: daily, weekly or monthly the subject is screened against the whole lists, which catches what
 *       a list change cannot (a corrected name, a better matcher).
 * </ul>
 *
 * A new match on an applicant raises an {@code AML_MONITORING_MATCH} warning and puts a finished verification on
 * hold, which sends the {@code applicantOnHold} webhook; on a scan it appears on the Scan Results page. A match a
 * reviewer cleared stays cleared.
 */
@Service
public class AmlMonitoring {

    private static final Logger log = LoggerFactory.getLogger(AmlMonitoring.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ScreeningLists lists;
    private final ApplicantScreening screening;
    private final AmlCases cases;
    private final ApplicantManagement applicants;
    private final Clock clock;

    AmlMonitoring(
            JdbcClient jdbc,
            ScreeningLists lists,
            ApplicantScreening screening,
            AmlCases cases,
            ApplicantManagement applicants,
            Clock clock) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.screening = screening;
        this.cases = cases;
        this.applicants = applicants;
        this.clock = clock;
    }

    /** The subject as an entry of the index of watched subjects. */
    private static ListEntity asEntry(UUID monitor, ScreeningIndex.Query query) {
        List<String> years = new ArrayList<>();
        if (query.birthYear() != null) {
            years.add(String.valueOf(query.birthYear()));
        }
        List<String> where = new ArrayList<>(query.countries());
        if (query.nationality() != null) {
            where.add(query.nationality());
        }
        return new ListEntity(
                monitor.toString(),
                "MONITORED",
                ListEntity.ListType.WATCHLIST,
                query.schema(),
                query.name().isBlank() ? List.of() : List.of(query.name()),
                List.of(),
                years,
                where,
                query.gender(),
                query.identifier() == null ? List.of() : List.of(query.identifier()),
                List.of());
    }

    /** A watched applicant or scan. */
    public record Monitor(
            UUID id,
            @Nullable UUID applicantId,
            @Nullable UUID scanId,
            Periodicity periodicity,
            boolean active,
            @Nullable Instant lastScreenedAt,
            Instant nextDueAt) {}

    private record Subjects(String stamp, ScreeningIndex index, Map<String, Row> byId) {}

    private @Nullable Subjects subjects;

    private record Row(
            UUID id,
            CompanyId company,
            Mode mode,
            AmlCases.Owner owner,
            ScreeningIndex.Query watched,
            Periodicity every) {}

    /** Watches an applicant the AML step just screened. */
    @Transactional
    public void watchApplicant(
            CompanyId company, Mode mode, UUID applicant, ApplicantScreening.Subject subject, Periodicity periodicity) {
        watch(company, mode, AmlCases.Owner.applicant(applicant), subject.query(), periodicity, true);
    }

    /** Starts, changes or (with a null periodicity) stops watching one of the company's scans. */
    @Transactional
    public void watchScan(Actor actor, AmlScans.Scan scan, @Nullable Periodicity periodicity) {
        actor.require(Permission.AML_SCANS);
        watch(
                actor.companyId(),
                actor.mode(),
                AmlCases.Owner.scan(scan.id()),
                AmlScans.query(scan.request()),
                periodicity == null ? Periodicity.MONTHLY : periodicity,
                periodicity != null);
    }

    /** The company's monitors in a mode, by the applicant or scan they watch. */
    public Map<UUID, Monitor> monitors(CompanyId company, Mode mode) {
        Map<UUID, Monitor> found = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM aml_monitoring WHERE company_id = :company AND mode = :mode")
                .param("company", company.value())
                .param("mode", mode.code())
                .query((r, n) -> monitor(r))
                .list()
                .forEach(m -> found.put(m.applicantId() != null ? m.applicantId() : m.scanId(), m));
        return found;
    }

    public Optional<Monitor> monitor(CompanyId company, UUID applicantOrScan) {
        return jdbc.sql("""
                        SELECT * FROM aml_monitoring WHERE company_id = :company
                        AND (applicant_id = :id OR scan_id = :id)
                        """)
                .param("company", company.value())
                .param("id", applicantOrScan)
                .query((r, n) -> monitor(r))
                .optional();
    }

    @EventListener
    void listsChanged(ScreeningLists.ListsChanged changed) {
        try {
            screenChanges(changed.addedOrChanged());
        } catch (RuntimeException e) {
            log.error("Monitoring could not screen the list changes; the periodic screening will catch up", e);
        }
    }

    /**
     * Screens the entities a list change added or changed against every watched subject; answers how many new
     * matches were found.
     */
    public int screenChanges(List<ListEntity> changed) {
        if (changed.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        Subjects watched = subjects();
        Map<String, Row> byId = watched.byId();
        ScreeningIndex subjects = watched.index();
        Set<String> candidates = ChangeCandidates.of(subjects, changed);
        Set<String> changedKeys = new HashSet<>();
        changed.forEach(entity -> changedKeys.add(entity.key()));
        int found = 0;
        for (String candidate : candidates) {
            Row row = byId.get(candidate);
            List<ScreeningIndex.Hit> hits = screening.search(row.watched(), ApplicantScreening.kinds(true)).stream()
                    .filter(hit -> changedKeys.contains(hit.entity().key()))
                    .toList();
            found += found(row, hits, "LIST_UPDATE");
        }
        log.info(
                "Monitoring: {} changed entities screened against {} watched subjects in {} ms; {} candidates, {} new"
                        + " matches",
                changed.size(),
                byId.size(),
                (System.nanoTime() - started) / 1_000_000,
                candidates.size(),
                found);
        return found;
    }

    /**
     * The watched subjects, indexed. The index is kept while the monitors stay as they are (same count, same last
     * change), so a million watched people are indexed once, not at every list change.
     */
    private synchronized Subjects subjects() {
        String stamp = jdbc.sql("SELECT count(*) || '@' || coalesce(max(updated_at)::text, '') FROM aml_monitoring")
                .query(String.class)
                .single();
        if (subjects != null && subjects.stamp().equals(stamp)) {
            return subjects;
        }
        Map<String, Row> byId = new LinkedHashMap<>();
        List<ListEntity> entries = new ArrayList<>();
        for (Row row : active("TRUE")) {
            byId.put(row.id().toString(), row);
            entries.add(asEntry(row.id(), row.watched()));
        }
        subjects = new Subjects(stamp, ScreeningIndex.build(entries), byId);
        return subjects;
    }

    /** Screens the watched subjects whose periodic screening is due; answers how many new matches were found. */
    @Scheduled(cron = "${openkyc.screening.monitoring-cron:0 10 * * * *}")
    public int screenDue() {
        int found = 0;
        Instant now = clock.instant();
        List<String> missing = lists.coverage().gaps(Set.of(ListKind.SANCTIONS));
        if (!missing.isEmpty()) {
            // Not screened is not screened: the subjects stay due until lists are current again.
            log.warn("Periodic screening waits for lists: {}", String.join("; ", missing));
            return 0;
        }
        String screenedAgainst = JSON.writeValueAsString(lists.coverage().lists());
        for (Row row : active("next_due_at <= :now")) {
            found += found(row, screening.search(row.watched(), ApplicantScreening.kinds(true)), "PERIODIC");
            jdbc.sql("""
                            UPDATE aml_monitoring SET last_screened_at = :now, next_due_at = :next, updated_at = :now,
                              last_lists = :lists
                            WHERE id = :id
                            """)
                    .param("lists", screenedAgainst)
                    .param("now", Timestamp.from(now))
                    .param("next", Timestamp.from(next(now, row.every())))
                    .param("id", row.id())
                    .update();
        }
        return found;
    }

    private int found(Row row, List<ScreeningIndex.Hit> hits, String foundBy) {
        if (hits.isEmpty()) {
            return 0;
        }
        List<AmlCases.Match> added = cases.record(
                row.company(), row.mode(), row.owner(), row.watched().name(), hits, foundBy);
        if (!added.isEmpty() && row.owner().applicantId() != null) {
            applicants.monitoringAlert(
                    new ApplicantId(row.owner().applicantId()),
                    "AML_MONITORING_MATCH",
                    "Ongoing monitoring found new potential matches for "
                            + row.watched().name() + ": "
                            + String.join(
                                    "; ",
                                    added.stream()
                                            .map(m -> m.entityName() + " (" + m.source() + ", " + m.matchRate() + "%)")
                                            .toList())
                            + ".");
        }
        return added.size();
    }

    private void watch(
            CompanyId company,
            Mode mode,
            AmlCases.Owner owner,
            ScreeningIndex.Query watched,
            Periodicity every,
            boolean active) {
        Instant now = clock.instant();
        String conflict = owner.applicantId() != null ? "(applicant_id)" : "(scan_id)";
        jdbc.sql("""
                        INSERT INTO aml_monitoring (id, company_id, mode, applicant_id, scan_id, subject, periodicity,
                          active, last_screened_at, next_due_at, created_at, updated_at)
                        VALUES (:id, :company, :mode, :applicant, :scan, :subject, :every, :active, :now, :next, :now,
                          :now)
                        ON CONFLICT %s DO UPDATE SET subject = EXCLUDED.subject, periodicity = EXCLUDED.periodicity,
                          active = EXCLUDED.active, next_due_at = EXCLUDED.next_due_at, updated_at = EXCLUDED.updated_at
                        """.formatted(conflict))
                .param("id", UUID.randomUUID())
                .param("company", company.value())
                .param("mode", mode.code())
                .param("applicant", owner.applicantId())
                .param("scan", owner.scanId())
                .param("subject", JSON.writeValueAsString(watched))
                .param("every", every.name())
                .param("active", active)
                .param("now", Timestamp.from(now))
                .param("next", Timestamp.from(next(now, every)))
                .update();
    }

    private List<Row> active(String condition) {
        return jdbc.sql("SELECT * FROM aml_monitoring WHERE active AND " + condition + " ORDER BY created_at, id")
                .param("now", Timestamp.from(clock.instant()))
                .query((r, n) -> new Row(
                        r.getObject("id", UUID.class),
                        new CompanyId(r.getObject("company_id", UUID.class)),
                        Mode.fromCode(r.getString("mode")).orElseThrow(),
                        new AmlCases.Owner(r.getObject("applicant_id", UUID.class), r.getObject("scan_id", UUID.class)),
                        JSON.readValue(r.getString("subject"), ScreeningIndex.Query.class),
                        Periodicity.valueOf(r.getString("periodicity"))))
                .list();
    }

    private static Instant next(Instant from, Periodicity every) {
        var at = from.atOffset(ZoneOffset.UTC);
        var next = switch (every) {
            case DAILY -> at.plusDays(1);
            case WEEKLY -> at.plusWeeks(1);
            case MONTHLY -> at.plusMonths(1);
        };
        return next.toInstant();
    }

    private static Monitor monitor(ResultSet r) throws SQLException {
        Timestamp last = r.getTimestamp("last_screened_at");
        return new Monitor(
                r.getObject("id", UUID.class),
                r.getObject("applicant_id", UUID.class),
                r.getObject("scan_id", UUID.class),
                Periodicity.valueOf(r.getString("periodicity")),
                r.getBoolean("active"),
                last == null ? null : last.toInstant(),
                r.getTimestamp("next_due_at").toInstant());
    }
}
