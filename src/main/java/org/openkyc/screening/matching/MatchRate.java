package org.openkyc.screening.matching;

/**
 * The match rate, 0 to 100, from the raw score: a logistic curve scaled so that identical names are 100 and nothing
 * in common is 0. It is set on the labelled name pairs so that a threshold reads as a precision: of the pairs at
 * 80 or above in the name-pairs set, at least four in five are the same party (raw 0.82, where F1 there is also
 * at its best).
 */
public final class MatchRate {

    static final double SLOPE = 10.0;
    static final double MIDPOINT = 0.70;

    private static final double FLOOR = logistic(0);
    private static final double CEILING = logistic(1);

    private MatchRate() {}

    public static int of(double raw) {
        double clamped = Math.max(0, Math.min(1, raw));
        return (int) Math.round(100 * (logistic(clamped) - FLOOR) / (CEILING - FLOOR));
    }

    private static double logistic(double raw) {
        return 1.0 / (1.0 + Math.exp(-SLOPE * (raw - MIDPOINT)));
    }
}
