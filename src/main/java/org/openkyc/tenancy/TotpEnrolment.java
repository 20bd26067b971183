package org.openkyc.tenancy;

/** A second factor being set up: the secret to type in and the URI an authenticator app imports. */
public record TotpEnrolment(String secret, String uri) {

    @Override
    public String toString() {
        return "TotpEnrolment[hidden]";
    }
}
