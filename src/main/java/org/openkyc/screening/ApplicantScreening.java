package org.openkyc.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.PepExposure;
import org.openkyc.screening.matching.ScreeningIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Screening applicants against the loaded lists: every listed entity found becomes a case of the applicant
 * ({@link AmlCases}) with a review status. Each screening is recorded with the list versions it ran against; one that
 * could not run (a needed kind of list missing or stale) is recorded as incomplete with what was missing, finds
 * nothing and never counts as "no match".
 */
@Service
public class ApplicantScreening {

    /** The rate from which a listed entity is a potential match. */
    public static final int THRESHOLD = 80;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScreeningLists lists;
    private final AmlCases cases;
    private final JdbcClient jdbc;
    private final ScreeningSettings settings;
    private final Clock clock;

    ApplicantScreening(ScreeningLists lists, AmlCases cases, JdbcClient jdbc, ScreeningSettings settings, Clock clock) {
        this.lists = lists;
        this.cases = cases;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who is screened: a name and what else is known. */
    public record Subject(
            String name,
            @Nullable Integer birthYear,
            @Nullable String nationality,
            @Nullable String gender) {

        ScreeningIndex.Query query() {
            return new ScreeningIndex.Query(
                    name,
                    NameNormaliser.Schema.PERSON,
                    birthYear,
                    null,
                    null,
                    List.of(),
                    nationality,
                    gender,
                    null,
                    THRESHOLD,
                    20,
                    false);
        }
    }

    /**
     * One screening of an applicant.
     *
     * @param complete whether it ran; when false, {@code missing} says why and nothing was searched
     * @param lists the list versions it ran against (or, when incomplete, those that were loaded)
     * @param open the matches still open after it: found now and not cleared by a reviewer
     */
    public record Screening(
            UUID id,
            Set<ListKind> required,
            boolean complete,
            List<ListVersion> lists,
            List<String> missing,
            Instant at,
            List<AmlCases.Match> open) {

        /** The versions screened against, as one line: each list and version; their dates are in the report. */
        public String against() {
            return String.join(
                    ", ",
                    lists.stream().map(l -> l.source() + " v" + l.version()).toList());
        }
    }

    /** The kinds of list a screening needs: sanctions always, PEP lists when asked for. */
    public static Set<ListKind> kinds(boolean pep) {
        return pep ? EnumSet.of(ListKind.SANCTIONS, ListKind.PEP) : EnumSet.of(ListKind.SANCTIONS);
    }

    /**
     * Screens the applicant against the lists of the {@code required} kinds (and the watchlists and own lists loaded),
     * or records that it could not.
     */
    @Transactional
    public Screening screen(CompanyId company, Mode mode, UUID applicant, Subject subject, Set<ListKind> required) {
        Coverage coverage = lists.coverage();
        List<String> missing = coverage.gaps(required);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        List<ListVersion> used = missing.isEmpty() ? coverage.used(required) : coverage.lists();
        jdbc.sql("""
                        INSERT INTO aml_screening (id, company_id, mode, applicant_id, subject, required, complete,
                          lists, missing, screened_at)
                        VALUES (:id, :company, :mode, :applicant, :subject, :required, :complete, :lists, :missing,
                          :at)
                        """)
                .param("id", id)
                .param("company", company.value())
                .param("mode", mode.code())
                .param("applicant", applicant)
                .param("subject", JSON.writeValueAsString(subject))
                .param(
                        "required",
                        String.join(",", required.stream().map(Enum::name).toList()))
                .param("complete", missing.isEmpty())
                .param("lists", JSON.writeValueAsString(used))
                .param("missing", String.join("\n", missing))
                .param("at", Timestamp.from(now))
                .update();
        if (!missing.isEmpty()) {
            return new Screening(id, required, false, used, missing, now, List.of());
        }
        List<ScreeningIndex.Hit> hits = search(subject.query(), required);
        cases.record(company, mode, AmlCases.Owner.applicant(applicant), subject.name(), hits, "SCREENING");
        List<String> found = hits.stream().map(h -> h.entity().key()).toList();
        List<AmlCases.Match> open = matches(company, applicant).stream()
                .filter(m -> found.contains(m.entityKey()) && !m.status().cleared())
                .toList();
        return new Screening(id, required, true, used, List.of(), now, open);
    }

    /**
     * The index's hits for a query, limited to the lists a screening of {@code required} kinds looks at (a
     * sanctions-only screening leaves PEP lists out), former PEPs past the period left out, PEP offices explained.
     */
    List<ScreeningIndex.Hit> search(ScreeningIndex.Query query, Set<ListKind> required) {
        List<ScreeningIndex.Hit> hits = new ArrayList<>(lists.index().search(query));
        if (!required.contains(ListKind.PEP)) {
            hits.removeIf(h -> h.entity().listType() == ListEntity.ListType.PEP);
        }
        return PepExposure.judge(
                hits,
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                settings.formerPepPeriod().toDays());
    }

    /** The applicant's newest screening, complete or not, with the matches open now. */
    public Optional<Screening> latest(CompanyId company, UUID applicant) {
        return jdbc.sql("""
                        SELECT * FROM aml_screening WHERE company_id = :company AND applicant_id = :applicant
                        ORDER BY screened_at DESC, id LIMIT 1
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> new Screening(
                        r.getObject("id", UUID.class),
                        required(r.getString("required")),
                        r.getBoolean("complete"),
                        JSON.readValue(r.getString("lists"), new TypeReference<List<ListVersion>>() {}),
                        r.getString("missing").isEmpty()
                                ? List.of()
                                : List.of(r.getString("missing").split("\n")),
                        r.getTimestamp("screened_at").toInstant(),
                        List.of()))
                .optional()
                .map(s -> new Screening(
                        s.id(),
                        s.required(),
                        s.complete(),
                        s.lists(),
                        s.missing(),
                        s.at(),
                        s.complete()
                                ? matches(company, applicant).stream()
                                        .filter(m -> !m.status().cleared())
                                        .toList()
                                : List.of()));
    }

    /** The applicant's matches, best first. */
    public List<AmlCases.Match> matches(CompanyId company, UUID applicant) {
        return cases.matches(company, AmlCases.Owner.applicant(applicant));
    }

    static Set<ListKind> required(String stored) {
        Set<ListKind> kinds = EnumSet.noneOf(ListKind.class);
        for (String kind : stored.split(",")) {
            if (!kind.isBlank()) {
                kinds.add(ListKind.valueOf(kind));
            }
        }
        return kinds;
    }
}
