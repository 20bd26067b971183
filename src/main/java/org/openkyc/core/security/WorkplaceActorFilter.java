package org.openkyc.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
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
            jakarta.servlet.http.HttpSession session = request.getSession(false);
            CompanyId operating = CurrentActor.operating(session);
            Mode mode = CurrentActor.sessionMode(session);
            Optional<Actor> actor = Optional.empty();
            if (operating != null) {
                actor = actors.forOperator(principal.userId(), operating, mode);
                if (actor.isEmpty() && session != null) {
                    // The operator lost access (the company's plan changed): back to their own workplace.
                    CurrentActor.operate(session, null);
                }
            }
            if (actor.isEmpty()) {
                actor = actors.forUser(principal.userId(), mode);
            }
            if (actor.isEmpty()) {
                new SecurityContextLogoutHandler().logout(request, response, authentication);
                response.sendRedirect(request.getContextPath() + "/signin?error=deactivated");
                return;
            }
            CurrentActor.set(request, actor.get());
            if (actor.get().operator()) {
                actors.operatorRequest(
                        actor.get(),
                        request.getMethod(),
                        request.getRequestURI()
                                .substring(request.getContextPath().length()));
            }
        }
        chain.doFilter(request, response);
    }
}
