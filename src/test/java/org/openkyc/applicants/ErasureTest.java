package org.openkyc.applicants;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openkyc.core.OpenKycSettings;
import org.openkyc.core.crypto.KeyedHash;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.support.Api;
import org.openkyc.support.Documents;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Erasure after the grace period: a dump of every table and every file of the data directory hold none of the
 * applicant's personal data or media, their data key is gone, and the audit trail still verifies.
 */
class ErasureTest extends IntegrationTest {

    @Autowired
    ApplicantErasure erasure;

    @Autowired
    OpenKycSettings settings;

    @Autowired
    JdbcClient jdbc;

    private SignUps.Tenant tenant;

    @BeforeEach
    void company() {
        tenant = SignUps.tenant(api(), "Erasing");
    }

    @Test
    void afterTheGracePeriodNothingOfTheApplicantIsLeftButAVerifiableTombstone() throws IOException {
        java.util.Random random = new java.util.Random();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        String tag = letters.toString();
        String surname = "QUIX" + tag.substring(0, 6);
        String given = "VELMA" + tag.substring(6, 9);
        String number = "ZQ" + (1_000_000 + random.nextInt(8_999_999));
        String email = "velma." + tag.toLowerCase().substring(0, 8) + "@erased.test";
        String reference = "customer-" + tag.toLowerCase();
        String comment = "Checked the passport in person " + tag;
        List<String> personal = List.of(surname, given, number, email, reference, comment);

        String flow = tenant.flow(
                "Erasable",
                List.of(Map.of("type", "DOCUMENT", "config", Map.of("permittedDocumentTypes", List.of("PASSPORT")))));
        String id = tenant.applicant(
                flow,
                reference,
                Map.of(
                        "email",
                        email,
                        "phone",
                        "+44 7700 900123",
                        "fixedInfo",
                        Map.of("firstName", given, "lastName", surname)));
        Api app = api().as(tenant.token(id));
        app.post("/sdk/v1/start", null);
        Documents.submit(
                app, "PASSPORT", "NL", DocumentPhotos.passport("NLD", surname, given, number, "910305", "F", "330720"));
        app.post("/sdk/v1/finish", null);
        tenant.owner().post("/api/v1/applicants/" + id + "/comments", Map.of("text", comment));
        tenant.owner().post("/api/v1/applicants/" + id + "/review", Map.of("decision", "APPROVED", "comment", comment));
        UUID applicant = UUID.fromString(id);
        List<Path> files = mediaFiles(applicant);
        assertThat(files).as("the passport photo is stored").isNotEmpty();
        String before = dump();
        assertThat(personal).as("the dump finds what is there").allMatch(before::contains);
        assertThat(jdbc.sql("SELECT facts FROM dashboard_applicant WHERE applicant_id = :a")
                        .param("a", applicant)
                        .query(String.class)
                        .single())
                .as("the phone's and the document's countries")
                .contains("country:phone|GB", "country:document|NL");

        assertThat(tenant.owner().delete("/api/v1/applicants/" + id).status()).isEqualTo(202);
        int entries = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/timeline")
                .json()
                .size();
        clock.advance(Duration.ofDays(19));
        erasure.eraseDue();
        assertThat(dump()).as("still within the grace period").contains(surname);

        clock.advance(Duration.ofDays(2));
        assertThat(erasure.eraseDue()).isGreaterThanOrEqualTo(1);
        String after = dump();
        for (String value : personal) {
            assertThat(after).as(value).doesNotContain(value);
        }
        assertThat(files).allMatch(file -> !Files.exists(file));
        for (Path file : dataFiles()) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (String value : personal) {
                assertThat(content).as(file + " holds " + value).doesNotContain(value);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM applicant_data_key WHERE applicant_id = :a")
                        .param("a", applicant)
                        .query(Long.class)
                        .single())
                .as("the applicant's data key is destroyed")
                .isZero();

        String facts = jdbc.sql("SELECT facts FROM dashboard_applicant WHERE applicant_id = :a")
                .param("a", applicant)
                .query(String.class)
                .single();
        assertThat(facts)
                .as("the dashboard still counts the applicant, without where it came from")
                .contains("status|APPROVED")
                .doesNotContain("country");

        JsonNode tombstone = tenant.integrator().get("/api/v1/applicants/" + id).json();
        assertThat(tombstone.get("status").asString()).isEqualTo("APPROVED");
        assertThat(tombstone.get("erasedAt").isNull()).isFalse();
        JsonNode timeline = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/timeline")
                .json();
        assertThat(timeline.size()).isEqualTo(entries + 1);
        assertThat(timeline.get(entries).get("action").asString()).isEqualTo("PERSONAL_DATA_ERASED");
        assertThat(timeline.valueStream().map(e -> e.get("details").toString())).allMatch(d -> d.equals("{}"));
        JsonNode check = tenant.integrator()
                .get("/api/v1/applicants/" + id + "/timeline/verification")
                .json();
        assertThat(check.get("valid").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("entries").asInt()).isEqualTo(entries + 1);

        assertThat(tenant.integrator()
                        .post("/api/v1/applicants/" + id + "/restore", null)
                        .status())
                .as("nothing to restore")
                .isEqualTo(409);
        assertThat(tenant.integrator()
                        .post("/api/v1/applicants/" + id + "/access-tokens", Map.of("ttlSeconds", 3600))
                        .status())
                .isEqualTo(409);
        assertThat(tenant.integrator()
                        .post("/api/v1/applicants", Map.of("externalUserId", reference, "flowId", flow))
                        .status())
                .as("the reference is free again")
                .isEqualTo(201);
    }

