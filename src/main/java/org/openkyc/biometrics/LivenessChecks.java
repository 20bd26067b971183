package org.openkyc.biometrics;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.biometrics.faces.FaceEngine;
import org.openkyc.biometrics.faces.LivenessRules;
import org.openkyc.biometrics.faces.Rgb;
import org.openkyc.core.CompanyId;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.media.MediaItem;
import org.openkyc.media.MediaLibrary;
import org.openkyc.media.UploadChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Liveness attempts: a challenge is issued (one-shot: look at the camera; 3D: both head turns in a random order;
 * custom: the flow's actions in order), the camera frames come back tagged with the part of the challenge they were
 * taken in, are kept as the recording, and are judged by {@link LivenessRules}. Only judged attempts count against
 * the step's limit. Without face models an attempt is {@code NOT_AVAILABLE}: it goes to a person, never passes.
 */
@Service
public class LivenessChecks {

    /** The most frames one attempt may send. */
    public static final int MAX_FRAMES = 40;

    public static final String FRAME = "LIVENESS_FRAME";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final MediaLibrary media;
    private final FaceModels faces;
    private final Clock clock;

    LivenessChecks(JdbcClient jdbc, MediaLibrary media, FaceModels faces, Clock clock) {
        this.jdbc = jdbc;
        this.media = media;
        this.faces = faces;
        this.clock = clock;
    }

    /** What the applicant is asked to do, and how many judged attempts they have used of how many. */
    public record Challenge(UUID attempt, String mode, List<String> actions, int used, int allowed) {}

    /** A frame as sent: the image and the part of the challenge it was taken in (0: looking at the camera). */
    public record Frame(byte[] image, int segment) {}

    /** An attempt and, once judged, its verdict. */
    public record Attempt(
            UUID id,
            String mode,
            List<String> actions,
            String status,
            @Nullable Double passive,
            Map<String, Boolean> results,
            List<String> problems,
            List<UUID> frames,
            @Nullable UUID bestFrame,
            Instant createdAt) {

        public boolean passed() {
            return status.equals("PASSED");
        }
    }

    @Transactional
    public Challenge challenge(CompanyId company, UUID applicant, StepSettings.Liveness settings) {
        int used = used(company, applicant);
        if (used >= settings.attempts()) {
            throw new ConflictException("No liveness attempts are left.");
        }
        List<String> actions = new ArrayList<>();
        switch (settings.mode()) {
            case ONE_SHOT -> {}
            case ACTIVE_3D -> {
                actions.add(LivenessRules.Action.TURN_LEFT.name());
                actions.add(LivenessRules.Action.TURN_RIGHT.name());
                Collections.shuffle(actions, RANDOM);
            }
            case CUSTOM -> settings.actions().forEach(a -> actions.add(a.name()));
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO liveness_attempt (id, company_id, applicant_id, mode, actions, status, created_at)
                        VALUES (:id, :company, :applicant, :mode, :actions, 'OPEN', :now)
                        """)
                .param("id", id)
                .param("company", company.value())
                .param("applicant", applicant)
                .param("mode", settings.mode().name())
                .param("actions", JSON.writeValueAsString(actions))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return new Challenge(id, settings.mode().name(), List.copyOf(actions), used, settings.attempts());
    }

    /** Keeps the frames of an open attempt and judges them. */
    @Transactional
    public Attempt submit(CompanyId company, UUID applicant, UUID attemptId, List<Frame> frames) {
        Attempt attempt = attempts(company, applicant).stream()
                .filter(a -> a.id().equals(attemptId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such liveness attempt."));
        if (!attempt.status().equals("OPEN")) {
            throw new ConflictException("This liveness attempt was already judged; ask for a new challenge.");
        }
        if (frames.isEmpty() || frames.size() > MAX_FRAMES) {
            throw InvalidInputException.of("frames", "count", "send 1 to " + MAX_FRAMES + " frames");
        }
        List<UUID> stored = new ArrayList<>();
        List<LivenessRules.Frame> seen = new ArrayList<>();
        FaceEngine engine = faces.engine();
        for (Frame frame : frames) {
            if (frame.segment() < 0 || frame.segment() > attempt.actions().size()) {
                throw InvalidInputException.of(
                        "segments",
                        "range",
                        "a frame's part is 0 to " + attempt.actions().size());
            }
            MediaItem item = media.store(
                    company, applicant, FRAME, frame.image(), Set.of(UploadChecks.Kind.JPEG, UploadChecks.Kind.PNG));
            stored.add(item.id());
            if (engine.available()) {
                seen.add(analyse(engine, frame));
            }
        }
        String status;
        Double passive = null;
        Map<String, Boolean> results = Map.of();
        List<String> problems;
        UUID best = null;
        if (!engine.available()) {
            status = "NOT_AVAILABLE";
            problems = List.of("the face models are not available (" + engine.unavailableReason() + ")");
        } else {
            LivenessRules.Verdict verdict = LivenessRules.evaluate(
                    seen,
                    attempt.actions().stream()
                            .map(LivenessRules.Action::valueOf)
                            .toList(),
                    faces.configuration().livenessThreshold());
            status = verdict.passed() ? "PASSED" : "FAILED";
            passive = verdict.passive();
            results = verdict.actions();
            problems = verdict.problems();
            best = verdict.bestFrame() >= 0 ? stored.get(verdict.bestFrame()) : null;
        }
        jdbc.sql("""
                        UPDATE liveness_attempt SET status = :status, passive = :passive, details = :details,
                          frames = :frames, best_frame = :best, decided_at = :now
                        WHERE id = :id
                        """)
                .param("status", status)
                .param("passive", passive)
                .param("details", JSON.writeValueAsString(Map.of("results", results, "problems", problems)))
                .param("frames", JSON.writeValueAsString(stored))
                .param("best", best)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", attemptId)
                .update();
        return attempts(company, applicant).stream()
                .filter(a -> a.id().equals(attemptId))
                .findFirst()
                .orElseThrow();
    }

    /** The largest face of a frame; none when a second face nearly as large is there too (two people). */
    private LivenessRules.Frame analyse(FaceEngine engine, Frame frame) {
        Rgb image = FaceModels.decode(frame.image()).orElse(null);
        if (image == null) {
            return new LivenessRules.Frame(frame.segment(), null, 0);
        }
        List<FaceEngine.Face> found = engine.faces(image);
        if (found.isEmpty()) {
            return new LivenessRules.Frame(frame.segment(), null, 0);
        }
        FaceEngine.Face face = found.getFirst();
        if (found.size() > 1 && area(found.get(1)) > area(face) * 0.5) {
            return new LivenessRules.Frame(frame.segment(), null, 0);
        }
        return new LivenessRules.Frame(frame.segment(), face, engine.liveness(image, face.box()));
    }

    private static double area(FaceEngine.Face face) {
        return face.box().width() * face.box().height();
    }

    /** The applicant's attempts, oldest first. */
    public List<Attempt> attempts(CompanyId company, UUID applicant) {
        return jdbc.sql("""
                        SELECT * FROM liveness_attempt WHERE company_id = :company AND applicant_id = :applicant
                          AND deactivated_at IS NULL
                        ORDER BY created_at, id
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> row(r))
                .list();
    }

    /** The newest attempt that passed, if any. */
    public Optional<Attempt> passed(CompanyId company, UUID applicant) {
        return attempts(company, applicant).stream().filter(Attempt::passed).reduce((a, b) -> b);
    }

    /** How many attempts have been judged. */
    public int used(CompanyId company, UUID applicant) {
        return (int) attempts(company, applicant).stream()
                .filter(a -> !a.status().equals("OPEN"))
                .count();
    }

    private static Attempt row(ResultSet r) throws SQLException {
        String details = r.getString("details");
        Map<String, Object> parsed =
                details == null ? Map.of() : JSON.readValue(details, new TypeReference<Map<String, Object>>() {});
        @SuppressWarnings("unchecked")
        Map<String, Boolean> results = (Map<String, Boolean>) parsed.getOrDefault("results", Map.of());
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) parsed.getOrDefault("problems", List.of());
        String frames = r.getString("frames");
        Double passive = (Double) r.getObject("passive");
        return new Attempt(
                r.getObject("id", UUID.class),
                r.getString("mode"),
                JSON.readValue(r.getString("actions"), new TypeReference<List<String>>() {}),
                r.getString("status"),
                passive,
                results,
                problems,
                frames == null ? List.of() : JSON.readValue(frames, new TypeReference<List<UUID>>() {}),
                r.getObject("best_frame", UUID.class),
                r.getTimestamp("created_at").toInstant());
    }
}
