package org.openkyc.core.checks;

import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every {@link SystemCheck} of the running application, asked in name order. A check whose readiness throws is
 * reported not ready with what it threw, so one broken check never hides the others.
 */
@Component
public class SystemChecks {

    /**
     * One check's answer.
     *
     * @param compliance whether applicants wait for a person while it cannot run
     */
    public record Status(String name, boolean compliance, boolean ready, String reason) {}

    private final ObjectProvider<SystemCheck> checks;

    SystemChecks(ObjectProvider<SystemCheck> checks) {
        this.checks = checks;
    }

    /** Every check, by name. */
    public List<Status> all() {
        return checks.orderedStream()
                .sorted(Comparator.comparing(SystemCheck::name))
                .map(SystemChecks::ask)
                .toList();
    }

    /** Whether every compliance check can run: what the {@code doctor} command's exit code says. */
    public static boolean complianceReady(List<Status> statuses) {
        return statuses.stream().filter(Status::compliance).allMatch(Status::ready);
    }

    /** A check answered by a function, for a module that has nothing else to implement it on. */
    public static SystemCheck of(String name, boolean compliance, Supplier<SystemCheck.Readiness> readiness) {
        return new SystemCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean compliance() {
                return compliance;
            }

            @Override
            public Readiness readiness() {
                return readiness.get();
            }
        };
    }

    private static Status ask(SystemCheck check) {
        try {
            SystemCheck.Readiness readiness = check.readiness();
            return new Status(check.name(), check.compliance(), readiness.ready(), readiness.reason());
        } catch (RuntimeException e) {
            return new Status(check.name(), check.compliance(), false, "the check could not tell: " + e.getMessage());
        }
    }
}
