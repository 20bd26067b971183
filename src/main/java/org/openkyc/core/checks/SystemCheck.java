package org.openkyc.core.checks;

/**
 * One check OpenKYC runs on applicants, and whether it can run now. Every module whose check depends on something
 * that may be missing (a list, a model, a database file, a resolver, a mail server) publishes one as a bean; the
 * {@code doctor} command, the System status page and {@code /actuator/health/checks} show them all.
 */
public interface SystemCheck {

    /** A stable name: {@code screening}, {@code mrz-ocr}, {@code faces}… */
    String name();

    /**
     * Whether the check decides compliance (screening, documents, faces, liveness): when it cannot run, applicants
     * wait for a person instead of passing. A heuristic (a mail domain, an IP's reputation) only informs a reviewer.
     */
    boolean compliance();

    /** Whether the check can run now and, either way, why. Cheap: answered from what the module already holds. */
    Readiness readiness();

    /** Whether a check can run, and the reason in a sentence an operator understands. */
    record Readiness(boolean ready, String reason) {

        public static Readiness ready(String reason) {
            return new Readiness(true, reason);
        }

        public static Readiness unavailable(String reason) {
            return new Readiness(false, reason);
        }
    }
}
