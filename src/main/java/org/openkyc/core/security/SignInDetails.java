package org.openkyc.core.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/** What a sign-in form carries besides email and password: the caller's address and a TOTP code. */
public record SignInDetails(String remoteAddress, @Nullable String code) implements Serializable {

    static SignInDetails of(HttpServletRequest request) {
        String code = request.getParameter("code");
        return new SignInDetails(request.getRemoteAddr(), code == null || code.isBlank() ? null : code.strip());
    }

    @Override
    public String toString() {
        return "SignInDetails[remoteAddress=" + remoteAddress + "]";
    }
}
