package org.openkyc.questionnaires;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.openkyc.questionnaires.logic.Survey;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An applicant's questionnaire answers as a PDF: each page's questions with their titles and the answers given. */
public final class AnswersPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnswersPdf() {}

    public static byte[] render(Questionnaires.Answers answers, String applicantId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(answers.name());
        document.open();
        document.add(new Paragraph(answers.name(), TITLE));
        document.add(new Paragraph(
                "Applicant " + applicantId + " · answered " + answers.createdAt() + " · version " + answers.version(),
                TEXT));
        JsonNode schema = JSON.readTree(answers.schema());
        Survey survey = answers.survey();
        for (int p = 0; p < survey.pages().size(); p++) {
            JsonNode pageNode = schema.path("pages").get(p);
            List<Survey.Question> asked = survey.pages().get(p).questions().stream()
                    .filter(q -> answers.answers().containsKey(q.name()))
                    .toList();
            if (asked.isEmpty()) {
                continue;
            }
            Paragraph heading = new Paragraph(
                    pageNode.path("title").asString(survey.pages().get(p).name()), HEADING);
            heading.setSpacingBefore(12);
            heading.setSpacingAfter(6);
            document.add(heading);
            PdfPTable table = new PdfPTable(new float[] {2, 3});
            table.setWidthPercentage(100);
            for (Survey.Question question : asked) {
                JsonNode element = element(pageNode, question.name());
                table.addCell(new PdfPCell(new Paragraph(element.path("title").asString(question.name()), LABEL)));
                table.addCell(new PdfPCell(
                        new Paragraph(shown(answers.answers().get(question.name()), element), TEXT)));
            }
            document.add(table);
        }
        document.close();
        return out.toByteArray();
    }

    private static JsonNode element(JsonNode page, String name) {
        for (JsonNode element : page.path("elements")) {
            if (name.equals(element.path("name").asString())) {
                return element;
            }
        }
        return JSON.createObjectNode();
    }

    /** An answer as a person reads it: choice texts rather than values, yes or no, file names. */
    static String shown(Object value, JsonNode element) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(v -> shown(v, element)).toList());
        }
        if (value instanceof Map<?, ?> file) {
            return String.valueOf(file.get("name"));
        }
        if (value instanceof Boolean yes) {
            return yes ? "Yes" : "No";
        }
        String text = String.valueOf(value);
        for (JsonNode choice : element.path("choices")) {
            if (choice.isObject() && text.equals(choice.path("value").asString()) && choice.has("text")) {
                return choice.path("text").asString();
            }
        }
        return text;
    }
}
