package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.tenancy.ApplicationDraft;
import org.openkyc.tenancy.ApplicationKey;
import org.openkyc.tenancy.ApplicationManagement;
import org.openkyc.tenancy.ApplicationView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Applications of the current mode: list, create, edit, reveal and rotate keys. */
@Controller
class ApplicationPages {

    private final ApplicationManagement applications;

    ApplicationPages(ApplicationManagement applications) {
        this.applications = applications;
    }

    @GetMapping("/applications")
    String list(Actor actor, Model model) {
        model.addAttribute("applications", applications.applications(actor));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ApplicationForm("", "", "", "", ""));
        }
        return "tenancy/applications";
    }

    @PostMapping("/applications")
    String create(
            Actor actor,
            @Valid @ModelAttribute("form") ApplicationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                ApplicationView created = applications.create(actor, form.draft());
                redirect.addFlashAttribute("flash", "applications.created");
                return "redirect:/applications/" + created.id();
            } catch (InvalidInputException e) {
                FormErrors.addTo(result, e);
            }
        }
        return list(actor, model);
    }

    @GetMapping("/applications/{id}")
    String application(Actor actor, @PathVariable String id, Model model) {
        ApplicationView application = applications.application(actor, ApplicationId.parse(id));
        model.addAttribute("form", ApplicationForm.of(application));
        return page(actor, application, model);
    }

    @PostMapping("/applications/{id}")
    String update(
            Actor actor,
            @PathVariable String id,
            @Valid @ModelAttribute("form") ApplicationForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        ApplicationView application = applications.application(actor, ApplicationId.parse(id));
        if (!result.hasErrors()) {
            try {
                applications.update(actor, application.id(), form.draft());
                redirect.addFlashAttribute("flash", "applications.saved");
                return "redirect:/applications/" + application.id();
            } catch (InvalidInputException e) {
                FormErrors.addTo(result, e);
            }
        }
        return page(actor, application, model);
    }

    /** An htmx fragment with the application's keys. */
    @PostMapping("/applications/{id}/keys")
    String keys(Actor actor, @PathVariable String id, Model model) {
        ApplicationId applicationId = ApplicationId.parse(id);
        model.addAttribute("keys", applications.keys(actor, applicationId));
        model.addAttribute("applicationId", applicationId);
        return "tenancy/application :: keys";
    }

    @PostMapping("/applications/{id}/keys/{key}/rotate")
    String rotate(Actor actor, @PathVariable String id, @PathVariable String key, Model model) {
        ApplicationId applicationId = ApplicationId.parse(id);
        ApplicationKey which = ApplicationApiController.keyNamed(key);
        model.addAttribute("keys", applications.rotate(actor, applicationId, which));
        model.addAttribute("applicationId", applicationId);
        return "tenancy/application :: keys";
    }

    private static String page(Actor actor, ApplicationView application, Model model) {
        model.addAttribute("app", application);
        model.addAttribute("canSeeKeys", actor.can(Permission.APPLICATION_KEYS));
        return "tenancy/application";
    }

    /**
     * The application form. Custom webhook headers are typed one per line as {@code Name: value}.
     */
    record ApplicationForm(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String description,
            @Size(max = 2000) String webhookUrl,
            @Size(max = 20000) String webhookHeaders,
            @Size(max = 2000) String redirectUrl) {

        static ApplicationForm of(ApplicationView view) {
            StringBuilder headers = new StringBuilder();
            view.webhookHeaders()
                    .forEach((name, value) ->
                            headers.append(name).append(": ").append(value).append('\n'));
            return new ApplicationForm(
                    view.name(),
                    view.description(),
                    orEmpty(view.webhookUrl()),
                    headers.toString(),
                    orEmpty(view.redirectUrl()));
        }

        ApplicationDraft draft() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (webhookHeaders != null) {
                for (String line : webhookHeaders.split("\\R")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    int colon = line.indexOf(':');
                    headers.put(
                            colon < 0 ? line.strip() : line.substring(0, colon).strip(),
                            colon < 0 ? "" : line.substring(colon + 1).strip());
                }
            }
            return new ApplicationDraft(name, orEmpty(description), orEmpty(webhookUrl), headers, orEmpty(redirectUrl));
        }

        private static String orEmpty(@Nullable String value) {
            return value == null ? "" : value;
        }
    }
}
