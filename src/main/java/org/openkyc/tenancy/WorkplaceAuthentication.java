package org.openkyc.tenancy;

import java.util.List;
import org.openkyc.core.UserId;
import org.openkyc.core.security.SignInDetails;
import org.openkyc.core.security.SignInRefusedException;
import org.openkyc.core.security.WorkplacePrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Checks the workplace sign-in form through {@link SignIns}. */
@Component
class WorkplaceAuthentication implements AuthenticationProvider {

    private final SignIns signIns;

    WorkplaceAuthentication(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = String.valueOf(authentication.getName());
        String password = String.valueOf(authentication.getCredentials());
        SignInDetails details =
                authentication.getDetails() instanceof SignInDetails d ? d : new SignInDetails("unknown", null);
        SignInOutcome outcome = signIns.check(email, password, details.code(), details.remoteAddress());
        UserId userId = outcome.userId();
        if (userId == null) {
            throw new SignInRefusedException(java.util.Objects.requireNonNull(outcome.refusal()));
        }
        UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(
                new WorkplacePrincipal(userId, email.strip()), null, List.of());
        // The session keeps where the sign-in came from, never the one-time code.
        result.setDetails(new SignInDetails(details.remoteAddress(), null));
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
