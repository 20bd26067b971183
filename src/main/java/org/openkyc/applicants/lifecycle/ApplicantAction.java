package org.openkyc.applicants.lifecycle;

/** What can happen to a verification; {@link Lifecycle} says from which status each is allowed. */
public enum ApplicantAction {
    /** The applicant opened the flow. */
    START,
    /** The applicant finished their part. */
    SUBMIT,
    /** The checks finished without findings. */
    CHECKS_PASSED,
    /** The checks finished with findings. */
    CHECKS_FLAGGED,
    /** Ongoing monitoring found something new about a finished verification. */
    MONITORING_FLAGGED,
    /** A reviewer starts looking. */
    START_REVIEW,
    APPROVE,
    DECLINE,
    /** The flow approves a clean verification by itself. */
    AUTO_APPROVE,
    /** Deduplication stops the verification, whatever its status. */
    BLOCK,
    /** New or rejected steps wait for the applicant again (a changed flow, a resubmission request). */
    REOPEN
}
