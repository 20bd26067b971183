package org.openkyc.flows;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.openkyc.core.Ids;

/** Identifies a verification flow. */
public record FlowId(@JsonValue UUID value) {

    public static FlowId random() {
        return new FlowId(UUID.randomUUID());
    }

    public static FlowId parse(String text) {
        return new FlowId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
