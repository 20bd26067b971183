package org.openkyc.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.ScreeningIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screening applicants against the loaded lists: every listed entity found is kept per applicant with a review status.
 * A status a reviewer decided stays with the entity, so screening the applicant again does not reopen it.
 */
@Service
public class ApplicantScreening {

    /** The rate from which a listed entity is a potential match. */
    public static final int THRESHOLD = 80;

    private final JdbcClient jdbc;
    private final ScreeningLists lists;
    private final Clock clock;

    ApplicantScreening(JdbcClient jdbc, ScreeningLists lists, Clock clock) {
        this.jdbc = jdbc;
        this.lists = lists;
        this.clock = clock;
    }

    /** The review status of a match. */
    public enum MatchStatus {
        UNKNOWN,
        NO_MATCH,
        POTENTIAL_MATCH,
        FALSE_POSITIVE,
        TRUE_POSITIVE,
        TRUE_POSITIVE_APPROVE,
        TRUE_POSITIVE_REJECT;

        /** Whether a reviewer has settled it as not the applicant. */
        public boolean cleared() {
            return this == NO_MATCH || this == FALSE_POSITIVE;
        }
    }

    /** Who is screened: a name and what else is known. */
    public record Subject(
            String name,
            @Nullable Integer birthYear,
            @Nullable String nationality,
            @Nullable String gender) {}

    /** A listed entity found for an applicant. */
    public record Match(
            UUID id,
            String entityKey,
            String entityName,
            String matchedName,
            String source,
            String listType,
            int matchRate,
            String explanation,
            MatchStatus status,
            @Nullable String comment,
            Instant createdAt) {}

    /** Screens the applicant; answers the matches still open (found now and not cleared by a reviewer). */
    @Transactional
    public List<Match> screen(CompanyId company, UUID applicant, Subject subject) {
        ScreeningIndex.Query query = new ScreeningIndex.Query(
                subject.name(),
                NameNormaliser.Schema.PERSON,
                subject.birthYear(),
                null,
                null,
                List.of(),
                subject.nationality(),
                subject.gender(),
                null,
                THRESHOLD,
                20,
                false);
        Instant now = clock.instant();
        for (ScreeningIndex.Hit hit : lists.index().search(query)) {
            String explanation = hit.score() == null ? "" : hit.score().explanation();
            if (!hit.adjustments().isEmpty()) {
                explanation = (explanation.isEmpty() ? "" : explanation + "; ") + String.join("; ", hit.adjustments());
            }
            jdbc.sql("""
                            INSERT INTO aml_match (id, company_id, applicant_id, entity_key, entity_name, matched_name,
                              source, list_type, match_rate, explanation, status, created_at, updated_at)
                            VALUES (:id, :company, :applicant, :key, :name, :matched, :source, :type, :rate,
                              :explanation, 'POTENTIAL_MATCH', :now, :now)
                            ON CONFLICT (applicant_id, entity_key) DO UPDATE SET match_rate = EXCLUDED.match_rate,
                              matched_name = EXCLUDED.matched_name, explanation = EXCLUDED.explanation,
                              updated_at = EXCLUDED.updated_at
                            """)
                    .param("id", UUID.randomUUID())
                    .param("company", company.value())
                    .param("applicant", applicant)
                    .param("key", hit.entity().source() + ":" + hit.entity().id())
                    .param("name", hit.entity().name())
                    .param("matched", hit.matchedName())
                    .param("source", hit.entity().source())
                    .param("type", hit.entity().listType().name())
                    .param("rate", hit.matchRate())
                    .param("explanation", explanation)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return matches(company, applicant).stream()
                .filter(m -> !m.status().cleared())
                .toList();
    }

    public List<Match> matches(CompanyId company, UUID applicant) {
        return jdbc.sql("""
                        SELECT * FROM aml_match WHERE company_id = :company AND applicant_id = :applicant
                        ORDER BY match_rate DESC, entity_key
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> row(r))
                .list();
    }

    /** A reviewer's decision on a match, with an optional comment. */
    @Transactional
    public Match decide(CompanyId company, UUID applicant, UUID match, String status, String comment) {
        MatchStatus decided;
        try {
            decided = MatchStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "status", "must be one of " + List.of(MatchStatus.values()));
        }
        if (comment.length() > 2000) {
            throw InvalidInputException.of("comment", "size", "must be at most 2000 characters");
        }
        int updated = jdbc.sql("""
                        UPDATE aml_match SET status = :status, comment = :comment, updated_at = :now
                        WHERE id = :id AND company_id = :company AND applicant_id = :applicant
                        """)
                .param("status", decided.name())
                .param("comment", comment.isBlank() ? null : comment.strip())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", match)
                .param("company", company.value())
                .param("applicant", applicant)
                .update();
        if (updated == 0) {
            throw new NotFoundException("No such match.");
        }
        return matches(company, applicant).stream()
                .filter(m -> m.id().equals(match))
                .findFirst()
                .orElseThrow();
    }

    private static Match row(ResultSet r) throws SQLException {
        return new Match(
                r.getObject("id", UUID.class),
                r.getString("entity_key"),
                r.getString("entity_name"),
                r.getString("matched_name"),
                r.getString("source"),
                r.getString("list_type"),
                r.getInt("match_rate"),
                r.getString("explanation"),
                MatchStatus.valueOf(r.getString("status")),
                r.getString("comment"),
                r.getTimestamp("created_at").toInstant());
    }
}
