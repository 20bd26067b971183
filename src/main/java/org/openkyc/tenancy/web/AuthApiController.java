package org.openkyc.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.tenancy.AccountManagement;
import org.openkyc.tenancy.IssuedToken;
import org.openkyc.tenancy.SignUp;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up and user tokens: the two routes that need no credential. */
@RestController
class AuthApiController {

    private final AccountManagement accounts;

    AuthApiController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/api/v1/signup")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> signUp(@Valid @RequestBody SignUp signUp, Locale locale) {
        return Map.of("userId", accounts.signUp(signUp, locale), "email", signUp.email(), "verificationSent", true);
    }

    @PostMapping("/api/v1/auth/token")
    IssuedToken token(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        return accounts.issueToken(request.email(), request.password(), request.code(), http.getRemoteAddr());
    }

    /** Credentials for a user token; {@code code} is the TOTP code when the second factor is on. */
    record TokenRequest(
            @NotBlank String email,
            @NotBlank String password,
            @Nullable String code) {
        @Override
        public String toString() {
            return "TokenRequest[email=" + email + "]";
        }
    }
}
