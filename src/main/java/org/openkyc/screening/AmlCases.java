package org.openkyc.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.screening.matching.ScreeningIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases screening opens: every listed entity found for an applicant or a manual scan, kept with its review status
 * and a thread of comments. A status a reviewer decided stays with the entity, so screening the same subject again
 * does not reopen it.
 */
@Service
public class AmlCases {

    private final JdbcClient jdbc;
    private final Clock clock;

    AmlCases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
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

        /** Whether a reviewer has settled it as not the subject. */
        public boolean cleared() {
            return this == NO_MATCH || this == FALSE_POSITIVE;
        }

        /** Whether a reviewer has settled it either way. */
        public boolean decided() {
            return this != UNKNOWN && this != POTENTIAL_MATCH;
        }
    }

    /** A reviewer's word on a match: the status set and why. */
    public record Comment(
            @Nullable UUID authorId,
            MatchStatus status,
            @Nullable String body,
            Instant createdAt) {}

    /**
     * A listed entity found for an applicant or a scan.
     *
     * @param foundBy {@code SCREENING} (the AML step or a scan), {@code LIST_UPDATE} (a list changed) or
     *     {@code PERIODIC} (monitoring's scheduled screening)
     */
    public record Match(
            UUID id,
            @Nullable UUID applicantId,
            @Nullable UUID scanId,
            @Nullable String subjectName,
            String entityKey,
            String entityName,
            String matchedName,
            String source,
            String listType,
            int matchRate,
            String explanation,
            MatchStatus status,
            String foundBy,
            List<Comment> comments,
            Instant createdAt,
            Instant updatedAt) {

        public @Nullable Comment lastComment() {
            return comments.stream()
                    .filter(c -> c.body() != null)
                    .reduce((a, b) -> b)
                    .orElse(null);
        }
    }

    /** Whose matches: an applicant's or a scan's. */
    public record Owner(
            @Nullable UUID applicantId, @Nullable UUID scanId) {

        public static Owner applicant(UUID id) {
            return new Owner(id, null);
        }

        public static Owner scan(UUID id) {
            return new Owner(null, id);
        }
    }

    /**
     * Keeps what a screening found for the owner; a match found before keeps its status and takes the new rate and
     * explanation. Answers the matches that are new.
     */
    @Transactional
    public List<Match> record(
            CompanyId company,
            Mode mode,
            Owner owner,
            String subjectName,
            List<ScreeningIndex.Hit> hits,
            String foundBy) {
        Instant now = clock.instant();
        List<UUID> added = new ArrayList<>();
        String conflict = owner.applicantId() != null ? "(applicant_id, entity_key)" : "(scan_id, entity_key)";
        for (ScreeningIndex.Hit hit : hits) {
            String explanation = hit.explanation();
            UUID id = UUID.randomUUID();
            Boolean inserted = jdbc.sql("""
                            INSERT INTO aml_match (id, company_id, mode, applicant_id, scan_id, subject_name,
                              entity_key, entity_name, matched_name, source, list_type, match_rate, explanation,
                              status, found_by, created_at, updated_at)
                            VALUES (:id, :company, :mode, :applicant, :scan, :subject, :key, :name, :matched, :source,
                              :type, :rate, :explanation, 'POTENTIAL_MATCH', :foundBy, :now, :now)
                            ON CONFLICT %s DO UPDATE SET match_rate = EXCLUDED.match_rate,
                              matched_name = EXCLUDED.matched_name, explanation = EXCLUDED.explanation,
                              updated_at = EXCLUDED.updated_at
                            RETURNING (xmax = 0)
                            """.formatted(conflict))
                    .param("id", id)
                    .param("company", company.value())
                    .param("mode", mode.code())
                    .param("applicant", owner.applicantId())
                    .param("scan", owner.scanId())
                    .param("subject", subjectName)
                    .param("key", hit.entity().key())
                    .param("name", hit.entity().name())
                    .param("matched", hit.matchedName())
                    .param("source", hit.entity().source())
                    .param("type", hit.entity().listType().name())
                    .param("rate", hit.matchRate())
                    .param("explanation", explanation)
                    .param("foundBy", foundBy)
                    .param("now", Timestamp.from(now))
                    .query(Boolean.class)
                    .single();
            if (Boolean.TRUE.equals(inserted)) {
                added.add(id);
            }
        }
        return matches(company, owner).stream()
                .filter(m -> added.contains(m.id()))
                .toList();
    }

    /** The owner's matches, best first. */
    public List<Match> matches(CompanyId company, Owner owner) {
        return query(
                "company_id = :company AND "
                        + (owner.applicantId() != null ? "applicant_id = :owner" : "scan_id = :owner"),
                Map.of(
                        "company",
                        company.value(),
                        "owner",
                        owner.applicantId() != null ? owner.applicantId() : owner.scanId()),
                "match_rate DESC, entity_key",
                500);
    }

    /**
     * The company's cases in the actor's mode, newest change first: scans' matches for actors who may scan, applicants'
     * for actors who may review.
     */
    public List<Match> cases(Actor actor, @Nullable MatchStatus status, int limit) {
        boolean scans = actor.can(Permission.AML_SCANS);
        boolean applicants = actor.can(Permission.APPLICANTS_REVIEW);
        if (!scans && !applicants) {
            actor.require(Permission.AML_SCANS);
        }
        StringBuilder where = new StringBuilder("company_id = :company AND mode = :mode");
        if (!scans) {
            where.append(" AND applicant_id IS NOT NULL");
        } else if (!applicants) {
            where.append(" AND scan_id IS NOT NULL");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("company", actor.companyId().value());
        params.put("mode", actor.mode().code());
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        return query(where.toString(), params, "updated_at DESC, id", limit);
    }

    /**
     * A reviewer's decision on a match of the actor's company and mode, with an optional comment. Applicants' matches
     * need the review permission, scans' the scan permission.
     */
    @Transactional
    public Match decide(Actor actor, UUID match, String status, String comment) {
        MatchStatus decided;
        try {
            decided = MatchStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "status", "must be one of " + List.of(MatchStatus.values()));
        }
        if (comment.length() > 2000) {
            throw InvalidInputException.of("comment", "size", "must be at most 2000 characters");
        }
        Match found = find(actor, match);
        actor.require(found.applicantId() != null ? Permission.APPLICANTS_REVIEW : Permission.AML_SCANS);
        Instant now = clock.instant();
        jdbc.sql("UPDATE aml_match SET status = :status, updated_at = :now WHERE id = :id")
                .param("status", decided.name())
                .param("now", Timestamp.from(now))
                .param("id", match)
                .update();
        jdbc.sql("""
                        INSERT INTO aml_match_comment (id, company_id, match_id, author_id, status, body, created_at)
                        VALUES (:id, :company, :match, :author, :status, :body, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("company", actor.companyId().value())
                .param("match", match)
                .param("author", actor.userId() == null ? null : actor.userId().value())
                .param("status", decided.name())
                .param("body", comment.isBlank() ? null : comment.strip())
                .param("now", Timestamp.from(now))
                .update();
        return find(actor, match);
    }

    /** A match of the actor's company and mode. */
    public Match find(Actor actor, UUID match) {
        return query(
                        "id = :id AND company_id = :company AND mode = :mode",
                        Map.of(
                                "id",
                                match,
                                "company",
                                actor.companyId().value(),
                                "mode",
                                actor.mode().code()),
                        "id",
                        1)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such match."));
    }

    private List<Match> query(String where, Map<String, ?> params, String order, int limit) {
        List<Match> rows = jdbc.sql("SELECT * FROM aml_match WHERE " + where + " ORDER BY " + order + " LIMIT :limit")
                .params(params)
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((r, n) -> row(r))
                .list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<Comment>> comments = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT match_id, author_id, status, body, created_at FROM aml_match_comment
                        WHERE match_id IN (:ids) ORDER BY created_at, id
                        """).param("ids", rows.stream().map(Match::id).toList()).query(r -> {
            comments.computeIfAbsent(r.getObject("match_id", UUID.class), k -> new ArrayList<>())
                    .add(new Comment(
                            r.getObject("author_id", UUID.class),
                            MatchStatus.valueOf(r.getString("status")),
                            r.getString("body"),
                            r.getTimestamp("created_at").toInstant()));
        });
        return rows.stream()
                .map(m -> new Match(
                        m.id(),
                        m.applicantId(),
                        m.scanId(),
                        m.subjectName(),
                        m.entityKey(),
                        m.entityName(),
                        m.matchedName(),
                        m.source(),
                        m.listType(),
                        m.matchRate(),
                        m.explanation(),
                        m.status(),
                        m.foundBy(),
                        List.copyOf(comments.getOrDefault(m.id(), List.of())),
                        m.createdAt(),
                        m.updatedAt()))
                .toList();
    }

    private static Match row(ResultSet r) throws SQLException {
        return new Match(
                r.getObject("id", UUID.class),
                r.getObject("applicant_id", UUID.class),
                r.getObject("scan_id", UUID.class),
                r.getString("subject_name"),
                r.getString("entity_key"),
                r.getString("entity_name"),
                r.getString("matched_name"),
                r.getString("source"),
                r.getString("list_type"),
                r.getInt("match_rate"),
                r.getString("explanation"),
                MatchStatus.valueOf(r.getString("status")),
                r.getString("found_by"),
                List.of(),
                r.getTimestamp("created_at").toInstant(),
                r.getTimestamp("updated_at").toInstant());
    }
}
