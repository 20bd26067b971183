package org.openkyc.flows.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.flows.FlowId;
import org.openkyc.flows.FlowManagement;
import org.openkyc.flows.FlowSummary;
import org.openkyc.flows.FlowView;
import org.openkyc.flows.definition.FlowInput;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Flows as code: list, create, read, publish, drafts and duplication. */
@RestController
class FlowApiController {

    private final FlowManagement flows;

    FlowApiController(FlowManagement flows) {
        this.flows = flows;
    }

    @GetMapping("/api/v1/flows")
    List<FlowSummary> flows(Actor actor) {
        return flows.flows(actor);
    }

    @PostMapping("/api/v1/flows")
    @ResponseStatus(HttpStatus.CREATED)
    FlowView create(Actor actor, @RequestBody FlowInput input) {
        return flows.create(actor, input);
    }

    @GetMapping("/api/v1/flows/{id}")
    FlowView flow(Actor actor, @PathVariable String id) {
        return flows.flow(actor, FlowId.parse(id));
    }

    /** Publishes a new version of the flow. */
    @PutMapping("/api/v1/flows/{id}")
    FlowView publish(Actor actor, @PathVariable String id, @RequestBody FlowInput input) {
        return flows.publish(actor, FlowId.parse(id), input);
    }

    @GetMapping("/api/v1/flows/{id}/draft")
    Map<String, Object> draft(Actor actor, @PathVariable String id) {
        return flows.draft(actor, FlowId.parse(id)).orElseThrow(() -> new NotFoundException("This flow has no draft."));
    }

    /** Keeps unpublished edits, valid or not. */
    @PutMapping("/api/v1/flows/{id}/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void saveDraft(Actor actor, @PathVariable String id, @RequestBody Map<String, Object> draft) {
        flows.saveDraft(actor, FlowId.parse(id), draft);
    }

    @DeleteMapping("/api/v1/flows/{id}/draft")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discardDraft(Actor actor, @PathVariable String id) {
        flows.discardDraft(actor, FlowId.parse(id));
    }

    /** Copies the flow under a new name into {@code test} or {@code live} mode. */
    @PostMapping("/api/v1/flows/{id}/duplicate")
    @ResponseStatus(HttpStatus.CREATED)
    FlowView duplicate(Actor actor, @PathVariable String id, @Valid @RequestBody Duplicate request) {
        Mode target = Mode.fromCode(request.mode())
                .orElseThrow(() -> InvalidInputException.of("mode", "mode", "must be test or live"));
        return flows.duplicate(actor, FlowId.parse(id), request.name(), target);
    }

    record Duplicate(@NotBlank String name, @NotBlank String mode) {}
}
