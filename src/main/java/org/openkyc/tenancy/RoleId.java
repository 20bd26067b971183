package org.openkyc.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.openkyc.core.Ids;

/** Identifies a role within a company. */
public record RoleId(@JsonValue UUID value) {

    public static RoleId random() {
        return new RoleId(UUID.randomUUID());
    }

    public static RoleId parse(String text) {
        return new RoleId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
