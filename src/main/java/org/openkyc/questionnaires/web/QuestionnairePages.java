package org.openkyc.questionnaires.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.core.Actor;
import org.openkyc.core.Ids;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.questionnaires.AnswersPdf;
import org.openkyc.questionnaires.Questionnaires;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Questionnaires page (search by name, create), the builder (Designer, Preview, Logic; it saves the whole schema
 * as JSON), the questionnaires as options for the flow builder, and an applicant's answers as a PDF.
 */
@Controller
class QuestionnairePages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Questionnaires questionnaires;
    private final ApplicantManagement applicants;
    private final MessageSource messages;

    QuestionnairePages(Questionnaires questionnaires, ApplicantManagement applicants, MessageSource messages) {
        this.questionnaires = questionnaires;
        this.applicants = applicants;
        this.messages = messages;
    }

    @GetMapping("/questionnaires")
    String list(Actor actor, @RequestParam(defaultValue = "") String search, Model model) {
        model.addAttribute("questionnaires", questionnaires.list(actor, search));
        model.addAttribute("search", search);
        return "questionnaires/list";
    }

    @PostMapping("/questionnaires")
    String create(Actor actor, @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            return "redirect:/questionnaires/"
                    + questionnaires.create(actor, name).id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "questionnaires.nameNeeded");
            return "redirect:/questionnaires";
        }
    }

    @GetMapping("/questionnaires/{id}")
    String builder(Actor actor, @PathVariable String id, Model model, Locale locale) {
        Questionnaires.Questionnaire questionnaire = questionnaires.get(actor, Ids.parse(id));
        model.addAttribute("questionnaire", questionnaire);
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : BUILDER_TEXTS) {
            texts.put(key, messages.getMessage(key, null, locale));
        }
        // The data sits in a <script> element: "<" is escaped so no value can close it.
        model.addAttribute(
                "builderData",
                JSON.writeValueAsString(Map.of(
                                "name", questionnaire.name(),
                                "description", questionnaire.description(),
                                "schema", JSON.readTree(questionnaire.schema()),
                                "saveUrl", "/questionnaires/" + questionnaire.id(),
                                "texts", texts))
                        .replace("<", "\\u003c"));
        return "questionnaires/builder";
    }

    /** The builder's labels, in the user's language. */
    private static final List<String> BUILDER_TEXTS = List.of(
            "questionnaires.type.text",
            "questionnaires.type.comment",
            "questionnaires.type.number",
            "questionnaires.type.date",
            "questionnaires.type.email",
            "questionnaires.type.phone",
            "questionnaires.type.radiogroup",
            "questionnaires.type.checkbox",
            "questionnaires.type.dropdown",
            "questionnaires.type.boolean",
            "questionnaires.type.rating",
            "questionnaires.type.file",
            "questionnaires.page",
            "questionnaires.pageTitle",
            "questionnaires.question",
            "questionnaires.questionName",
            "questionnaires.required",
            "questionnaires.choices",
            "questionnaires.min",
            "questionnaires.max",
            "questionnaires.pattern",
            "questionnaires.remove",
            "questionnaires.emptyPage",
            "questionnaires.rule",
            "questionnaires.when",
            "questionnaires.addCondition",
            "questionnaires.all",
            "questionnaires.any",
            "questionnaires.manual",
            "questionnaires.then",
            "questionnaires.value",
            "questionnaires.saved",
            "questionnaires.saving",
            "questionnaires.notSaved",
            "questionnaires.op.equal",
            "questionnaires.op.notequal",
            "questionnaires.op.contains",
            "questionnaires.op.empty",
            "questionnaires.op.notempty",
            "questionnaires.op.greater",
            "questionnaires.op.less",
            "questionnaires.op.anyof",
            "questionnaires.op.allof",
            "questionnaires.action.showPage",
            "questionnaires.action.hidePage",
            "questionnaires.action.enablePage",
            "questionnaires.action.disablePage",
            "questionnaires.action.showQuestion",
            "questionnaires.action.hideQuestion",
            "questionnaires.action.enableQuestion",
            "questionnaires.action.disableQuestion",
            "questionnaires.action.require",
            "questionnaires.action.complete",
            "questionnaires.action.setValue",
            "questionnaires.action.copyValue",
            "questionnaires.action.skip",
            "questionnaires.action.runExpression",
            "questionnaires.action.completedHtml");

    /** What the builder saves: {@code name}, {@code description} and {@code schema} (the SurveyJS JSON, as text). */
    record Saved(String name, String description, String schema) {}

    @PutMapping("/questionnaires/{id}")
    @ResponseBody
    ResponseEntity<Map<String, Object>> save(Actor actor, @PathVariable String id, @RequestBody Saved saved) {
        try {
            Questionnaires.Questionnaire kept = questionnaires.save(
                    actor,
                    Ids.parse(id),
                    String.valueOf(saved.name()),
                    saved.description() == null ? "" : saved.description(),
                    String.valueOf(saved.schema()));
            return ResponseEntity.ok(Map.of("version", kept.version()));
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", e.errors()));
        }
    }

    /** The company's questionnaires by id and name, for the flow builder's questionnaire step. */
    @GetMapping("/questionnaires/options")
    @ResponseBody
    List<Map<String, String>> options(Actor actor) {
        return questionnaires.list(actor, "").stream()
                .map(q -> Map.of("id", q.id().toString(), "name", q.name()))
                .toList();
    }

    @GetMapping("/applicants/{id}/questionnaires/{answersId}")
    ResponseEntity<byte[]> pdf(Actor actor, @PathVariable String id, @PathVariable String answersId) {
        ApplicantId applicant =
                applicants.applicant(actor, ApplicantId.parse(id)).id();
        UUID wanted = Ids.parse(answersId);
        Questionnaires.Answers answers = questionnaires.answers(actor.companyId(), applicant.value()).stream()
                .filter(a -> a.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such answers."));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("questionnaire-" + answers.id() + ".pdf")
                                .build()
                                .toString())
                .body(AnswersPdf.render(answers, applicant.value().toString()));
    }
}
