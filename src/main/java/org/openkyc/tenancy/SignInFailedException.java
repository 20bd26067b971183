package org.openkyc.tenancy;

import org.openkyc.core.OpenKycException;
import org.openkyc.core.security.SignInRefusedException.Reason;
import org.springframework.http.HttpStatus;

/** A refused request for a user token; the reason is as much as a sign-in page would say. */
public class SignInFailedException extends OpenKycException {

    private final Reason reason;

    SignInFailedException(Reason reason) {
        super(
                switch (reason) {
                    case LOCKED -> "The account is locked for a while after repeated failed sign-ins.";
                    case THROTTLED -> "Too many failed sign-ins from this address; try again later.";
                    case UNVERIFIED -> "Open the link in the verification email first.";
                    case SECOND_FACTOR_REQUIRED -> "Send the code of your authenticator app as \"code\".";
                    case INVALID -> "Email or password is wrong.";
                });
        this.reason = reason;
    }

    @Override
    public HttpStatus status() {
        return switch (reason) {
            case LOCKED, THROTTLED -> HttpStatus.TOO_MANY_REQUESTS;
            default -> HttpStatus.UNAUTHORIZED;
        };
    }

    @Override
    public String problemSlug() {
        return "sign-in-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String title() {
        return "Sign-in refused";
    }
}
