package org.openkyc.core.security;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.openkyc.core.ForbiddenException;
import org.openkyc.core.crypto.PayloadKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the stateless API ({@code /api/**}, bearer credentials, CSRF not applicable) and the
 * workplace (database-backed sessions, form sign-in, CSRF on every form). Permissions are checked in the
 * handlers through {@link org.openkyc.core.Actor#require}, next to the data they protect.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Pages anybody may open. */
    private static final String[] PUBLIC_PAGES = {
        "/signin",
        "/signup",
        "/signup/sent",
        "/signup/resend",
        "/verify-email",
        "/forgot-password",
        "/reset-password",
        "/invitations/accept",
        "/sdk/openkyc.js",
        "/dev/mailbox",
        "/error",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/vendor/**",
        "/favicon.ico",
        "/actuator/health",
        "/actuator/health/**",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }

    /**
     * The hosted flow's pages: the access token in the path is the credential (it also stands in for a CSRF token,
     * as nobody can post to a link they do not know). No session, so the pages work inside the web SDK's iframe on
     * an integrator's site, where browsers hold back cookies; any site may frame them.
     */
    @Bean
    @Order(0)
    SecurityFilterChain hosted(HttpSecurity http) throws Exception {
        return http.securityMatcher("/verify/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(h -> h.frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:;"
                                        + " style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self'; frame-ancestors *; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    /**
     * The hosted flow's API: the access token in {@code Authorization: Bearer} is the credential, checked by the
     * handlers themselves against the applicant it belongs to; no session, no cookies.
     */
    @Bean
    @Order(0)
    SecurityFilterChain sdk(HttpSecurity http) throws Exception {
        return http.securityMatcher("/sdk/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(h -> h.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ActorLookup actors, PayloadKeys keys) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> {})
                .addFilterBefore(new ApiAuthenticationFilter(actors), BasicAuthenticationFilter.class)
                .addFilterAfter(new PayloadEncryptionFilter(keys), ApiAuthenticationFilter.class)
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/signup", "/api/v1/auth/token")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(
                                response,
                                ProblemResponses.unauthorized(
                                        "Send Authorization: Bearer with a user token or a private key.")))
                        .accessDeniedHandler((request, response, ex) ->
                                ProblemResponses.write(response, new ForbiddenException("Access denied."))))
                .headers(h -> h.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain workplace(HttpSecurity http, ActorLookup actors, SignInSuccessHandler success)
            throws Exception {
        return http.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/signin")
                        .loginProcessingUrl("/signin")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .authenticationDetailsSource(SignInDetails::of)
                        .successHandler(success)
                        .failureHandler(new SignInFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
                .addFilterAfter(new WorkplaceActorFilter(actors), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.accessDeniedHandler(
                        (request, response, ex) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:;"
                                        + " style-src 'self' 'unsafe-inline';"
                                        + " script-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    @Bean
    SignInSuccessHandler signInSuccessHandler(
            ActorLookup actors, org.springframework.web.servlet.LocaleResolver locales) {
        return new SignInSuccessHandler(actors, locales);
    }

    /** After sign-in: the interface speaks the user's language from the first page. */
    static final class SignInSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {
        private final ActorLookup actors;
        private final org.springframework.web.servlet.LocaleResolver locales;

        SignInSuccessHandler(ActorLookup actors, org.springframework.web.servlet.LocaleResolver locales) {
            this.actors = actors;
            this.locales = locales;
            setDefaultTargetUrl("/");
        }

        @Override
        public void onAuthenticationSuccess(
                jakarta.servlet.http.HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.core.Authentication authentication)
                throws jakarta.servlet.ServletException, java.io.IOException {
            if (authentication.getPrincipal() instanceof WorkplacePrincipal principal) {
                actors.forUser(principal.userId(), org.openkyc.core.Mode.TEST)
                        .ifPresent(actor -> locales.setLocale(request, response, actor.locale()));
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }

    /** Sends a refused sign-in back to the form with a reason code the page explains. */
    static final class SignInFailureHandler
            implements org.springframework.security.web.authentication.AuthenticationFailureHandler {
        @Override
        public void onAuthenticationFailure(
                jakarta.servlet.http.HttpServletRequest request,
                HttpServletResponse response,
                org.springframework.security.core.AuthenticationException exception)
                throws java.io.IOException {
            SignInRefusedException.Reason reason = exception instanceof SignInRefusedException refused
                    ? refused.reason()
                    : SignInRefusedException.Reason.INVALID;
            String email = request.getParameter("email");
            if (email != null) {
                request.getSession().setAttribute("openkyc.signin.email", email.strip());
            }
            String target = reason == SignInRefusedException.Reason.SECOND_FACTOR_REQUIRED
                    ? "/signin?code"
                    : "/signin?error=" + reason.name().toLowerCase(java.util.Locale.ROOT);
            response.sendRedirect(request.getContextPath() + target);
        }
    }
}
