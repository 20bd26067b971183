package org.openkyc.applicants;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.core.crypto.KeyedHash;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.core.web.ClientInfo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applicant timeline: append-only (database triggers refuse updates, deletes and truncation) and chained
 * with a keyed hash (HMAC under a key derived from the master key). Each entry's hash covers its content and
 * the previous entry's hash; the applicant row keeps the last hash and the count, sealed with the same key. A
 * changed, removed, reordered or cut-off entry is found by {@link #verify}, even by someone who can write to the
 * database, as long as they do not hold the master key. Restoring an older, complete state of both the rows and
 * the seal is not detected.
 */
@Component
class Timeline {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final KeyedHash keyed;

    Timeline(JdbcClient jdbc, Clock clock, SecretBox secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keyed = secrets.keyedHash("applicant-timeline");
    }

    /** Appends an entry in the caller's transaction; the applicant row is locked until it commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    void append(
            ApplicantId applicant,
            ActorType actorType,
            @Nullable String actorId,
            String action,
            Map<String, Object> details,
            ClientInfo client) {
        Head head = jdbc.sql("SELECT timeline_head, timeline_length FROM applicant WHERE id = :id FOR UPDATE")
                .param("id", applicant.value())
                .query((rows, i) -> new Head(rows.getString(1), rows.getInt(2)))
                .single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int sequence = head.length() + 1;
        String previous = head.hash() == null ? "" : head.hash();
        String detailsJson = JSON.writeValueAsString(details);
        String hash = hash(
                previous,
                applicant,
                sequence,
                at,
                actorType.name(),
                actorId,
                action,
                detailsJson,
                client.ip(),
                client.os(),
                client.browser());
        jdbc.sql("""
                        INSERT INTO applicant_event (applicant_id, sequence, at, actor_type, actor_id, action, details,
                          ip, os, browser, previous, hash)
                        VALUES (:applicant, :sequence, :at, :actorType, :actorId, :action, :details, :ip, :os, :browser,
                          :previous, :hash)
                        """)
                .param("applicant", applicant.value())
                .param("sequence", sequence)
                .param("at", Timestamp.from(at))
                .param("actorType", actorType.name())
                .param("actorId", actorId)
                .param("action", action)
                .param("details", detailsJson)
                .param("ip", client.ip())
                .param("os", client.os())
                .param("browser", client.browser())
                .param("previous", previous)
                .param("hash", hash)
                .update();
        jdbc.sql(
                        "UPDATE applicant SET timeline_head = :hash, timeline_length = :length, timeline_seal = :seal WHERE id = :id")
                .param("hash", hash)
                .param("length", sequence)
                .param("seal", seal(applicant, sequence, hash))
                .param("id", applicant.value())
                .update();
    }

    List<TimelineEntry> entries(ApplicantId applicant) {
        return rows(applicant).stream().map(Row::entry).toList();
    }

    TimelineCheck verify(ApplicantId applicant) {
        List<Row> rows = rows(applicant);
        Sealed head = jdbc.sql("SELECT timeline_head, timeline_length, timeline_seal FROM applicant WHERE id = :id")
                .param("id", applicant.value())
                .query((r, i) -> new Sealed(r.getString(1), r.getInt(2), r.getString(3)))
                .single();
        List<TimelineCheck.Problem> problems = new ArrayList<>();
        if (head.length() > 0 && !seal(applicant, head.length(), head.hash()).equals(head.seal())) {
            problems.add(new TimelineCheck.Problem(head.length(), "seal broken"));
        }
        String previous = "";
        int expected = 1;
        for (Row row : rows) {
            for (; expected < row.sequence(); expected++) {
                problems.add(new TimelineCheck.Problem(expected, "missing"));
            }
            expected = row.sequence() + 1;
            String recomputed = hash(
                    row.previous(),
                    applicant,
                    row.sequence(),
                    row.at(),
                    row.actorType(),
                    row.actorId(),
                    row.action(),
                    row.details(),
                    row.ip(),
                    row.os(),
                    row.browser());
            if (!recomputed.equals(row.hash())) {
                problems.add(new TimelineCheck.Problem(row.sequence(), "altered"));
            } else if (!row.previous().equals(previous)) {
                problems.add(new TimelineCheck.Problem(row.sequence(), "out of chain"));
            }
            previous = row.hash();
        }
        for (; expected <= head.length(); expected++) {
            problems.add(new TimelineCheck.Problem(expected, "missing"));
        }
        if (problems.isEmpty() && !previous.equals(head.hash() == null ? "" : head.hash())) {
            problems.add(new TimelineCheck.Problem(
                    rows.isEmpty() ? 0 : rows.getLast().sequence(), "out of chain"));
        }
        return new TimelineCheck(problems.isEmpty(), rows.size(), problems);
    }

    private List<Row> rows(ApplicantId applicant) {
        return jdbc.sql("""
                        SELECT sequence, at, actor_type, actor_id, action, details, ip, os, browser, previous, hash
                        FROM applicant_event WHERE applicant_id = :applicant ORDER BY sequence
                        """)
                .param("applicant", applicant.value())
                .query((r, i) -> new Row(
                        r.getInt("sequence"),
                        r.getTimestamp("at").toInstant(),
                        r.getString("actor_type"),
                        r.getString("actor_id"),
                        r.getString("action"),
                        r.getString("details"),
                        r.getString("ip"),
                        r.getString("os"),
                        r.getString("browser"),
                        r.getString("previous"),
                        r.getString("hash")))
                .list();
    }

    private String hash(
            String previous,
            ApplicantId applicant,
            int sequence,
            Instant at,
            String actorType,
            @Nullable String actorId,
            String action,
            String details,
            @Nullable String ip,
            @Nullable String os,
            @Nullable String browser) {
        return keyed.of(
                previous,
                applicant.toString(),
                Integer.toString(sequence),
                at.toString(),
                actorType,
                actorId,
                action,
                details,
                ip,
                os,
                browser);
    }

    private String seal(ApplicantId applicant, int length, @Nullable String head) {
        return keyed.of("seal", applicant.toString(), Integer.toString(length), head);
    }

    private record Sealed(
            @Nullable String hash, int length, @Nullable String seal) {}

    private record Head(@Nullable String hash, int length) {}

    private record Row(
            int sequence,
            Instant at,
            String actorType,
            @Nullable String actorId,
            String action,
            String details,
            @Nullable String ip,
            @Nullable String os,
            @Nullable String browser,
            String previous,
            String hash) {

        TimelineEntry entry() {
            return new TimelineEntry(
                    sequence,
                    at,
                    ActorType.valueOf(actorType),
                    actorId,
                    action,
                    JSON.readValue(details, MAP),
                    ip,
                    os,
                    browser);
        }
    }
}
