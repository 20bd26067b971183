package org.openkyc.webhooks.web;

import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.ConflictException;
import org.openkyc.core.Ids;
import org.openkyc.core.InvalidInputException;
import org.openkyc.tenancy.ApplicationManagement;
import org.openkyc.tenancy.ApplicationView;
import org.openkyc.webhooks.DeliveryDetail;
import org.openkyc.webhooks.WebhookManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An application's webhook delivery log: filter, look into a delivery, redeliver, send a test event. */
@Controller
class WebhookPages {

    private static final int PAGE_SIZE = 50;

    private final WebhookManagement webhooks;
    private final ApplicationManagement applications;

    WebhookPages(WebhookManagement webhooks, ApplicationManagement applications) {
        this.webhooks = webhooks;
        this.applications = applications;
    }

    @GetMapping("/applications/{id}/webhooks")
    String log(
            Actor actor,
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ApplicationView application = applications.application(actor, ApplicationId.parse(id));
        String filter = state == null || state.isBlank() ? null : state;
        model.addAttribute("app", application);
        model.addAttribute("state", filter == null ? "" : filter);
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute(
                "deliveries",
                webhooks.deliveries(
                        actor,
                        new WebhookManagement.Query(application.id(), filter, null, Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("pageSize", PAGE_SIZE);
        return "webhooks/log";
    }

    @GetMapping("/webhooks/deliveries/{id}")
    String delivery(Actor actor, @PathVariable String id, Model model) {
        DeliveryDetail detail = webhooks.delivery(actor, Ids.parse(id));
        model.addAttribute(
                "app",
                applications.application(
                        actor, new ApplicationId(detail.delivery().applicationId())));
        model.addAttribute("detail", detail);
        return "webhooks/delivery";
    }

    @PostMapping("/applications/{id}/webhooks/test")
    String test(Actor actor, @PathVariable String id, RedirectAttributes redirect) {
        ApplicationId application = ApplicationId.parse(id);
        try {
            webhooks.sendTestEvent(actor, application);
            redirect.addFlashAttribute("flash", "webhooks.testSent");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "webhooks.noUrl");
        }
        return "redirect:/applications/" + application + "/webhooks";
    }

    @PostMapping("/webhooks/deliveries/{id}/redeliver")
    String redeliver(Actor actor, @PathVariable String id, RedirectAttributes redirect) {
        try {
            webhooks.redeliver(actor, Ids.parse(id));
            redirect.addFlashAttribute("flash", "webhooks.redelivering");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "webhooks.stillRetrying");
        }
        return "redirect:/webhooks/deliveries/" + Ids.parse(id);
    }
}
