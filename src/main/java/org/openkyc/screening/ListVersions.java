package org.openkyc.screening;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.openkyc.screening.matching.ListEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of every list kept in the database. Storing a list compares it with its current version entity by
 * entity: nothing changes when the content is the same; otherwise the new version becomes current, the old one stays
 * as previous (the newest {@code keepVersions} of them), and what was added or changed is answered so that monitored
 * people are screened against just that.
 */
@Service
public class ListVersions {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Serialises imports of the same lists from more than one instance. */
    private static final long LOCK = 0x4F4B_5343L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final int keep;

    ListVersions(JdbcClient jdbc, JdbcTemplate batch, Clock clock, ScreeningSettings settings) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.keep = Math.max(1, settings.keepVersions());
    }

    /** A version of a list, as the Lists page shows it. */
    public record Version(
            long id,
            String list,
            String origin,
            String status,
            int entities,
            int added,
            int changed,
            int removed,
            @Nullable String problem,
            Instant importedAt) {}

    /**
     * What storing a list did.
     *
     * @param version the new version's id, or null when the content was that of the current version
     * @param addedOrChanged the entities new in this version or different from the previous one
     */
    public record Stored(@Nullable Long version, List<ListEntity> addedOrChanged, int removed) {}

    /**
     * Stores {@code entities} as the list's new version unless they are what the current version holds; either way the
     * list is confirmed as current now.
     *
     * @param kind what the list is for, as coverage counts it
     * @param format the format the list was read in, as the Lists page names it
     * @param published the date the publisher gave the list, when its file says
     */
    @Transactional
    public Stored store(
            String list,
            String origin,
            ListKind kind,
            String format,
            @Nullable Instant published,
            List<ListEntity> entities) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", LOCK)
                .query()
                .singleValue();
        Map<String, ListEntity> byKey = new LinkedHashMap<>();
        for (ListEntity entity : entities) {
            byKey.putIfAbsent(entity.key(), entity);
        }
        Map<String, String> json = new LinkedHashMap<>();
        Map<String, String> digests = new TreeMap<>();
        byKey.forEach((key, entity) -> {
            String data = JSON.writeValueAsString(entity);
            json.put(key, data);
            digests.put(key, sha256(data));
        });
        String digest = sha256(String.join(
                "\n",
                digests.entrySet().stream()
                        .map(e -> e.getKey() + "\t" + e.getValue())
                        .toList()));
        Optional<Long> current = currentVersion(list);
        Map<String, String> before = new LinkedHashMap<>();
        if (current.isPresent()) {
            String currentDigest = jdbc.sql("SELECT digest FROM screening_list_version WHERE id = :id")
                    .param("id", current.get())
                    .query(String.class)
                    .single();
            if (digest.equals(currentDigest)) {
                jdbc.sql("UPDATE screening_list_version SET confirmed_at = :at WHERE id = :id")
                        .param("at", Timestamp.from(clock.instant()))
                        .param("id", current.get())
                        .update();
                return new Stored(null, List.of(), 0);
            }
            jdbc.sql("SELECT entity_key, digest FROM screening_list_entity WHERE version_id = :id")
                    .param("id", current.get())
                    .query(r -> {
                        before.put(r.getString(1), r.getString(2));
                    });
        }
        List<ListEntity> addedOrChanged = new ArrayList<>();
        int added = 0;
        for (Map.Entry<String, String> entry : digests.entrySet()) {
            String previous = before.get(entry.getKey());
            if (!entry.getValue().equals(previous)) {
                addedOrChanged.add(byKey.get(entry.getKey()));
                added += previous == null ? 1 : 0;
            }
        }
        int removed = (int)
                before.keySet().stream().filter(k -> !digests.containsKey(k)).count();
        current.ifPresent(id -> jdbc.sql("UPDATE screening_list_version SET status = 'PREVIOUS' WHERE id = :id")
                .param("id", id)
                .update());
        long version = jdbc.sql("""
                        INSERT INTO screening_list_version (list_name, origin, status, digest, entities, added,
                          changed, removed, imported_at, confirmed_at, kind, format, published_at)
                        VALUES (:list, :origin, 'CURRENT', :digest, :entities, :added, :changed, :removed, :at, :at,
                          :kind, :format, :published)
                        RETURNING id
                        """)
                .param("list", list)
                .param("origin", origin)
                .param("kind", kind.name())
                .param("format", format)
                .param("published", published == null ? null : Timestamp.from(published))
                .param("digest", digest)
                .param("entities", byKey.size())
                .param("added", added)
                .param("changed", addedOrChanged.size() - added)
                .param("removed", removed)
                .param("at", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        List<Object[]> rows = new ArrayList<>(byKey.size());
        json.forEach((key, data) -> rows.add(new Object[] {version, key, digests.get(key), data}));
        batch.batchUpdate(
                "INSERT INTO screening_list_entity (version_id, entity_key, digest, data) VALUES (?, ?, ?, ?)", rows);
        prune(list);
        return new Stored(version, List.copyOf(addedOrChanged), removed);
    }

    /** Records that a list could not be read; its current version stays current. */
    @Transactional
    public void refuse(String list, String origin, String problem) {
        jdbc.sql("""
                        INSERT INTO screening_list_version (list_name, origin, status, problem, imported_at)
                        VALUES (:list, :origin, 'REFUSED', :problem, :at)
                        """)
                .param("list", list)
                .param("origin", origin)
                .param("problem", problem.length() > 2000 ? problem.substring(0, 2000) : problem)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        prune(list);
    }

    /** A list no longer offered (its file was removed): its current version stops being used, and is kept. */
    @Transactional
    public boolean retire(String list) {
        return jdbc.sql("UPDATE screening_list_version SET status = 'RETIRED' WHERE list_name = :list"
                                + " AND status = 'CURRENT'")
                        .param("list", list)
                        .update()
                > 0;
    }

    /** The current version of every list with its entities, by list name. */
    @Transactional(readOnly = true)
    public Map<String, List<ListEntity>> current() {
        Map<String, List<ListEntity>> lists = new TreeMap<>();
        jdbc.sql("""
                        SELECT v.list_name, e.data FROM screening_list_version v
                        JOIN screening_list_entity e ON e.version_id = v.id
                        WHERE v.status = 'CURRENT' ORDER BY v.list_name, e.entity_key
                        """).query(r -> {
            lists.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                    .add(JSON.readValue(r.getString(2), ListEntity.class));
        });
        return lists;
    }

    /** The entities of one stored version. */
    @Transactional(readOnly = true)
    public List<ListEntity> entities(long version) {
        return jdbc.sql("SELECT data FROM screening_list_entity WHERE version_id = :id ORDER BY entity_key")
                .param("id", version)
                .query((r, n) -> JSON.readValue(r.getString(1), ListEntity.class))
                .list();
    }

    /** The current version of every list, without its entities, by list name. */
    public List<ListVersion> currentVersions() {
        return jdbc.sql("""
                        SELECT id, list_name, kind, format, published_at, imported_at, confirmed_at, entities
                        FROM screening_list_version WHERE status = 'CURRENT' ORDER BY list_name
                        """)
                .query((r, n) -> new ListVersion(
                        r.getString("list_name"),
                        ListKind.valueOf(r.getString("kind")),
                        r.getLong("id"),
                        r.getString("format") == null ? "" : r.getString("format"),
                        r.getTimestamp("published_at") == null
                                ? null
                                : r.getTimestamp("published_at").toInstant(),
                        r.getTimestamp("imported_at").toInstant(),
                        r.getTimestamp("confirmed_at").toInstant(),
                        r.getInt("entities")))
                .list();
    }

    /** The newest refusal of every list: its last attempt that failed, and why. */
    public Map<String, Version> lastRefusals() {
        Map<String, Version> refusals = new TreeMap<>();
        for (Version version : versions(500)) {
            if (version.status().equals("REFUSED")) {
                refusals.putIfAbsent(version.list(), version);
            }
        }
        return refusals;
    }

    /** The names of the lists with a current version and where that version came from. */
    public Map<String, String> currentOrigins() {
        Map<String, String> origins = new TreeMap<>();
        jdbc.sql("SELECT list_name, origin FROM screening_list_version WHERE status = 'CURRENT'")
                .query(r -> {
                    origins.put(r.getString(1), r.getString(2));
                });
        return origins;
    }

    /** The newest versions of all lists, refusals included, newest first. */
    public List<Version> versions(int limit) {
        return jdbc.sql("SELECT * FROM screening_list_version ORDER BY id DESC LIMIT :limit")
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query((r, n) -> new Version(
                        r.getLong("id"),
                        r.getString("list_name"),
                        r.getString("origin"),
                        r.getString("status"),
                        r.getInt("entities"),
                        r.getInt("added"),
                        r.getInt("changed"),
                        r.getInt("removed"),
                        r.getString("problem"),
                        r.getTimestamp("imported_at").toInstant()))
                .list();
    }

    /** An entity as the newest stored version that holds it has it, for entities no longer listed. */
    public Optional<ListEntity> stored(String key) {
        return jdbc.sql("""
                        SELECT e.data FROM screening_list_entity e WHERE e.entity_key = :key
                        ORDER BY e.version_id DESC LIMIT 1
                        """)
                .param("key", key)
                .query(String.class)
                .optional()
                .map(data -> JSON.readValue(data, ListEntity.class));
    }

    private Optional<Long> currentVersion(String list) {
        return jdbc.sql("SELECT id FROM screening_list_version WHERE list_name = :list AND status = 'CURRENT'")
                .param("list", list)
                .query(Long.class)
                .optional();
    }

    /** Keeps the newest {@code keep} previous versions and the newest ten refusals of the list. */
    private void prune(String list) {
        jdbc.sql("""
                        DELETE FROM screening_list_version WHERE list_name = :list AND id IN (
                          SELECT id FROM screening_list_version WHERE list_name = :list AND status IN
                            ('PREVIOUS', 'RETIRED') ORDER BY id DESC OFFSET :keep)
                        """).param("list", list).param("keep", keep).update();
        jdbc.sql("""
                        DELETE FROM screening_list_version WHERE list_name = :list AND id IN (
                          SELECT id FROM screening_list_version WHERE list_name = :list AND status = 'REFUSED'
                          ORDER BY id DESC OFFSET 10)
                        """).param("list", list).update();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