    @Test
    void anErasedEntryCannotBeChangedAndAKeptOneStillShowsTampering() {
        String id = tenant.applicant(tenant.flow("Plain", List.of(Map.of("type", "EMAIL"))));
        tenant.owner().delete("/api/v1/applicants/" + id);
        clock.advance(Duration.ofDays(21));
        erasure.eraseDue();
        UUID applicant = UUID.fromString(id);
        List<String> refused = new ArrayList<>();
        for (String change : List.of(
                "UPDATE applicant_event SET action = 'APPROVE' WHERE applicant_id = :a AND sequence = 1",
                "UPDATE applicant_event SET details = '{\"x\":1}' WHERE applicant_id = :a AND sequence = 1",
                "DELETE FROM applicant_event WHERE applicant_id = :a")) {
            try {
                jdbc.sql(change).param("a", applicant).update();
            } catch (RuntimeException e) {
                refused.add(change);
            }
        }
        assertThat(refused).as("the timeline stays append-only").hasSize(3);
    }

    @Test
    void aTimelineOfTheFirstSealFormatIsResealedOnceVerifiedAndATamperedOneIsNotErased() {
        String flow = tenant.flow("Plain", List.of(Map.of("type", "EMAIL")));
        String kept = tenant.applicant(flow);
        String tampered = tenant.applicant(flow);
        for (String id : List.of(kept, tampered)) {
            tenant.integrator().delete("/api/v1/applicants/" + id);
            toFirstSealFormat(UUID.fromString(id));
            assertThat(tenant.integrator()
                            .get("/api/v1/applicants/" + id + "/timeline/verification")
                            .json()
                            .get("valid")
                            .asBoolean())
                    .as("the first format verifies as it did")
                    .isTrue();
        }
        withoutTriggers(() -> jdbc.sql("UPDATE applicant_event SET details = '{\"changed\":true}'"
                        + " WHERE applicant_id = :a AND sequence = 1")
                .param("a", UUID.fromString(tampered))
                .update());

        clock.advance(Duration.ofDays(21));
        erasure.eraseDue();
        JsonNode check = tenant.integrator()
                .get("/api/v1/applicants/" + kept + "/timeline/verification")
                .json();
        assertThat(check.get("valid").asBoolean()).as(check.toString()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM applicant_event WHERE applicant_id = :a AND seal_version = 1")
                        .param("a", UUID.fromString(kept))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + kept)
                        .json()
                        .get("erasedAt")
                        .isNull())
                .isFalse();
        assertThat(tenant.integrator()
                        .get("/api/v1/applicants/" + tampered)
                        .json()
                        .get("erasedAt")
                        .isNull())
                .as("re-sealing would hide the tampering: it waits for a person")
                .isTrue();
    }

    /** Rewrites an applicant's timeline as entries written before the second seal format were. */
    private void toFirstSealFormat(UUID applicant) {
        KeyedHash keyed = new SecretBox(Base64.getDecoder().decode(MASTER_KEY)).keyedHash("applicant-timeline");
        List<Map<String, Object>> rows = jdbc.sql(
                        "SELECT * FROM applicant_event WHERE applicant_id = :a ORDER BY" + " sequence")
                .param("a", applicant)
                .query()
                .listOfRows();
        withoutTriggers(() -> {
            String previous = "";
            for (Map<String, Object> row : rows) {
                String hash = keyed.of(
                        previous,
                        applicant.toString(),
                        row.get("sequence").toString(),
                        ((java.sql.Timestamp) row.get("at")).toInstant().toString(),
                        (String) row.get("actor_type"),
                        (String) row.get("actor_id"),
                        (String) row.get("action"),
                        (String) row.get("details"),
                        (String) row.get("ip"),
                        (String) row.get("os"),
                        (String) row.get("browser"));
                jdbc.sql("UPDATE applicant_event SET seal_version = 1, content_digest = NULL, previous = :p, hash = :h"
                                + " WHERE applicant_id = :a AND sequence = :s")
                        .param("p", previous)
                        .param("h", hash)
                        .param("a", applicant)
                        .param("s", row.get("sequence"))
                        .update();
                previous = hash;
            }
            jdbc.sql("UPDATE applicant SET timeline_head = :h, timeline_seal = :seal WHERE id = :a")
                    .param("h", previous)
                    .param("seal", keyed.of("seal", applicant.toString(), Integer.toString(rows.size()), previous))
                    .param("a", applicant)
                    .update();
            return 0;
        });
    }

    private void withoutTriggers(java.util.function.Supplier<Integer> change) {
        jdbc.sql("ALTER TABLE applicant_event DISABLE TRIGGER USER").update();
        try {
            change.get();
        } finally {
            jdbc.sql("ALTER TABLE applicant_event ENABLE TRIGGER USER").update();
        }
    }

    /** Every row of every table, as text: what a database dump holds. */
    private String dump() {
        StringBuilder all = new StringBuilder();
        for (String table : jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                        """).query(String.class).list()) {
            jdbc.sql("SELECT t::text FROM \"" + table + "\" t")
                    .query(String.class)
                    .list()
                    .forEach(row -> all.append(table).append(' ').append(row).append('\n'));
        }
        return all.toString();
    }

    private List<Path> mediaFiles(UUID applicant) {
        return jdbc.sql("SELECT company_id, blob_key FROM media_item WHERE applicant_id = :a")
                .param("a", applicant)
                .query((r, n) -> settings.dataDir()
                        .resolve("media")
                        .resolve(r.getString("company_id"))
                        .resolve(r.getString("blob_key")))
                .list();
    }

    /**
     * The files OpenKYC keeps in its data directory (media, keys), not the embedded database cluster's own files:
     * the database is checked through its dump, and PostgreSQL's write-ahead log and free space hold earlier row
     * versions until it reuses them (the README's erasure section says so).
     */
    private List<Path> dataFiles() throws IOException {
        Path cluster = settings.dataDir().resolve("postgres");
        try (Stream<Path> walk = Files.walk(settings.dataDir())) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(cluster))
                    .toList();
        }
    }
}
