package org.openkyc.webhooks.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.Ids;
import org.openkyc.webhooks.DeliveryDetail;
import org.openkyc.webhooks.DeliveryView;
import org.openkyc.webhooks.WebhookManagement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Webhook deliveries: the log, the undelivered ones, redelivery and test events. */
@RestController
class WebhookApiController {

    private final WebhookManagement webhooks;

    WebhookApiController(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    /** Deliveries whose retries ran out. */
    @GetMapping("/api/v1/webhooks/undelivered")
    List<DeliveryView> undelivered(Actor actor) {
        return webhooks.undelivered(actor);
    }

    /** The delivery log, newest first; {@code state} is PENDING, DELIVERED or UNDELIVERED. */
    @GetMapping("/api/v1/webhooks/deliveries")
    List<DeliveryView> deliveries(
            Actor actor,
            @RequestParam(required = false) @Nullable String applicationId,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String applicantId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return webhooks.deliveries(
                actor,
                new WebhookManagement.Query(
                        applicationId == null ? null : ApplicationId.parse(applicationId),
                        state,
                        applicantId == null ? null : Ids.parse(applicantId),
                        page,
                        size));
    }

    /** One delivery with its decrypted event and every attempt. */
    @GetMapping("/api/v1/webhooks/deliveries/{id}")
    DeliveryDetail delivery(Actor actor, @PathVariable String id) {
        return webhooks.delivery(actor, Ids.parse(id));
    }

    @PostMapping("/api/v1/webhooks/deliveries/{id}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView redeliver(Actor actor, @PathVariable String id) {
        return webhooks.redeliver(actor, Ids.parse(id));
    }

    /** Sends a {@code webhookTest} event to an application's webhook URL (a private key: its own). */
    @PostMapping("/api/v1/webhooks/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeliveryView test(Actor actor, @RequestBody(required = false) @Nullable TestRequest request) {
        String application = request == null ? null : request.applicationId();
        return webhooks.sendTestEvent(actor, application == null ? null : ApplicationId.parse(application));
    }

    record TestRequest(@Nullable String applicationId) {}
}
