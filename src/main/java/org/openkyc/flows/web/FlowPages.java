package org.openkyc.flows.web;

import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.LiveModeUnavailableException;
import org.openkyc.core.Mode;
import org.openkyc.core.Permission;
import org.openkyc.core.security.CurrentActor;
import org.openkyc.flows.FlowId;
import org.openkyc.flows.FlowManagement;
import org.openkyc.flows.FlowView;
import org.openkyc.flows.definition.FlowInput;
import org.openkyc.flows.definition.FlowStyle;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Workflows list and the Flow Builder. The builder edits a draft that saves itself as the person works, and
 * publishes a new version when asked; both go through {@link FlowManagement} like the API.
 */
@Controller
class FlowPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Texts the builder's script shows, besides the step and setting names. */
    private static final List<String> BUILDER_TEXTS = List.of(
            "flows.moveUp",
            "flows.moveDown",
            "flows.remove",
            "flows.settingsOf",
            "flows.noSettings",
            "flows.saving",
            "flows.saved",
            "flows.saveFailed",
            "flows.published",
            "flows.fixErrors",
            "flows.previewTitle",
            "flows.previewText",
            "flows.previewButton",
            "flows.fixedStep");

    private final FlowManagement flows;
    private final MessageSource messages;

    FlowPages(FlowManagement flows, MessageSource messages) {
        this.flows = flows;
        this.messages = messages;
    }

    @GetMapping("/workflows")
    String list(Actor actor, Model model) {
        model.addAttribute("flows", flows.flows(actor));
        return "flows/list";
    }

    @PostMapping("/workflows")
    String create(Actor actor, @RequestParam(defaultValue = "") String name) {
        FlowView flow = flows.create(
                actor,
                new FlowInput(
                        name.isBlank() ? "New flow" : name.strip(),
                        "REGULAR",
                        false,
                        null,
                        null,
                        List.of(new FlowInput.StepInput("DOCUMENT", Map.of()))));
        return "redirect:/workflows/" + flow.id();
    }

    @GetMapping("/workflows/{id}")
    String builder(Actor actor, @PathVariable String id, Model model, Locale locale) {
        FlowView flow = flows.flow(actor, FlowId.parse(id));
        Optional<Map<String, Object>> draft = flows.draft(actor, flow.id());
        Map<String, Object> editing = draft.orElseGet(() -> Map.of(
                "name", flow.name(),
                "type", flow.type().name(),
                "autoApproval", flow.autoApproval(),
                "countries", flow.countries(),
                "style", flow.style(),
                "steps", flow.steps()));
        model.addAttribute("flow", flow);
        model.addAttribute("fromDraft", draft.isPresent());
        // The data sits in a <script> element: "<" is escaped so no value can close it.
        model.addAttribute(
                "builderData",
                JSON.writeValueAsString(Map.of(
                                "flow",
                                editing,
                                "catalogue",
                                StepCatalogue.ENTRIES,
                                "styleDefaults",
                                FlowStyle.DEFAULT,
                                "texts",
                                texts(locale),
                                "draftUrl",
                                "/workflows/" + flow.id() + "/draft",
                                "publishUrl",
                                "/workflows/" + flow.id() + "/publish"))
                        .replace("<", "\\u003c"));
        model.addAttribute("canLive", actor.liveModeAvailable());
        return "flows/builder";
    }

    private Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        BUILDER_TEXTS.forEach(key -> texts.put(key, messages.getMessage(key, null, locale)));
        for (StepCatalogue.Entry entry : StepCatalogue.ENTRIES) {
            texts.put("step." + entry.type(), messages.getMessage("step." + entry.type(), null, locale));
            entry.fields()
                    .forEach(field -> texts.put(
                            "flowField." + field.name(),
                            messages.getMessage("flowField." + field.name(), null, locale)));
        }
        for (String field : List.of(
                "primaryColor",
                "backgroundColor",
                "textColor",
                "buttonColor",
                "buttonTextColor",
                "buttonHoverColor",
                "borderColor",
                "borderRadius",
                "font")) {
            texts.put("flowField." + field, messages.getMessage("flowField." + field, null, locale));
        }
        return texts;
    }

    /** Auto-save: the builder sends the whole flow as it stands, valid or not. */
    @PutMapping("/workflows/{id}/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void saveDraft(Actor actor, @PathVariable String id, @RequestBody Map<String, Object> draft) {
        flows.saveDraft(actor, FlowId.parse(id), draft);
    }

    @DeleteMapping("/workflows/{id}/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discardDraft(Actor actor, @PathVariable String id) {
        flows.discardDraft(actor, FlowId.parse(id));
    }

    /** Publishes; broken rules come back as field errors for the builder to show next to their step. */
    @PostMapping("/workflows/{id}/publish")
    @ResponseBody
    ResponseEntity<Map<String, Object>> publish(Actor actor, @PathVariable String id, @RequestBody FlowInput input) {
        try {
            FlowView published = flows.publish(actor, FlowId.parse(id), input);
            return ResponseEntity.ok(Map.of("version", published.version()));
        } catch (InvalidInputException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", e.errors()));
        }
    }

    @PostMapping("/workflows/{id}/duplicate")
    String duplicate(
            Actor actor,
            @PathVariable String id,
            @RequestParam @NotBlank String name,
            @RequestParam String mode,
            jakarta.servlet.http.HttpSession session,
            RedirectAttributes redirect) {
        actor.require(Permission.WORKFLOWS);
        Mode target = Mode.fromCode(mode).orElse(Mode.TEST);
        try {
            FlowView copy = flows.duplicate(actor, FlowId.parse(id), name, target);
            CurrentActor.switchMode(session, target);
            redirect.addFlashAttribute("flash", target == Mode.LIVE ? "flows.duplicatedLive" : "flows.duplicated");
            return "redirect:/workflows/" + copy.id();
        } catch (LiveModeUnavailableException e) {
            redirect.addFlashAttribute("flashError", "mode.liveUnavailable");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "flows.nameRequired");
        }
        return "redirect:/workflows/" + FlowId.parse(id);
    }
}
