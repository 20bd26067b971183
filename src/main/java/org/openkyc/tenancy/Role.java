package org.openkyc.tenancy;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Permission;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A named set of permissions within one company. Built-in roles keep their permissions. */
@Table("role")
class Role {

    @Id
    private RoleId id;

    private CompanyId companyId;
    private String name;
    private String description;
    private String permissions;
    private @Nullable String builtin;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    private Role() {}

    Role(
            CompanyId companyId,
            String name,
            String description,
            Set<Permission> permissions,
            @Nullable BuiltinRole builtin,
            Instant now) {
        this.id = RoleId.random();
        this.companyId = companyId;
        this.name = name;
        this.description = description;
        this.permissions = encode(permissions);
        this.builtin = builtin == null ? null : builtin.name();
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Role builtin(CompanyId companyId, BuiltinRole role, Instant now) {
        return new Role(companyId, role.defaultName(), role.description(), role.permissions(), role, now);
    }

    RoleId id() {
        return id;
    }

    CompanyId companyId() {
        return companyId;
    }

    @Nullable
    BuiltinRole builtinRole() {
        return builtin == null ? null : BuiltinRole.valueOf(builtin);
    }

    Set<Permission> permissions() {
        BuiltinRole role = builtinRole();
        if (role != null) {
            return role.permissions();
        }
        if (permissions.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(permissions.split(","))
                .map(Permission::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }

    void update(RoleDraft draft, Instant now) {
        this.name = draft.name();
        this.description = draft.description();
        if (builtin == null) {
            this.permissions = encode(draft.permissions());
        }
        this.updatedAt = now;
    }

    RoleView view() {
        return new RoleView(id, name, description, permissions(), builtinRole() != null);
    }

    private static String encode(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
