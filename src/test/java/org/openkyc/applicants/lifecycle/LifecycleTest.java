package org.openkyc.applicants.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openkyc.applicants.lifecycle.ApplicantAction.*;
import static org.openkyc.applicants.lifecycle.ApplicantStatus.*;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tries every (status, action) pair: exactly the moves listed here succeed, and they lead where listed. */
class LifecycleTest {

    private static final Map<String, ApplicantStatus> ALLOWED = new HashMap<>();

    private static void allow(ApplicantStatus from, ApplicantAction action, ApplicantStatus to) {
        ALLOWED.put(from + " " + action, to);
    }

    static {
        allow(INIT, START, INCOMPLETE);
        allow(INIT, SUBMIT, IN_PROGRESS);
        allow(INCOMPLETE, SUBMIT, IN_PROGRESS);
        allow(IN_PROGRESS, CHECKS_PASSED, COMPLETED);
        allow(IN_PROGRESS, CHECKS_FLAGGED, ON_HOLD);
        allow(COMPLETED, MONITORING_FLAGGED, ON_HOLD);
        allow(APPROVED, MONITORING_FLAGGED, ON_HOLD);
        for (ApplicantStatus reviewable : new ApplicantStatus[] {COMPLETED, ON_HOLD, IN_REVIEW}) {
            allow(reviewable, APPROVE, APPROVED);
            allow(reviewable, DECLINE, DECLINED);
        }
        allow(COMPLETED, START_REVIEW, IN_REVIEW);
        allow(ON_HOLD, START_REVIEW, IN_REVIEW);
        allow(COMPLETED, AUTO_APPROVE, APPROVED);
        allow(ON_HOLD, AUTO_APPROVE, APPROVED);
        for (ApplicantStatus status : ApplicantStatus.values()) {
            if (status != BLOCKED) {
                allow(status, BLOCK, BLOCKED);
            }
        }
        for (ApplicantStatus reopenable :
                new ApplicantStatus[] {IN_PROGRESS, ON_HOLD, COMPLETED, IN_REVIEW, APPROVED, DECLINED}) {
            allow(reopenable, REOPEN, INCOMPLETE);
        }
    }

    @Test
    void onlyTheListedMovesSucceed() {
        int tried = 0;
        for (ApplicantStatus status : ApplicantStatus.values()) {
            for (ApplicantAction action : ApplicantAction.values()) {
                Optional<ApplicantStatus> next = Lifecycle.next(status, action);
                assertThat(next)
                        .as(status + " " + action)
                        .isEqualTo(Optional.ofNullable(ALLOWED.get(status + " " + action)));
                tried++;
            }
        }
        assertThat(tried).isEqualTo(ApplicantStatus.values().length * ApplicantAction.values().length);
    }

    /** Ongoing monitoring may put an approval on hold again: a customer approved last year may be listed today. */
    @Test
    void aDecisionIsFinalExceptForBlockingReopeningAndMonitoring() {
        for (ApplicantAction action : ApplicantAction.values()) {
            if (action != BLOCK && action != REOPEN && action != MONITORING_FLAGGED) {
                assertThat(Lifecycle.next(APPROVED, action)).as(action.name()).isEmpty();
            }
            if (action != BLOCK && action != REOPEN) {
                assertThat(Lifecycle.next(DECLINED, action)).as(action.name()).isEmpty();
            }
            assertThat(Lifecycle.next(BLOCKED, action))
                    .as("blocked is final: " + action)
                    .isEmpty();
        }
    }
}
