package org.openkyc.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.screening.lists.Countries;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.ScreeningIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Manual AML scans: a search of the lists by name, alias or document, kept with what it found. */
@Service
public class AmlScans {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ScreeningLists lists;
    private final ApplicantScreening screening;
    private final AmlCases cases;
    private final Clock clock;

    AmlScans(JdbcClient jdbc, ScreeningLists lists, ApplicantScreening screening, AmlCases cases, Clock clock) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.screening = screening;
        this.cases = cases;
        this.clock = clock;
    }

    /**
     * A scan as the API takes it.
     *
     * @param entityType {@code INDIVIDUAL} or {@code ORGANIZATION}
     * @param searchBy {@code NAME}, {@code ALIAS} or {@code DOCUMENT}
     * @param countries ISO alpha-2 codes (or names) entities must be of
     * @param deepSearch take every candidate sharing any key, not only those sharing two distinctive words
     */
    public record ScanRequest(
            @Nullable String name,
            @Nullable String entityType,
            @Nullable String searchBy,
            @Nullable Integer birthYear,
            @Nullable Integer birthYearFrom,
            @Nullable Integer birthYearTo,
            @Nullable List<String> countries,
            @Nullable Integer minMatchRate,
            @Nullable Boolean deepSearch) {}

    /** One entity found, in the contract's shape. */
    public record Result(
            String entityId,
            String name,
            int matchRate,
            String source,
            String listType,
            String entityType,
            String matchedName,
            List<String> birthDates,
            List<String> countries,
            String explanation) {}

    /**
     * A scan and what it found, best first.
     *
     * @param lists the list versions searched
     */
    public record Scan(
            UUID id, Instant createdAt, ScanRequest request, List<Result> results, List<ListVersion> lists) {}

    /**
     * Searches every loaded list. A scan needs a current sanctions list; without one it answers
     * {@link ScreeningUnavailableException} rather than an empty result. PEP lists are searched when loaded.
     */
    @Transactional
    public Scan scan(Actor actor, ScanRequest request) {
        actor.require(Permission.AML_SCANS);
        ScreeningIndex.Query query = query(request);
        Coverage coverage = lists.coverage();
        List<String> missing = coverage.gaps(Set.of(ListKind.SANCTIONS));
        if (!missing.isEmpty()) {
            throw new ScreeningUnavailableException(missing);
        }
        Set<ListKind> kinds = ApplicantScreening.kinds(coverage.covers(Set.of(ListKind.PEP)));
        List<ScreeningIndex.Hit> hits = screening.search(query, kinds);
        List<Result> results = new ArrayList<>();
        for (ScreeningIndex.Hit hit : hits) {
            String explanation = hit.explanation();
            results.add(new Result(
                    hit.entity().key(),
                    hit.entity().name(),
                    hit.matchRate(),
                    hit.entity().source(),
                    hit.entity().listType().name(),
                    switch (hit.entity().schema()) {
                        case PERSON -> "INDIVIDUAL";
                        case ORGANISATION -> "ORGANIZATION";
                        case VESSEL -> "VESSEL";
                        case ANY -> "UNKNOWN";
                    },
                    hit.matchedName(),
                    hit.entity().birthDates(),
                    hit.entity().countries(),
                    explanation));
        }
        Scan scan = new Scan(UUID.randomUUID(), clock.instant(), request, List.copyOf(results), coverage.used(kinds));
        jdbc.sql("""
                        INSERT INTO aml_scan (id, company_id, mode, created_by, request, results, created_at, lists)
                        VALUES (:id, :company, :mode, :by, :request, :results, :at, :lists)
                        """)
                .param("id", scan.id())
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().code())
                .param("by", actor.userId() == null ? null : actor.userId().value())
                .param("request", JSON.writeValueAsString(request))
                .param("results", JSON.writeValueAsString(results))
                .param("lists", JSON.writeValueAsString(scan.lists()))
                .param("at", Timestamp.from(scan.createdAt()))
                .update();
        cases.record(
                actor.companyId(),
                actor.mode(),
                AmlCases.Owner.scan(scan.id()),
                request.name() == null ? "" : request.name().strip(),
                hits,
                "SCREENING");
        return scan;
    }

    /** The company's scans in the actor's mode, newest first. */
    public List<Scan> scans(Actor actor, int page, int size) {
        actor.require(Permission.AML_SCANS);
        return jdbc.sql("""
                        SELECT id, created_at, request, results, lists FROM aml_scan
                        WHERE company_id = :company AND mode = :mode
                        ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset
                        """)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().code())
                .param("limit", Math.max(1, Math.min(size, 100)))
                .param("offset", Math.max(0, page) * Math.max(1, Math.min(size, 100)))
                .query((r, n) -> row(r))
                .list();
    }

    public Scan scan(Actor actor, UUID id) {
        actor.require(Permission.AML_SCANS);
        return jdbc.sql("""
                        SELECT id, created_at, request, results, lists FROM aml_scan
                        WHERE id = :id AND company_id = :company AND mode = :mode
                        """)
                .param("id", id)
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().code())
                .query((r, n) -> row(r))
                .optional()
                .orElseThrow(() -> new NotFoundException("No such scan."));
    }

    private static Scan row(java.sql.ResultSet r) throws java.sql.SQLException {
        return new Scan(
                r.getObject("id", UUID.class),
                r.getTimestamp("created_at").toInstant(),
                JSON.readValue(r.getString("request"), ScanRequest.class),
                JSON.readValue(r.getString("results"), new TypeReference<List<Result>>() {}),
                JSON.readValue(r.getString("lists"), new TypeReference<List<ListVersion>>() {}));
    }

    /** The search a scan request asks for, or a clear error. */
    static ScreeningIndex.Query query(ScanRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 300) {
            throw InvalidInputException.of("name", "size", "must be 1 to 300 characters");
        }
        String type = request.entityType() == null
                ? "INDIVIDUAL"
                : request.entityType().toUpperCase(Locale.ROOT);
        NameNormaliser.Schema schema = switch (type) {
            case "INDIVIDUAL" -> NameNormaliser.Schema.PERSON;
            case "ORGANIZATION" -> NameNormaliser.Schema.ORGANISATION;
            default -> throw InvalidInputException.of("entityType", "entityType", "must be INDIVIDUAL or ORGANIZATION");
        };
        String searchBy =
                request.searchBy() == null ? "NAME" : request.searchBy().toUpperCase(Locale.ROOT);
        if (!List.of("NAME", "ALIAS", "DOCUMENT").contains(searchBy)) {
            throw InvalidInputException.of("searchBy", "searchBy", "must be NAME, ALIAS or DOCUMENT");
        }
        int rate = request.minMatchRate() == null ? 80 : request.minMatchRate();
        if (rate < 0 || rate > 100) {
            throw InvalidInputException.of("minMatchRate", "range", "must be 0 to 100");
        }
        Integer from = request.birthYear() != null ? request.birthYear() : request.birthYearFrom();
        Integer to = request.birthYear() != null ? request.birthYear() : request.birthYearTo();
        if ((from == null) != (to == null) || (from != null && (from > to || from < 1850 || to > 2100))) {
            throw InvalidInputException.of(
                    "birthYearFrom", "range", "give a birth year, or both ends of a range from 1850 to 2100");
        }
        List<String> countries = new ArrayList<>();
        for (String country : request.countries() == null ? List.<String>of() : request.countries()) {
            countries.add(Countries.code(country)
                    .orElseThrow(
                            () -> InvalidInputException.of("countries", "country", country + " is not a country")));
        }
        boolean document = searchBy.equals("DOCUMENT");
        return new ScreeningIndex.Query(
                document ? "" : name,
                schema,
                request.birthYear(),
                from,
                to,
                countries,
                null,
                null,
                document ? name : null,
                rate,
                50,
                Boolean.TRUE.equals(request.deepSearch()));
    }
}
