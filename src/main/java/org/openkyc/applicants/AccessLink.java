package org.openkyc.applicants;

import java.time.Instant;

/** A link that opens the hosted flow for one applicant, and the token inside it. */
public record AccessLink(String token, String url, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessLink[expiresAt=" + expiresAt + "]";
    }
}
