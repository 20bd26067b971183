package org.openkyc.core;

import org.springframework.http.HttpStatus;

/**
 * A failure the caller can act on. It leaves the API as an RFC 9457 problem whose {@code type} is
 * {@link Problems#type(String)} of {@link #problemSlug()}, so clients can branch on it.
 */
public abstract class OpenKycException extends RuntimeException {

    protected OpenKycException(String detail) {
        super(detail);
    }

    public abstract HttpStatus status();

    /** The last segment of the stable problem type URI. */
    public abstract String problemSlug();

    /** A short, human-readable summary of the problem type. */
    public abstract String title();

    /** Members the problem carries besides the standard ones, such as what is missing. */
    public java.util.Map<String, Object> properties() {
        return java.util.Map.of();
    }
}
