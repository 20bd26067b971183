package org.openkyc.core.security;

import org.springframework.security.core.AuthenticationException;

/** Why a sign-in was refused, in terms the sign-in page can explain without leaking who exists. */
public class SignInRefusedException extends AuthenticationException {

    /** The reasons a sign-in page tells apart. */
    public enum Reason {
        INVALID,
        LOCKED,
        THROTTLED,
        UNVERIFIED,
        SECOND_FACTOR_REQUIRED
    }

    private final Reason reason;

    public SignInRefusedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
