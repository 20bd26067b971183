package org.openkyc.core.security;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a person's workplace sessions on every instance, as after a password change. */
@Component
public class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** Ends every session of the person signed in as {@code email}, except {@code keep} (the current one). */
    public void endAll(String email, @Nullable String keep) {
        repository.findByPrincipalName(email).keySet().stream()
                .filter(id -> !id.equals(keep))
                .forEach(repository::deleteById);
    }
}
