package org.openkyc.flows.definition;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects broken rules with the JSON path of the field each is about. */
public final class Violations {

    /** One broken rule: the field's path, a stable code and an English explanation. */
    public record Violation(String field, String code, String message) {}

    private final List<Violation> found = new ArrayList<>();
    private final String prefix;
    private @Nullable Violations parent;

    public Violations() {
        this("");
    }

    private Violations(String prefix) {
        this.prefix = prefix;
    }

    /** Violations of a nested object are recorded here, under {@code path}. */
    public Violations at(String path) {
        Violations nested = new Violations(prefix + path + ".");
        nested.parent = this;
        return nested;
    }

    public void add(String field, String code, String message) {
        root().found.add(new Violation(prefix + field, code, message));
    }

    private Violations root() {
        return parent == null ? this : parent.root();
    }

    public void require(boolean rule, String field, String code, String message) {
        if (!rule) {
            add(field, code, message);
        }
    }

    public List<Violation> all() {
        return List.copyOf(root().found);
    }

    public boolean isEmpty() {
        return root().found.isEmpty();
    }
}
