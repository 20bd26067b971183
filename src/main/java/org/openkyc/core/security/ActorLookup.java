package org.openkyc.core.security;

import java.util.Optional;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.core.UserId;

/**
 * Turns credentials into an {@link Actor}. Implemented by the tenancy module, which owns users, roles and
 * keys; the security filters only know this interface.
 */
public interface ActorLookup {

    /**
     * The actor for a signed-in workplace user, or empty when the user no longer exists or is deactivated.
     * A requested live mode the user may not use falls back to test mode.
     */
    Optional<Actor> forUser(UserId userId, Mode requestedMode);

    /**
     * The actor for a platform operator working in the workplace of {@code company}, which they opened; empty when
     * the user is not an operator (any more) or the company's plan does not let operators in.
     */
    Optional<Actor> forOperator(UserId userId, CompanyId company, Mode requestedMode);

    /** Records one request an operator made in a company's workplace. */
    void operatorRequest(Actor operator, String method, String path);

    /**
     * The actor for an {@code Authorization: Bearer} credential: a user token (in the requested mode), or a
     * private key (whose mode is fixed by the key). Empty when the credential is unknown or expired.
     *
     * @throws org.openkyc.core.LiveModeUnavailableException when a user token asks for live mode it may
     *     not use
     */
    Optional<Actor> forBearer(String credential, Mode requestedMode);
}
