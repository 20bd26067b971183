package org.openkyc.applicants;

import org.jspecify.annotations.Nullable;
import org.openkyc.flows.definition.StepType;

/**
 * How far an applicant is with one step of their flow.
 *
 * @param result a short outcome of the step's check (filled by the module that runs the check)
 */
public record StepState(
        StepType type, StepStatus status, @Nullable String result) {

    /** Where a step stands. */
    public enum StepStatus {
        NOT_STARTED,
        SUBMITTED,
        PASSED,
        FAILED
    }

    static StepState notStarted(StepType type) {
        return new StepState(type, StepStatus.NOT_STARTED, null);
    }

    boolean done() {
        return status == StepStatus.PASSED || status == StepStatus.SUBMITTED;
    }
}
