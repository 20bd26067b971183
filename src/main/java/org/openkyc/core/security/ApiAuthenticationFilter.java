package org.openkyc.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.LiveModeUnavailableException;
import org.openkyc.core.Mode;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api} requests from {@code Authorization: Bearer}: a user token (mode from
 * {@code X-OpenKYC-Mode}) or a private key (mode fixed by the key). A request without the header goes on
 * unauthenticated and is refused later where authentication is required.
 */
final class ApiAuthenticationFilter extends OncePerRequestFilter {

    static final String MODE_HEADER = "X-OpenKYC-Mode";

    private final ActorLookup actors;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    ApiAuthenticationFilter(ActorLookup actors) {
        this.actors = actors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String modeHeader = request.getHeader(MODE_HEADER);
        Optional<Mode> mode = modeHeader == null ? Optional.of(Mode.TEST) : Mode.fromCode(modeHeader);
        if (mode.isEmpty()) {
            ProblemResponses.write(response, InvalidInputException.of(MODE_HEADER, "mode", "must be test or live"));
            return;
        }
        Optional<Actor> actor;
        try {
            actor = actors.forBearer(header.substring(7).strip(), mode.get());
        } catch (LiveModeUnavailableException e) {
            ProblemResponses.write(response, e);
            return;
        }
        if (actor.isEmpty()) {
            ProblemResponses.write(
                    response, ProblemResponses.unauthorized("The bearer credential is unknown, revoked or expired."));
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(new ApiAuthentication(actor.get()));
        contexts.setContext(context);
        CurrentActor.set(request, actor.get());
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }
}
