package org.openkyc.core;

import org.springframework.http.HttpStatus;

/** The request's credential is missing, unknown, expired or revoked. */
public class UnauthorizedException extends OpenKycException {

    public UnauthorizedException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }

    @Override
    public String problemSlug() {
        return "unauthorized";
    }

    @Override
    public String title() {
        return "Unauthorized";
    }
}
