package org.openkyc.flows;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Mode;
import org.openkyc.flows.definition.Countries;
import org.openkyc.flows.definition.FlowDefinition;
import org.openkyc.flows.definition.FlowStyle;
import org.openkyc.flows.definition.FlowType;

/** A flow with its published definition, as the API shows it. */
public record FlowView(
        FlowId id,
        String name,
        FlowType type,
        Mode mode,
        int version,
        @JsonProperty("default") boolean isDefault,
        boolean autoApproval,
        Countries countries,
        FlowStyle style,
        List<FlowDefinition.Step> steps,
        boolean hasDraft,
        @Nullable Instant draftSavedAt,
        long applicants,
        Instant createdAt,
        Instant updatedAt) {

    static FlowView of(FlowSummary summary, FlowDefinition definition) {
        return new FlowView(
                summary.id(),
                summary.name(),
                summary.type(),
                summary.mode(),
                summary.version(),
                summary.isDefault(),
                definition.autoApproval(),
                definition.countries(),
                definition.style(),
                definition.steps(),
                summary.hasDraft(),
                summary.draftSavedAt(),
                summary.applicants(),
                summary.createdAt(),
                summary.updatedAt());
    }
}
