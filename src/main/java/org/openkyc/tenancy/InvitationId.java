package org.openkyc.tenancy;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.openkyc.core.Ids;

/** Identifies an invitation to join a company. */
public record InvitationId(@JsonValue UUID value) {

    public static InvitationId random() {
        return new InvitationId(UUID.randomUUID());
    }

    public static InvitationId parse(String text) {
        return new InvitationId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
