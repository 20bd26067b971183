package org.openkyc.tenancy;

import org.jspecify.annotations.Nullable;
import org.openkyc.core.UserId;
import org.openkyc.core.security.SignInRefusedException.Reason;

/** The result of checking sign-in credentials: a user, or the reason for refusal. */
record SignInOutcome(@Nullable UserId userId, @Nullable Reason refusal) {

    static SignInOutcome accepted(UserId userId) {
        return new SignInOutcome(userId, null);
    }

    static SignInOutcome refused(Reason reason) {
        return new SignInOutcome(null, reason);
    }
}
