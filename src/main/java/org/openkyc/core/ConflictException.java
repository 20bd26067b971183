package org.openkyc.core;

import org.springframework.http.HttpStatus;

/** The request clashes with the current state, such as a duplicate or a concurrent edit. */
public class ConflictException extends OpenKycException {

    public ConflictException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public String problemSlug() {
        return "conflict";
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
