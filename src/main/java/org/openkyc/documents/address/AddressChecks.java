package org.openkyc.documents.address;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.documents.ocr.TextReader;
import org.openkyc.media.MediaItem;
import org.openkyc.media.MediaLibrary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The proof-of-address check: the text of the bill or statement (a PDF's own text, or OCR of a photo or of a scanned
 * PDF's pages) held against what the applicant declared ({@link AddressEvidence}), and kept with its verdict.
 */
@Service
public class AddressChecks {

    /** Pages of a PDF read at most; bills put what matters on the first. */
    static final int MAX_PAGES = 3;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final MediaLibrary media;
    private final TextSource text;
    private final Clock clock;

    AddressChecks(JdbcClient jdbc, MediaLibrary media, TextSource text, Clock clock) {
        this.jdbc = jdbc;
        this.media = media;
        this.text = text;
        this.clock = clock;
    }

    /** Where the text of documents comes from; the OCR engines, unless none is installed. */
    public interface TextSource {
        Optional<TextReader> reader();
    }

    /** A checked proof of address. */
    public record AddressCheck(
            UUID id,
            UUID applicantId,
            UUID mediaId,
            AddressEvidence.Declared declared,
            AddressEvidence.Verdict verdict,
            String text,
            Instant createdAt) {}

    /** Reads and judges the file; OCR runs outside any transaction, and the result is one insert. */
    public AddressCheck check(
            CompanyId company,
            UUID applicant,
            UUID mediaId,
            AddressEvidence.Declared declared,
            int maxAgeDays,
            @Nullable String ipCountry) {
        MediaItem item = media.item(company, mediaId)
                .filter(m -> m.applicantId().equals(applicant) && m.purpose().equals("PROOF_OF_ADDRESS"))
                .orElseThrow(() -> InvalidInputException.of("file", "unknown", "is not a proof of address of yours"));
        byte[] bytes = media.content(company, mediaId)
                .orElseThrow(() -> InvalidInputException.of("file", "unknown", "is not stored"));
        String read = text(item.contentType(), bytes);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        AddressEvidence.Verdict verdict = AddressEvidence.judge(read, declared, today, maxAgeDays, ipCountry);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO address_check (id, company_id, applicant_id, media_id, result, findings, text,
                          created_at)
                        VALUES (:id, :company, :applicant, :media, :result, :findings, :text, :now)
                        """)
                .param("id", id)
                .param("company", company.value())
                .param("applicant", applicant)
                .param("media", mediaId)
                .param("result", verdict.result())
                .param("findings", JSON.writeValueAsString(new Stored(declared, verdict)))
                .param("text", read)
                .param("now", Timestamp.from(now))
                .update();
        return new AddressCheck(id, applicant, mediaId, declared, verdict, read, now);
    }

    private record Stored(AddressEvidence.Declared declared, AddressEvidence.Verdict verdict) {}

    @Transactional(readOnly = true)
    public Optional<AddressCheck> latest(CompanyId company, UUID applicant) {
        return jdbc.sql("""
                        SELECT id, media_id, findings, text, created_at FROM address_check
                        WHERE company_id = :company AND applicant_id = :applicant AND deactivated_at IS NULL
                        ORDER BY created_at DESC, id LIMIT 1
                        """)
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> {
                    Stored stored = JSON.readValue(r.getString("findings"), Stored.class);
                    return new AddressCheck(
                            r.getObject("id", UUID.class),
                            applicant,
                            r.getObject("media_id", UUID.class),
                            stored.declared(),
                            stored.verdict(),
                            r.getString("text"),
                            r.getTimestamp("created_at").toInstant());
                })
                .optional();
    }

    /** The document's text: a PDF's own text when it has some, otherwise OCR of the image or the PDF's pages. */
    String text(String contentType, byte[] bytes) {
        if (contentType.equals("application/pdf")) {
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setEndPage(MAX_PAGES);
                String own = stripper.getText(pdf);
                if (own.replaceAll("\\s", "").length() >= 40) {
                    return own;
                }
                StringBuilder ocr = new StringBuilder();
                PDFRenderer renderer = new PDFRenderer(pdf);
                for (int page = 0; page < Math.min(MAX_PAGES, pdf.getNumberOfPages()); page++) {
                    BufferedImage image = renderer.renderImageWithDPI(page, 200, ImageType.RGB);
                    ocr.append(read(image)).append('\n');
                }
                return ocr.toString();
            } catch (IOException e) {
                throw InvalidInputException.of("file", "unreadable", "is not a readable PDF");
            }
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw InvalidInputException.of("file", "unreadable", "is not a readable image");
            }
            return read(image);
        } catch (IOException e) {
            throw InvalidInputException.of("file", "unreadable", "is not a readable image");
        }
    }

    private String read(BufferedImage image) {
        return text.reader().map(r -> r.read(image)).orElse("");
    }
}
