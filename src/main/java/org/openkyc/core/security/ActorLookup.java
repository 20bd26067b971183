package org.openkyc.core.security;

import java.util.Optional;
import org.openkyc.core.Actor;
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
     * The actor for an {@code Authorization: Bearer} credential: a user token (in the requested mode), or a
     * private key (whose mode is fixed by the key). Empty when the credential is unknown or expired.
     *
     * @throws org.openkyc.core.LiveModeUnavailableException when a user token asks for live mode it may
     *     not use
     */
    Optional<Actor> forBearer(String credential, Mode requestedMode);
}
