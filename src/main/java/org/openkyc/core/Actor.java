package org.openkyc.core;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, for which company and in which mode. Built once per request from a session, a user
 * token or a private key; handlers take it as an argument and never trust ids from the request.
 *
 * <p>A user actor has a user id and the permissions of the user's role; an application actor has an
 * application id and acts only on that application's integrator resources.
 *
 * <p>An operator actor is a platform operator working in a company's workplace that they opened (only companies on a
 * managed plan): a user actor whose user id is the operator's own, not a member of that company.
 */
public record Actor(
        Kind kind,
        CompanyId companyId,
        Mode mode,
        @Nullable UserId userId,
        @Nullable ApplicationId applicationId,
        Set<Permission> permissions,
        boolean liveModeAvailable,
        String displayName,
        Locale locale,
        boolean operator) {

    public enum Kind {
        USER,
        APPLICATION
    }

    public Actor {
        permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    public boolean can(Permission permission) {
        return kind == Kind.USER && permissions.contains(permission);
    }

    /** Throws {@link ForbiddenException} unless this is a workplace user holding the permission. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new ForbiddenException("Your role does not include the permission " + permission + ".");
        }
    }

    /** The user behind this actor; throws {@link ForbiddenException} for an application key. */
    public UserId requireUser() {
        if (userId == null) {
            throw new ForbiddenException("This call needs a workplace user, not an application key.");
        }
        return userId;
    }

    /** The application behind this actor; throws {@link ForbiddenException} for a user. */
    public ApplicationId requireApplication() {
        if (applicationId == null) {
            throw new ForbiddenException("This call needs a private application key.");
        }
        return applicationId;
    }
}
