package org.openkyc.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.UUID;

/** Identifies a person working in a company's workplace. */
public record UserId(@JsonValue UUID value) implements Serializable {

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    public static UserId parse(String text) {
        return new UserId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
