package org.openkyc.applicants.lifecycle;

import static org.openkyc.applicants.lifecycle.ApplicantStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The applicant status machine. Every allowed move is listed here and nowhere else; anything not listed is
 * impossible.
 */
public final class Lifecycle {

    private record Move(Set<ApplicantStatus> from, ApplicantStatus to) {}

    private static final Map<ApplicantAction, Move> MOVES = new EnumMap<>(ApplicantAction.class);

    static {
        MOVES.put(ApplicantAction.START, new Move(EnumSet.of(INIT), INCOMPLETE));
        MOVES.put(ApplicantAction.SUBMIT, new Move(EnumSet.of(INIT, INCOMPLETE), IN_PROGRESS));
        MOVES.put(ApplicantAction.CHECKS_PASSED, new Move(EnumSet.of(IN_PROGRESS), COMPLETED));
        MOVES.put(ApplicantAction.CHECKS_FLAGGED, new Move(EnumSet.of(IN_PROGRESS), ON_HOLD));
        MOVES.put(ApplicantAction.MONITORING_FLAGGED, new Move(EnumSet.of(COMPLETED, APPROVED), ON_HOLD));
        MOVES.put(ApplicantAction.START_REVIEW, new Move(EnumSet.of(COMPLETED, ON_HOLD), IN_REVIEW));
        MOVES.put(ApplicantAction.APPROVE, new Move(EnumSet.of(COMPLETED, ON_HOLD, IN_REVIEW), APPROVED));
        MOVES.put(ApplicantAction.DECLINE, new Move(EnumSet.of(COMPLETED, ON_HOLD, IN_REVIEW), DECLINED));
        MOVES.put(ApplicantAction.AUTO_APPROVE, new Move(EnumSet.of(COMPLETED, ON_HOLD), APPROVED));
        MOVES.put(ApplicantAction.BLOCK, new Move(EnumSet.complementOf(EnumSet.of(BLOCKED)), BLOCKED));
        MOVES.put(
                ApplicantAction.REOPEN,
                new Move(EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, IN_REVIEW, APPROVED, DECLINED), INCOMPLETE));
    }

    private Lifecycle() {}

    /** The status {@code action} leads to from {@code status}, or empty when the move is not allowed. */
    public static Optional<ApplicantStatus> next(ApplicantStatus status, ApplicantAction action) {
        Move move = MOVES.get(action);
        return move != null && move.from().contains(status) ? Optional.of(move.to()) : Optional.empty();
    }

    /** The statuses {@code action} is allowed from. */
    public static Set<ApplicantStatus> allowedFrom(ApplicantAction action) {
        return EnumSet.copyOf(MOVES.get(action).from());
    }
}
