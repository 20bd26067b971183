package org.openkyc.flows.definition;

import java.util.List;

/**
 * A flow as published: valid by {@link FlowRules}, starting with {@code INTRO} and ending with
 * {@code THANK_YOU}.
 */
public record FlowDefinition(
        String name, FlowType type, boolean autoApproval, Countries countries, FlowStyle style, List<Step> steps) {

    public FlowDefinition {
        steps = List.copyOf(steps);
    }

    /** One step and its settings. */
    public record Step(StepType type, StepSettings config) {}

    /** The step types in order. */
    public List<StepType> stepTypes() {
        return steps.stream().map(Step::type).toList();
    }

    public FlowDefinition withName(String newName) {
        return new FlowDefinition(newName, type, autoApproval, countries, style, steps);
    }
}
