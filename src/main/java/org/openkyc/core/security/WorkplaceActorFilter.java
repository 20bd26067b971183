package org.openkyc.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openkyc.core.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the signed-in workplace user to an {@link Actor} on every request. A user deactivated since
 * signing in is signed out here, on their next click.
 */
final class WorkplaceActorFilter extends OncePerRequestFilter {

    private final ActorLookup actors;

    WorkplaceActorFilter(ActorLookup actors) {
        this.actors = actors;
    }

    /** Static files need no actor; resolving one would cost a query per stylesheet and script. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof WorkplacePrincipal principal) {
            Optional<Actor> actor =
                    actors.forUser(principal.userId(), CurrentActor.sessionMode(request.getSession(false)));
            if (actor.isEmpty()) {
                new SecurityContextLogoutHandler().logout(request, response, authentication);
                response.sendRedirect(request.getContextPath() + "/signin?error=deactivated");
                return;
            }
            CurrentActor.set(request, actor.get());
        }
        chain.doFilter(request, response);
    }
}
