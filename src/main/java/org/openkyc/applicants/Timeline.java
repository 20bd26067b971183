package org.openkyc.applicants;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.core.CompanyId;
import org.openkyc.core.crypto.KeyedHash;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.media.ApplicantDataKeys;
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
 *
 * <p>An entry's personal part (its details and the client's address and device) enters the chain through a digest
 * keyed with the applicant's own data key (seal format 2). Erasing an applicant empties the personal parts and keeps
 * the digests, so the chain still verifies; once the applicant's key is destroyed the digests cannot be tied to
 * anything. Entries written in the first format (the personal part hashed into the chain directly) are re-sealed in
 * the second, once their chain verified, when the applicant is erased.
 */
@Component
class Timeline {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final KeyedHash keyed;
    private final ApplicantDataKeys keys;

    Timeline(JdbcClient jdbc, Clock clock, SecretBox secrets, ApplicantDataKeys keys) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keyed = secrets.keyedHash("applicant-timeline");
        this.keys = keys;
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
        Head head = jdbc.sql(
                        "SELECT company_id, timeline_head, timeline_length FROM applicant WHERE id = :id FOR UPDATE")
                .param("id", applicant.value())
                .query((rows, i) ->
                        new Head(new CompanyId(rows.getObject(1, UUID.class)), rows.getString(2), rows.getInt(3)))
                .single();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int sequence = head.length() + 1;
        String previous = head.hash() == null ? "" : head.hash();
        String detailsJson = JSON.writeValueAsString(details);
        String digest = contentDigest(
                keys.key(head.company(), applicant.value())
                        .orElseThrow(() -> new IllegalStateException("The applicant was erased")),
                detailsJson,
                client.ip(),
                client.os(),
                client.browser());
        String hash = hash(previous, applicant, sequence, at, actorType.name(), actorId, action, digest);
        jdbc.sql("""
                        INSERT INTO applicant_event (applicant_id, sequence, at, actor_type, actor_id, action, details,
                          ip, os, browser, previous, hash, seal_version, content_digest)
                        VALUES (:applicant, :sequence, :at, :actorType, :actorId, :action, :details, :ip, :os, :browser,
                          :previous, :hash, 2, :digest)
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
                .param("digest", digest)
                .update();
        head(applicant, sequence, hash);
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
        byte[] key = keys.existing(applicant.value()).orElse(null);
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
            if (!hashOf(applicant, row).equals(row.hash())) {
                problems.add(new TimelineCheck.Problem(row.sequence(), "altered"));
            } else if (!row.previous().equals(previous)) {
                problems.add(new TimelineCheck.Problem(row.sequence(), "out of chain"));
            } else if (row.sealVersion() == 2 && !row.erased()) {
                // A kept personal part must still be the one sealed; an erased one is only its digest.
                if (key == null
                        || !contentDigest(key, row.details(), row.ip(), row.os(), row.browser())
                                .equals(row.contentDigest())) {
                    problems.add(new TimelineCheck.Problem(row.sequence(), "altered"));
                }
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

    /**
     * Empties the personal part of every entry (details, address, device), keeping what seals them; entries of the
     * first format are re-sealed in the second first. Call it before the applicant's key is destroyed.
     *
     * @throws IllegalStateException when the timeline does not verify: re-sealing it would hide the tampering
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void erase(ApplicantId applicant, CompanyId company) {
        List<Row> rows = rows(applicant);
        if (rows.stream().anyMatch(r -> r.sealVersion() == 1)) {
            TimelineCheck check = verify(applicant);
            if (!check.valid()) {
                throw new IllegalStateException(
                        "The timeline of " + applicant + " does not verify (" + check.problems() + "); not re-sealed");
            }
            byte[] key = keys.key(company, applicant.value()).orElseThrow();
            String previous = "";
            for (Row row : rows) {
                String digest = row.sealVersion() == 2
                        ? row.contentDigest()
                        : contentDigest(key, row.details(), row.ip(), row.os(), row.browser());
                String hash = hash(
                        previous,
                        applicant,
                        row.sequence(),
                        row.at(),
                        row.actorType(),
                        row.actorId(),
                        row.action(),
                        digest);
                jdbc.sql("""
                                UPDATE applicant_event SET seal_version = 2, content_digest = :digest,
                                  previous = :previous, hash = :hash
                                WHERE applicant_id = :applicant AND sequence = :sequence
                                """)
                        .param("digest", digest)
                        .param("previous", previous)
                        .param("hash", hash)
                        .param("applicant", applicant.value())
                        .param("sequence", row.sequence())
                        .update();
                previous = hash;
            }
            head(applicant, rows.size(), previous);
        }
        jdbc.sql("""
                        UPDATE applicant_event SET details = '{}', ip = NULL, os = NULL, browser = NULL, erased_at = :now
                        WHERE applicant_id = :applicant AND erased_at IS NULL
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("applicant", applicant.value())
                .update();
    }

    private void head(ApplicantId applicant, int length, String hash) {
        jdbc.sql(
                        "UPDATE applicant SET timeline_head = :hash, timeline_length = :length, timeline_seal = :seal WHERE id = :id")
                .param("hash", hash)
                .param("length", length)
                .param("seal", seal(applicant, length, hash))
                .param("id", applicant.value())
                .update();
    }

    private List<Row> rows(ApplicantId applicant) {
        return jdbc.sql("""
                        SELECT sequence, at, actor_type, actor_id, action, details, ip, os, browser, previous, hash,
                          seal_version, content_digest, erased_at
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
                        r.getString("hash"),
                        r.getInt("seal_version"),
                        r.getString("content_digest"),
                        r.getTimestamp("erased_at") != null))
                .list();
    }

    /** The chain hash a row should have, in its format. */
    private String hashOf(ApplicantId applicant, Row row) {
        if (row.sealVersion() == 2) {
            return hash(
                    row.previous(),
                    applicant,
                    row.sequence(),
                    row.at(),
                    row.actorType(),
                    row.actorId(),
                    row.action(),
                    String.valueOf(row.contentDigest()));
        }
        return keyed.of(
                row.previous(),
                applicant.toString(),
                Integer.toString(row.sequence()),
                row.at().toString(),
                row.actorType(),
                row.actorId(),
                row.action(),
                row.details(),
                row.ip(),
                row.os(),
                row.browser());
    }

    private String hash(
            String previous,
            ApplicantId applicant,
            int sequence,
            Instant at,
            String actorType,
            @Nullable String actorId,
            String action,
            String contentDigest) {
        return keyed.of(
                "v2",
                previous,
                applicant.toString(),
                Integer.toString(sequence),
                at.toString(),
                actorType,
                actorId,
                action,
                contentDigest);
    }

    private static String contentDigest(
            byte[] applicantKey, String details, @Nullable String ip, @Nullable String os, @Nullable String browser) {
        return KeyedHash.under(applicantKey, "timeline-content").of(details, ip, os, browser);
    }

    private String seal(ApplicantId applicant, int length, @Nullable String head) {
        return keyed.of("seal", applicant.toString(), Integer.toString(length), head);
    }

    private record Sealed(
            @Nullable String hash, int length, @Nullable String seal) {}

    private record Head(CompanyId company, @Nullable String hash, int length) {}

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
            String hash,
            int sealVersion,
            @Nullable String contentDigest,
            boolean erased) {

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
