package org.openkyc.tenancy;

import static org.openkyc.core.Permission.*;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.openkyc.core.Permission;

/** The roles every company starts with. They can be renamed but never lose their permissions. */
public enum BuiltinRole {
    ADMINISTRATOR(
            "Administrator",
            "Full access, including team, company settings and keys.",
            EnumSet.allOf(Permission.class)),
    COMPLIANCE_OFFICER(
            "Compliance officer",
            "Designs flows, reviews applicants, screens names and reads dashboards.",
            EnumSet.of(
                    DASHBOARD,
                    APPLICANTS_VIEW,
                    APPLICANTS_REVIEW,
                    APPLICANTS_DELETE,
                    WORKFLOWS,
                    QUESTIONNAIRES,
                    AML_SCANS,
                    APPLICATIONS,
                    LIVE_MODE)),
    REVIEWER(
            "Reviewer",
            "Views and reviews applicants.",
            EnumSet.of(DASHBOARD, APPLICANTS_VIEW, APPLICANTS_REVIEW, LIVE_MODE));

    private final String defaultName;
    private final String description;
    private final Set<Permission> permissions;

    BuiltinRole(String defaultName, String description, Set<Permission> permissions) {
        this.defaultName = defaultName;
        this.description = description;
        this.permissions = Collections.unmodifiableSet(EnumSet.copyOf(permissions));
    }

    public String defaultName() {
        return defaultName;
    }

    public String description() {
        return description;
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
