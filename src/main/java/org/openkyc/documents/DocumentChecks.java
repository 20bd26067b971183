package org.openkyc.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.documents.DocumentCheck.QualityCheck;
import org.openkyc.documents.DocumentRules.Declared;
import org.openkyc.documents.mrz.Mrz;
import org.openkyc.documents.ocr.MrzReader;
import org.openkyc.documents.quality.ImageQuality;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepSettings.DocumentType;
import org.openkyc.media.MediaItem;
import org.openkyc.media.MediaLibrary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The document check: reads the machine-readable zone (sent by the client, or found in the photos by OCR), measures
 * each photo's quality as the flow asks, holds the fields to the flow's rules and to what was declared, and keeps the
 * result. Other applicants of the company who presented the same document are found on every read.
 */
@Service
public class DocumentChecks {

    /** The least sharpness (variance of the Laplacian) a photo must have to be in focus. */
    static final double MIN_SHARPNESS = 100;
    /** The largest share of blown-out pixels a photo may have. */
    static final double MAX_GLARE = 0.08;
    /** The least chroma the most colourful tenth of a colour photo reaches; photocopies have about none. */
    static final double MIN_COLOURFULNESS = 8;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final MediaLibrary media;
    private final OcrEngines ocr;
    private final Clock clock;
    private final boolean readVisualZone;

    DocumentChecks(
            JdbcClient jdbc,
            MediaLibrary media,
            OcrEngines ocr,
            Clock clock,
            @Value("${openkyc.documents.read-visual-zone:true}") boolean readVisualZone) {
        this.jdbc = jdbc;
        this.media = media;
        this.ocr = ocr;
        this.clock = clock;
        this.readVisualZone = readVisualZone;
    }

    /** What the applicant presented: the kind, the issuing country, the photos, and a zone read by the client. */
    public record Submission(
            DocumentType type,
            String country,
            UUID front,
            @Nullable UUID back,
            @Nullable String mrzText) {}

    /**
     * Checks a document and keeps the result as the applicant's current document.
     *
     * <p>Not one transaction: OCR takes a moment and holds no connection, and the result is one insert.
     *
     * @throws InvalidInputException when a photo is not the applicant's, or the client's zone is not an MRZ
     */
    public DocumentCheck check(
            CompanyId company,
            UUID applicant,
            StepSettings.Document settings,
            Submission submission,
            Declared declared) {
        BufferedImage front = image(company, applicant, submission.front(), "front");
        BufferedImage back = submission.back() == null ? null : image(company, applicant, submission.back(), "back");
        Mrz mrz = null;
        String source = "NONE";
        List<String> raw = List.of();
        List<String> lines = List.of();
        String notChecked = null;
        if (submission.mrzText() != null && !submission.mrzText().isBlank()) {
            try {
                mrz = Mrz.parse(submission.mrzText());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("mrz", "mrz", String.valueOf(e.getMessage()));
            }
            source = "CLIENT";
            lines = List.of(submission.mrzText().replace("\\n", "\n").strip().split("\\R+"));
        } else if (ocr.mrz().isPresent()) {
            MrzReader reader = ocr.mrz().get();
            MrzReader.Reading reading = back != null ? reader.read(back) : null;
            if (reading == null || !reading.valid()) {
                MrzReader.Reading fromFront = reader.read(front);
                if (reading == null || fromFront.valid() || reading.mrz() == null) {
                    reading = fromFront;
                }
            }
            mrz = reading.mrz();
            source = mrz == null ? "NONE" : "OCR";
            raw = reading.raw();
            lines = reading.corrected();
        } else {
            notChecked = ocr.mrzReadiness().reason();
        }
        String visual = readVisualZone ? ocr.text().map(t -> t.read(front)).orElse(null) : null;
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<DocumentField> fields = DocumentRules.fields(
                new DocumentRules.Presented(submission.type(), submission.country(), mrz, visual),
                settings,
                declared,
                today);
        List<QualityCheck> quality = new ArrayList<>(quality(front, "front", settings));
        if (back != null) {
            quality.addAll(quality(back, "back", settings));
        }
        List<String> problems = notChecked != null
                ? List.of("mrz: not checked, " + notChecked)
                : problems(mrz, source, fields, quality);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        DocumentField number = fields.stream()
                .filter(f -> f.name().equals("documentNumber"))
                .findFirst()
                .orElse(null);
        DocumentField country = fields.stream()
                .filter(f -> f.name().equals("issuingCountry"))
                .findFirst()
                .orElseThrow();
        jdbc.sql("""
                        INSERT INTO document_check (id, company_id, applicant_id, document_type, issuing_country,
                          document_number, front_media_id, back_media_id, mrz_source, mrz_lines, ocr_lines, valid,
                          not_checked, fields, quality, problems, created_at, updated_at)
                        VALUES (:id, :company, :applicant, :type, :country, :number, :front, :back, :source, :lines,
                          :raw, :valid, :notChecked, :fields, :quality, :problems, :now, :now)
                        """)
                .param("id", id)
                .param("company", company.value())
                .param("applicant", applicant)
                .param("type", submission.type().name())
                .param("country", String.valueOf(country.value()))
                .param("number", number == null ? null : number.value())
                .param("front", submission.front())
                .param("back", submission.back())
                .param("source", source)
                .param("lines", String.join("\n", lines))
                .param("raw", String.join("\n", raw))
                .param("valid", problems.isEmpty())
                .param("notChecked", notChecked)
                .param("fields", JSON.writeValueAsString(fields))
                .param("quality", JSON.writeValueAsString(quality))
                .param("problems", JSON.writeValueAsString(problems))
                .param("now", Timestamp.from(now))
                .update();
        return latest(company, applicant).orElseThrow();
    }

