package org.openkyc.biometrics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.biometrics.faces.FaceEngine;
import org.openkyc.biometrics.faces.Rgb;
import org.openkyc.core.CompanyId;
import org.openkyc.documents.DocumentChecks;
import org.openkyc.flows.definition.StepSettings.FaceSource;
import org.openkyc.media.MediaLibrary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Face match: the face of each source the flow chose (the photo on the identity document, the liveness frame, the
 * selfie with the document, the external database's reference photo), compared pair by pair. The match's percentage is
 * its weakest pair's, so every source must show the same person; it matches from the flow's threshold.
 */
@Service
public class FaceMatching {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final MediaLibrary media;
    private final DocumentChecks documents;
    private final LivenessChecks liveness;
    private final ExternalFaces external;
    private final FaceModels faces;
    private final Clock clock;

    FaceMatching(
            JdbcClient jdbc,
            MediaLibrary media,
            DocumentChecks documents,
            LivenessChecks liveness,
            ExternalFaces external,
            FaceModels faces,
            Clock clock) {
        this.jdbc = jdbc;
        this.media = media;
        this.documents = documents;
        this.liveness = liveness;
        this.external = external;
        this.faces = faces;
        this.clock = clock;
    }

    /** A source's face: the media item it is in (null for the external database) and where. */
    public record SourceFace(String source, @Nullable UUID mediaId, FaceEngine.@Nullable Box box) {}

    /** The similarity of two sources' faces. */
    public record Pair(String first, String second, int percent) {}

    /** A face match as kept. */
    public record Result(
            UUID id,
            String status,
            @Nullable Integer percent,
            int threshold,
            List<SourceFace> faces,
            List<Pair> pairs,
            List<String> problems,
            Instant createdAt) {

        public boolean matched() {
            return status.equals("MATCH");
        }
    }

    @Transactional
    public Result match(
            CompanyId company, UUID applicant, String externalUserId, Set<FaceSource> sources, int threshold) {
        FaceEngine engine = faces.engine();
        List<SourceFace> found = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String status;
        if (!engine.available()) {
            status = "NOT_AVAILABLE";
            problems.add("the face models are not available (" + engine.unavailableReason() + ")");
        } else {
            for (FaceSource source : sources.stream().sorted().toList()) {
                Image image = image(company, applicant, externalUserId, source);
                if (image == null) {
                    problems.add("no "
                            + source.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " photo");
                    continue;
                }
                List<FaceEngine.Face> inImage = engine.faces(image.pixels());
                if (inImage.isEmpty()) {
                    problems.add("no face on the "
                            + source.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " photo");
                    found.add(new SourceFace(source.name(), image.mediaId(), null));
                    continue;
                }
                // the largest face: the person, also on a selfie where they hold their document
                found.add(new SourceFace(
                        source.name(), image.mediaId(), inImage.getFirst().box()));
                embeddings.add(inImage.getFirst().embedding());
            }
            status = problems.isEmpty() ? "MATCH" : "NO_FACE";
        }
        List<Pair> pairs = new ArrayList<>();
        Integer percent = null;
        if (status.equals("MATCH")) {
            for (int i = 0; i < found.size(); i++) {
                for (int j = i + 1; j < found.size(); j++) {
                    pairs.add(new Pair(
                            found.get(i).source(),
                            found.get(j).source(),
                            engine.percent(FaceEngine.cosine(embeddings.get(i), embeddings.get(j)))));
                }
            }
            percent = pairs.stream().mapToInt(Pair::percent).min().orElse(0);
            status = percent >= threshold ? "MATCH" : "NO_MATCH";
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO face_match (id, company_id, applicant_id, status, percent, threshold, faces, pairs,
                          problems, created_at)
                        VALUES (:id, :company, :applicant, :status, :percent, :threshold, :faces, :pairs, :problems,
                          :now)
                        """)
                .param("id", id)
                .param("company", company.value())
                .param("applicant", applicant)
                .param("status", status)
                .param("percent", percent)
                .param("threshold", threshold)
                .param("faces", JSON.writeValueAsString(found))
                .param("pairs", JSON.writeValueAsString(pairs))
                .param("problems", JSON.writeValueAsString(problems))
                .param("now", Timestamp.from(now))
                .update();
        return new Result(
                id, status, percent, threshold, List.copyOf(found), List.copyOf(pairs), List.copyOf(problems), now);
    }

    /** The applicant's newest face match, if any. */
    public Optional<Result> latest(CompanyId company, UUID applicant) {
        return jdbc.sql("""
                        SELECT * FROM face_match WHERE company_id = :company AND applicant_id = :applicant
                          AND deactivated_at IS NULL
                        ORDER BY created_at DESC, id LIMIT 1
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> row(r))
                .optional();
    }

    private record Image(@Nullable UUID mediaId, Rgb pixels) {}

    private @Nullable Image image(CompanyId company, UUID applicant, String externalUserId, FaceSource source) {
        UUID mediaId = switch (source) {
            case DOCUMENT_PHOTO ->
                documents.latest(company, applicant).map(d -> d.frontMediaId()).orElse(null);
            case LIVENESS ->
                liveness.passed(company, applicant).map(a -> a.bestFrame()).orElse(null);
            case SELFIE ->
                media.latest(company, applicant, "SELFIE").map(m -> m.id()).orElse(null);
            case EXTERNAL_DATABASE -> null;
        };
        if (source == FaceSource.EXTERNAL_DATABASE) {
            return external.photo(company, externalUserId)
                    .flatMap(FaceModels::decode)
                    .map(pixels -> new Image(null, pixels))
                    .orElse(null);
        }
        if (mediaId == null) {
            return null;
        }
        return media.content(company, mediaId)
                .flatMap(FaceModels::decode)
                .map(pixels -> new Image(mediaId, pixels))
                .orElse(null);
    }

    private static Result row(ResultSet r) throws SQLException {
        return new Result(
                r.getObject("id", UUID.class),
                r.getString("status"),
                (Integer) r.getObject("percent"),
                r.getInt("threshold"),
                JSON.readValue(r.getString("faces"), new TypeReference<List<SourceFace>>() {}),
                JSON.readValue(r.getString("pairs"), new TypeReference<List<Pair>>() {}),
                JSON.readValue(r.getString("problems"), new TypeReference<List<String>>() {}),
                r.getTimestamp("created_at").toInstant());
    }
}
