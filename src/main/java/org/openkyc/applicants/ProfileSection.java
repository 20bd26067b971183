package org.openkyc.applicants;

import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;

/**
 * A part of the applicant's profile that another module fills (the document check, the proof of address): its
 * template holds {@code th:fragment="section(data)"}, and {@link #data} is what that fragment shows. Sections appear
 * in the order of {@link #order}.
 */
public interface ProfileSection {

    /** The template's name, such as {@code documents/section}. */
    String template();

    /** What the section shows for this applicant, or null when it has nothing to show. */
    @Nullable
    Object data(Actor actor, ApplicantView applicant);

    default int order() {
        return 100;
    }

    /**
     * Whether the section shows personal data; a status-only company's own users see only the sections that do not.
     */
    default boolean personalData() {
        return true;
    }
}
