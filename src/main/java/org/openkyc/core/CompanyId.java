package org.openkyc.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.UUID;

/** Identifies a company, the tenant that owns every other record. */
public record CompanyId(@JsonValue UUID value) implements Serializable {

    public static CompanyId random() {
        return new CompanyId(UUID.randomUUID());
    }

    public static CompanyId parse(String text) {
        return new CompanyId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
