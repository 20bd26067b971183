package org.openkyc.core;

import org.springframework.http.HttpStatus;

/** The resource does not exist, or belongs to another company or mode: both answer alike. */
public class NotFoundException extends OpenKycException {

    public NotFoundException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public String problemSlug() {
        return "not-found";
    }

    @Override
    public String title() {
        return "Not found";
    }
}
