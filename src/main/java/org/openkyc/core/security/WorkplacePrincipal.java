package org.openkyc.core.security;

import java.io.Serializable;
import org.openkyc.core.UserId;

/**
 * What a workplace session remembers about who signed in: only the user id. Permissions, company and
 * status are looked up on every request, so a changed role or a deactivation takes effect at once.
 */
public record WorkplacePrincipal(UserId userId, String email) implements Serializable {

    @Override
    public String toString() {
        return email;
    }
}
