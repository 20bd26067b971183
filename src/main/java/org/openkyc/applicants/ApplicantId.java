package org.openkyc.applicants;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;
import org.openkyc.core.Ids;

/** Identifies an applicant: one person verified through one application. */
public record ApplicantId(@JsonValue UUID value) {

    public static ApplicantId random() {
        return new ApplicantId(UUID.randomUUID());
    }

    public static ApplicantId parse(String text) {
        return new ApplicantId(Ids.parse(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
