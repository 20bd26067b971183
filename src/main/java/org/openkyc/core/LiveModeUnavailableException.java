package org.openkyc.core;

/** Live mode was asked for, but the company's plan or the user's role does not allow it. */
public class LiveModeUnavailableException extends ForbiddenException {

    public LiveModeUnavailableException(String detail) {
        super(detail);
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
