package org.openkyc.applicants;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.flows.FlowId;
import org.openkyc.flows.FlowManagement;
import org.openkyc.flows.definition.FlowType;
import org.openkyc.media.MediaItem;
import org.openkyc.media.MediaLibrary;
import org.openkyc.tenancy.TeamManagement;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applicant report: a ZIP with {@code report.pdf} (everything the profile shows), the timeline as
 * {@code history.json} and {@code history.csv}, what other modules add ({@link ReportPart}: the screening's
 * {@code aml.json}, each questionnaire's PDF), and the applicant's files under {@code media/}. The PDF has every
 * module's section and the applicant's photos. Written as a stream, entry by entry; media files are read one at a
 * time, so a report never sits in memory whole.
 */
@Service
public class ApplicantReports {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final JsonMapper COMPACT = JsonMapper.builder().build();
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private final ApplicantManagement applicants;
    private final FlowManagement flows;
    private final TeamManagement team;
    private final MediaLibrary media;
    private final ObjectProvider<ReportPart> parts;
    private final Clock clock;

    ApplicantReports(
            ApplicantManagement applicants,
            FlowManagement flows,
            TeamManagement team,
            MediaLibrary media,
            ObjectProvider<ReportPart> parts,
            Clock clock) {
        this.media = media;
        this.parts = parts;
        this.applicants = applicants;
        this.flows = flows;
        this.team = team;
        this.clock = clock;
    }

    /** What goes into one report, gathered (and access checked) before anything is written. */
    public record Report(
            ApplicantView applicant,
            @Nullable String flowName,
            @Nullable String reviewerName,
            List<TimelineEntry> timeline,
            TimelineCheck integrity,
            List<Comment> comments,
            CompanyId company,
            List<MediaItem> media,
            List<ReportPart.Section> sections,
            List<ReportPart.File> files,
            Instant generatedAt) {}

    public Report prepare(Actor actor, ApplicantId id) {
        ApplicantView applicant = applicants.applicant(actor, id);
        Map<FlowId, String> flowNames = flows.flowNames(actor.companyId(), actor.mode(), FlowType.REGULAR);
        String reviewer = applicant.review().reviewerId() == null
                ? null
                : team.activeMemberName(actor.companyId(), applicant.review().reviewerId())
                        .orElse(applicant.review().reviewerId().toString());
        List<Comment> comments = actor.kind() == Actor.Kind.USER ? applicants.comments(actor, id) : List.of();
        return new Report(
                applicant,
                flowNames.get(applicant.flowId()),
                reviewer,
                applicants.timeline(actor, id),
                applicants.verifyTimeline(actor, id),
                comments,
                actor.companyId(),
                media.items(actor.companyId(), applicant.id().value()),
                ordered()
                        .flatMap(p -> p.sections(actor.companyId(), applicant).stream())
                        .toList(),
                ordered()
                        .flatMap(p -> p.files(actor.companyId(), applicant).stream())
                        .toList(),
                clock.instant());
    }

    private java.util.stream.Stream<ReportPart> ordered() {
        return parts.orderedStream().sorted(java.util.Comparator.comparingInt(ReportPart::order));
    }

    public void write(Report report, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.putNextEntry(new ZipEntry("report.pdf"));
        pdf(report, zip);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("history.json"));
        zip.write(JSON.writeValueAsBytes(report.timeline()));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("history.csv"));
        zip.write(csv(report.timeline()).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        for (ReportPart.File file : report.files()) {
            zip.putNextEntry(new ZipEntry(file.name()));
            zip.write(file.content());
            zip.closeEntry();
        }
        // The applicant's files, one at a time, as stored (already without metadata).
        for (MediaItem item : report.media()) {
            byte[] bytes = media.content(report.company(), item.id()).orElse(null);
            if (bytes != null) {
                zip.putNextEntry(new ZipEntry("media/" + item.purpose().toLowerCase(Locale.ROOT) + "-" + item.id()
                        + extension(item.contentType())));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        zip.finish();
        zip.flush();
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/pdf" -> ".pdf";
            default -> "";
        };
    }

    private void pdf(Report report, OutputStream out) {
        ApplicantView a = report.applicant();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter writer = PdfWriter.getInstance(document, new NonClosing(out));
        writer.setCloseStream(false);
        document.addTitle("Verification report " + a.externalUserId());
        document.addCreator("OpenKYC");
        document.open();
        document.add(new Paragraph("Verification report", TITLE));
        document.add(new Paragraph("Generated " + report.generatedAt(), TEXT));

        section(document, "Applicant");
        document.add(facts(
                "Applicant id", a.id().toString(),
                "External user id", a.externalUserId(),
                "Status", a.status().name(),
                "Flow",
                        (report.flowName() == null ? a.flowId().toString() : report.flowName()) + " (version "
                                + a.flowVersion() + ")",
                "Created", a.createdAt().toString(),
                "Updated", a.updatedAt().toString(),
                "Email", a.email(),
                "Phone", a.phone(),
                "Language", a.lang(),
                "Deletion scheduled",
                        a.deletionScheduledAt() == null
                                ? null
                                : a.deletionScheduledAt().toString()));

        section(document, "Personal information");
        document.add(map(a.fixedInfo(), a.info()));

        section(document, "Steps");
        PdfPTable steps = table(3, "Step", "Status", "Result");
        a.steps().forEach(step -> row(steps, step.type().name(), step.status().name(), step.result()));
        document.add(steps);

        for (ReportPart.Section part : report.sections()) {
            section(document, part.title());
            PdfPTable table = table(part.columns().size(), part.columns().toArray(String[]::new));
            table.setWidths(widths(part));
            part.rows().forEach(r -> row(table, r.toArray(String[]::new)));
            document.add(table);
        }

        photos(report, document);

        section(document, "Review");
        document.add(facts(
                "Decision",
                        a.review().status() == null ? null : a.review().status().name(),
                "Reviewer", report.reviewerName(),
                "Comment", a.review().comment(),
                "Reject labels", String.join(", ", a.review().rejectLabels())));

        section(document, "Warnings");
        PdfPTable warnings = table(4, "Code", "Message", "Raised", "Resolution");
        a.review()
                .warnings()
                .forEach(w -> row(
                        warnings,
                        w.code(),
                        w.message(),
                        w.raisedAt().toString(),
                        w.open() ? "open" : w.resolution() + " (" + w.resolvedAt() + ")"));
        document.add(warnings);

        if (!report.comments().isEmpty()) {
            section(document, "Comments");
            PdfPTable comments = table(2, "Written", "Text");
            report.comments().forEach(c -> row(comments, c.createdAt().toString(), c.text()));
            document.add(comments);
        }

        section(document, "Timeline");
        document.add(new Paragraph(
                report.integrity().valid()
                        ? "The hash chain of all " + report.integrity().entries() + " entries verifies."
                        : "The hash chain does NOT verify: "
                                + report.integrity().problems(),
                TEXT));
        PdfPTable timeline = table(4, "#", "Time", "By", "Action");
        report.timeline()
                .forEach(e -> row(
                        timeline,
                        Integer.toString(e.sequence()),
                        e.at().toString(),
                        e.actorType() + (e.actorId() == null ? "" : " " + e.actorId()),
                        e.action()));
        document.add(timeline);
        document.close();
    }

    /**
     * Columns as wide as their longest value (up to 40 characters), so codes and dates are not broken. A value without
     * spaces (a code, a date, an id) cannot wrap between words, so it counts a third wider: capitals are wider than the
     * average letter.
     */
    private static float[] widths(ReportPart.Section part) {
        float[] widths = new float[part.columns().size()];
        for (int c = 0; c < widths.length; c++) {
            float longest = part.columns().get(c).length();
            for (List<String> row : part.rows()) {
                String value = c < row.size() ? row.get(c) : null;
                if (value != null) {
                    longest = Math.max(longest, value.contains(" ") ? value.length() : value.length() * 1.34f);
                }
            }
            widths[c] = Math.min(40, Math.max(6, longest));
        }
        return widths;
    }

    /** The applicant's photos, each under its purpose; other files (a recording, a PDF) are in the ZIP only. */
    private void photos(Report report, Document document) {
        boolean first = true;
        for (MediaItem item : report.media()) {
            if (!item.contentType().equals("image/jpeg") && !item.contentType().equals("image/png")) {
                continue;
            }
            byte[] bytes = media.content(report.company(), item.id()).orElse(null);
            if (bytes == null) {
                continue;
            }
            if (first) {
                section(document, "Photos");
                first = false;
            }
            try {
                Image image = Image.getInstance(bytes);
                image.scaleToFit(260, 260);
                document.add(new Paragraph(item.purpose() + " · " + item.createdAt(), LABEL));
                document.add(image);
            } catch (IOException e) {
                document.add(new Paragraph(item.purpose() + ": the image could not be read", TEXT));
            }
        }
    }

    private static void section(Document document, String title) {
        Paragraph heading = new Paragraph(title, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static PdfPTable facts(@Nullable String... pairs) {
        PdfPTable table = new PdfPTable(new float[] {1, 3});
        table.setWidthPercentage(100);
        for (int i = 0; i < pairs.length; i += 2) {
            table.addCell(cell(pairs[i], LABEL, null));
            table.addCell(cell(pairs[i + 1], TEXT, null));
        }
        return table;
    }

    private static PdfPTable map(Map<String, Object> fixed, Map<String, Object> found) {
        PdfPTable table = table(3, "Field", "Given by the integrator", "Found in checks");
        java.util.Set<String> keys = new java.util.TreeSet<>(fixed.keySet());
        keys.addAll(found.keySet());
        keys.forEach(key -> row(table, key, text(fixed.get(key)), text(found.get(key))));
        return table;
    }

    private static PdfPTable table(int columns, String... headings) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : headings) {
            table.addCell(cell(heading, LABEL, new Color(0xee, 0xee, 0xee)));
        }
        return table;
    }

    private static void row(PdfPTable table, @Nullable String... values) {
        for (String value : values) {
            table.addCell(cell(value, TEXT, null));
        }
    }

    private static PdfPCell cell(@Nullable String text, Font font, @Nullable Color background) {
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text == null ? "" : text, font)));
        cell.setPadding(3);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        if (background != null) {
            cell.setBackgroundColor(background);
        }
        return cell;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : value instanceof String s ? s : COMPACT.writeValueAsString(value);
    }

    private static String csv(List<TimelineEntry> timeline) {
        StringBuilder csv = new StringBuilder("sequence,at,actorType,actorId,action,ip,os,browser,details\r\n");
        for (TimelineEntry e : timeline) {
            csv.append(String.join(
                            ",",
                            Integer.toString(e.sequence()),
                            quote(e.at().toString()),
                            quote(e.actorType().name()),
                            quote(e.actorId()),
                            quote(e.action()),
                            quote(e.ip()),
                            quote(e.os()),
                            quote(e.browser()),
                            quote(COMPACT.writeValueAsString(e.details()))))
                    .append("\r\n");
        }
        return csv.toString();
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not run it. */
    private static String quote(@Nullable String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    /** Keeps the PDF writer from closing the ZIP it writes into. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
