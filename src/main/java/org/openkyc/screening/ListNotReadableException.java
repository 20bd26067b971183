package org.openkyc.screening;

import org.openkyc.core.OpenKycException;
import org.springframework.http.HttpStatus;

/** An imported list file that cannot be read: the message names the file and what is wrong with it. */
public class ListNotReadableException extends OpenKycException {

    private final HttpStatus status;

    ListNotReadableException(String detail, HttpStatus status) {
        super(detail);
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String problemSlug() {
        return status == HttpStatus.CONTENT_TOO_LARGE ? "list-too-large" : "list-not-readable";
    }

    @Override
    public String title() {
        return status == HttpStatus.CONTENT_TOO_LARGE ? "List file too large" : "List file not readable";
    }
}
