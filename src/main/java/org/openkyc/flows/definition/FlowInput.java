package org.openkyc.flows.definition;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A flow as sent by a person or an integrator, not yet checked. {@link FlowRules#check} turns it into a
 * {@link FlowDefinition} or names every broken rule.
 */
public record FlowInput(
        @Nullable String name,
        @Nullable String type,
        @Nullable Boolean autoApproval,
        @Nullable Countries countries,
        @Nullable FlowStyle style,
        @Nullable List<StepInput> steps) {

    /** A step as sent: its type name and its settings as a JSON object. */
    public record StepInput(@Nullable String type, @Nullable Map<String, Object> config) {}
}
