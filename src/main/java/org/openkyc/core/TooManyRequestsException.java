package org.openkyc.core;

import org.springframework.http.HttpStatus;

/** The caller tried too often; it may try again later. */
public class TooManyRequestsException extends OpenKycException {

    public TooManyRequestsException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public String problemSlug() {
        return "too-many-requests";
    }

    @Override
    public String title() {
        return "Too many requests";
    }
}
