package org.openkyc.applicants.lifecycle;

/** Where a verification stands, as the contract names it. */
public enum ApplicantStatus {
    /** Created; the applicant has not started. */
    INIT,
    /** The applicant started and steps remain. */
    INCOMPLETE,
    /** The applicant's part is done; checks run. */
    IN_PROGRESS,
    /** Checks found something suspicious (data, duplicates): a person must look. */
    ON_HOLD,
    /** Checks finished without findings; waiting for a decision. */
    COMPLETED,
    /** A reviewer is looking. */
    IN_REVIEW,
    APPROVED,
    DECLINED,
    /** Stopped by deduplication. */
    BLOCKED
}
