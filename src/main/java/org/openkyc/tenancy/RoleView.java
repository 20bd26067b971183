package org.openkyc.tenancy;

import java.util.Set;
import org.openkyc.core.Permission;

/** A role as shown in My Team and the API. */
public record RoleView(RoleId id, String name, String description, Set<Permission> permissions, boolean builtin) {}
