package org.openkyc.hosted;

import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.flows.definition.StepType;
import org.springframework.stereotype.Component;

/**
 * A compliance check of a step that could not run (its model is missing or broken): the applicant did nothing wrong,
 * so the step is neither passed nor failed but submitted for a person, with a {@link #WARNING} naming the check and
 * why. Every step whose check can be unavailable ends up here, so they all say it the same way.
 */
@Component
class NotChecked {

    /** The warning's code; it blocks auto-approval like any other until a reviewer resolves it. */
    static final String WARNING = "CHECK_UNAVAILABLE";

    private final ApplicantManagement applicants;

    NotChecked(ApplicantManagement applicants) {
        this.applicants = applicants;
    }

    /**
     * @param check what could not be checked, as the warning names it: {@code document}, {@code face match}…
     * @param reason why, in an operator's words: {@code the MRZ model is missing (looked for …)}
     */
    void forPerson(ApplicantId applicant, StepType step, ActorType by, String check, String reason) {
        applicants.submitStep(applicant, step, "not checked: " + reason, by);
        applicants.raiseWarning(applicant, WARNING, "The " + check + " could not be checked: " + reason + ".");
    }
}
