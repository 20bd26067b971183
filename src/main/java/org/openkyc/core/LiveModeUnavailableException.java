package org.openkyc.core;

import org.springframework.http.HttpStatus;

/** Live mode was asked for, but the company's plan or the user's role does not allow it. */
public class LiveModeUnavailableException extends OpenKycException {

    public LiveModeUnavailableException(String detail) {
        super(detail);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }

    @Override
    public String problemSlug() {
        return "live-mode-unavailable";
    }

    @Override
    public String title() {
        return "Live mode is not available";
    }
}
