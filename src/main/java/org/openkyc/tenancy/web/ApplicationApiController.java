package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import java.util.List;
import org.openkyc.core.Actor;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.NotFoundException;
import org.openkyc.tenancy.ApplicationDraft;
import org.openkyc.tenancy.ApplicationKey;
import org.openkyc.tenancy.ApplicationKeys;
import org.openkyc.tenancy.ApplicationManagement;
import org.openkyc.tenancy.ApplicationView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Applications of the selected mode and their keys. */
@RestController
class ApplicationApiController {

    private final ApplicationManagement applications;

    ApplicationApiController(ApplicationManagement applications) {
        this.applications = applications;
    }

    @GetMapping("/api/v1/applications")
    List<ApplicationView> applications(Actor actor) {
        return applications.applications(actor);
    }

    @PostMapping("/api/v1/applications")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicationView create(Actor actor, @Valid @RequestBody ApplicationDraft draft) {
        return applications.create(actor, draft);
    }

    /** The application the calling private key belongs to. */
    @GetMapping("/api/v1/applications/current")
    ApplicationView current(Actor actor) {
        return applications.current(actor);
    }

    @GetMapping("/api/v1/applications/{id}")
    ApplicationView application(Actor actor, @PathVariable String id) {
        return applications.application(actor, ApplicationId.parse(id));
    }

    @PatchMapping("/api/v1/applications/{id}")
    ApplicationView update(Actor actor, @PathVariable String id, @Valid @RequestBody ApplicationDraft draft) {
        return applications.update(actor, ApplicationId.parse(id), draft);
    }

    @GetMapping("/api/v1/applications/{id}/keys")
    ApplicationKeys keys(Actor actor, @PathVariable String id) {
        return applications.keys(actor, ApplicationId.parse(id));
    }

    /** Rotates one key: {@code app-key}, {@code private-key}, {@code crypto-key} or {@code webhook-secret}. */
    @PostMapping("/api/v1/applications/{id}/keys/{key}/rotate")
    ApplicationKeys rotate(Actor actor, @PathVariable String id, @PathVariable String key) {
        return applications.rotate(actor, ApplicationId.parse(id), keyNamed(key));
    }

    static ApplicationKey keyNamed(String name) {
        for (ApplicationKey key : ApplicationKey.values()) {
            if (key.name().replace('_', '-').equalsIgnoreCase(name)) {
                return key;
            }
        }
        throw new NotFoundException("No such key: use app-key, private-key, crypto-key or webhook-secret.");
    }
}
