package org.openkyc.flows;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Mode;
import org.openkyc.flows.definition.FlowType;

/**
 * A flow as listed.
 *
 * @param version the published version's number
 * @param hasDraft whether unpublished changes are waiting
 * @param applicants how many applicants go through this flow; editing it affects them
 */
public record FlowSummary(
        FlowId id,
        Mode mode,
        String name,
        FlowType type,
        int version,
        @JsonProperty("default") boolean isDefault,
        boolean hasDraft,
        @Nullable Instant draftSavedAt,
        long applicants,
        Instant createdAt,
        Instant updatedAt) {}
