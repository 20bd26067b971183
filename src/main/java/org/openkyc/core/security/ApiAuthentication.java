package org.openkyc.core.security;

import java.util.List;
import org.openkyc.core.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by a bearer credential; the principal is the resolved {@link Actor}. */
final class ApiAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    ApiAuthentication(Actor actor) {
        super(List.of());
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }
}
