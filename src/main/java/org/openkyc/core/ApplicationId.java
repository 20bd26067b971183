package org.openkyc.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.UUID;

/** Identifies an integration application; each belongs to one company and one mode. */
public record ApplicationId(@JsonValue UUID value) implements Serializable {

    public static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID());
    }

    public static ApplicationId parse(String text) {
        return new ApplicationId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
