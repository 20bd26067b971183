package org.openkyc.core;

import org.springframework.http.HttpStatus;

/** The caller is known but may not do this. */
public class ForbiddenException extends OpenKycException {

    public ForbiddenException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String problemSlug() {
        return "forbidden";
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
