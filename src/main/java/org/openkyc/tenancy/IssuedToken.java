package org.openkyc.tenancy;

import java.time.Instant;

/** A user token for the API and when it stops working. */
public record IssuedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]";
    }
}
