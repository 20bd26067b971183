package org.openkyc.tenancy;

import java.time.Period;

/**
 * How long a status-only company's applicants keep their personal data once their verification is decided: a month
 * for a single event (a token sale, say), two for an ongoing service. Status and certificates are kept.
 */
public enum Retention {
    SINGLE_EVENT(Period.ofMonths(1)),
    ONGOING(Period.ofMonths(2));

    private final Period keep;

    Retention(Period keep) {
        this.keep = keep;
    }

    public Period keep() {
        return keep;
    }
}