    /** The applicant's current document, if they presented one. */
    @Transactional(readOnly = true)
    public Optional<DocumentCheck> latest(CompanyId company, UUID applicant) {
        return jdbc.sql("""
                        SELECT * FROM document_check WHERE company_id = :company AND applicant_id = :applicant
                          AND deactivated_at IS NULL
                        ORDER BY created_at DESC, id LIMIT 1
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> row(r, company))
                .optional();
    }

    /**
     * A reviewer's correction of a field of the applicant's current document: the field takes the new value, marked as
     * the reviewer's, and the verdict is worked out again.
     */
    @Transactional
    public DocumentCheck editField(CompanyId company, UUID applicant, String name, String value, String reviewer) {
        DocumentCheck current =
                latest(company, applicant).orElseThrow(() -> new NotFoundException("No document was presented."));
        if (current.field(name) == null) {
            throw InvalidInputException.of("field", "unknown", "is not a field of this document");
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 200) {
            throw InvalidInputException.of("value", "size", "must be 1 to 200 characters");
        }
        List<DocumentField> fields = current.fields().stream()
                .map(f -> f.name().equals(name) ? f.edited(trimmed, reviewer) : f)
                .toList();
        List<String> problems = new ArrayList<>(current.problems());
        problems.removeIf(p -> p.startsWith(name + ": "));
        boolean valid = problems.isEmpty();
        jdbc.sql("""
                        UPDATE document_check SET fields = :fields, problems = :problems, valid = :valid,
                          document_number = CASE WHEN :name = 'documentNumber' THEN :value ELSE document_number END,
                          updated_at = :now
                        WHERE id = :id AND company_id = :company
                        """)
                .param("fields", JSON.writeValueAsString(fields))
                .param("problems", JSON.writeValueAsString(problems))
                .param("valid", valid)
                .param("name", name)
                .param("value", trimmed)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", current.id())
                .param("company", company.value())
                .update();
        return latest(company, applicant).orElseThrow();
    }

    private static List<String> problems(
            @Nullable Mrz mrz, String source, List<DocumentField> fields, List<QualityCheck> quality) {
        List<String> problems = new ArrayList<>();
        if (mrz == null) {
            problems.add("mrz: no machine-readable zone could be read");
        } else if (!mrz.valid()) {
            problems.add("mrz: " + String.join("; ", mrz.problems()));
        }
        for (DocumentField field : fields) {
            if (field.status() == DocumentField.Status.FAILED) {
                problems.add(field.name() + ": " + field.note());
            }
        }
        for (QualityCheck check : quality) {
            if (!check.passed()) {
                problems.add(check.name() + ": the " + check.side() + " photo is " + check.limit());
            }
        }
        return problems;
    }

    /** The quality checks the flow switched on, for one photo. */
    static List<QualityCheck> quality(BufferedImage photo, String side, StepSettings.Document settings) {
        List<QualityCheck> checks = new ArrayList<>();
        if (settings.focusCheck()) {
            double sharpness = ImageQuality.sharpness(photo);
            checks.add(new QualityCheck(
                    "focus",
                    side,
                    sharpness,
                    "blurred (sharpness under " + (int) MIN_SHARPNESS + ")",
                    sharpness >= MIN_SHARPNESS));
        }
        if (settings.glareCheck()) {
            double glare = ImageQuality.glare(photo);
            checks.add(new QualityCheck(
                    "glare",
                    side,
                    glare,
                    "washed out by glare (over " + (int) (MAX_GLARE * 100) + " % blown out)",
                    glare <= MAX_GLARE));
        }
        if (settings.colourCheck()) {
            double colour = ImageQuality.colourfulness(photo);
            checks.add(new QualityCheck(
                    "colour", side, colour, "in greyscale, as a photocopy would be", colour >= MIN_COLOURFULNESS));
        }
        if (settings.minimumIndentPercent() > 0) {
            double[] margins = ImageQuality.margins(photo);
            double least = Math.min(Math.min(margins[0], margins[1]), Math.min(margins[2], margins[3])) * 100;
            checks.add(new QualityCheck(
                    "position",
                    side,
                    least,
                    "too close to the edge (under " + settings.minimumIndentPercent() + " % margin)",
                    least >= settings.minimumIndentPercent()));
        }
        return checks;
    }

    private BufferedImage image(CompanyId company, UUID applicant, UUID id, String side) {
        MediaItem item = media.item(company, id)
                .filter(m -> m.applicantId().equals(applicant))
                .filter(m -> m.purpose().startsWith("DOCUMENT_"))
                .orElseThrow(() -> InvalidInputException.of(side, "unknown", "is not a document photo of yours"));
        byte[] bytes = media.content(company, item.id())
                .orElseThrow(() -> InvalidInputException.of(side, "unknown", "is not stored"));
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw InvalidInputException.of(side, "unreadable", "is not an image");
            }
            return image;
        } catch (IOException e) {
            throw InvalidInputException.of(side, "unreadable", "is not an image");
        }
    }

    private DocumentCheck row(ResultSet r, CompanyId company) throws SQLException {
        UUID applicant = r.getObject("applicant_id", UUID.class);
        String number = r.getString("document_number");
        String country = r.getString("issuing_country");
        return new DocumentCheck(
                r.getObject("id", UUID.class),
                applicant,
                DocumentType.valueOf(r.getString("document_type")),
                country,
                number,
                r.getObject("front_media_id", UUID.class),
                r.getObject("back_media_id", UUID.class),
                r.getString("mrz_source"),
                lines(r.getString("mrz_lines")),
                lines(r.getString("ocr_lines")),
                r.getBoolean("valid"),
                r.getString("not_checked"),
                JSON.readValue(r.getString("fields"), new TypeReference<List<DocumentField>>() {}),
                JSON.readValue(r.getString("quality"), new TypeReference<List<QualityCheck>>() {}),
                JSON.readValue(r.getString("problems"), new TypeReference<List<String>>() {}),
                number == null ? List.of() : duplicates(company, applicant, number, country),
                r.getTimestamp("created_at").toInstant(),
                r.getTimestamp("updated_at").toInstant());
    }

    /** Other applicants of the company whose current or earlier document has this number and country. */
    List<UUID> duplicates(CompanyId company, UUID applicant, String number, String country) {
        return jdbc.sql("""
                        SELECT DISTINCT applicant_id FROM document_check
                        WHERE company_id = :company AND document_number = :number AND issuing_country = :country
                          AND applicant_id <> :applicant
                        """)
                .param("company", company.value())
                .param("number", number)
                .param("country", country)
                .param("applicant", applicant)
                .query(UUID.class)
                .list();
    }

    private static List<String> lines(@Nullable String text) {
        return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
    }
}
