package org.openkyc.tenancy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.openkyc.core.Permission;

/** What a person enters to create or edit a role. */
public record RoleDraft(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 500) String description,
        @NotNull Set<Permission> permissions) {

    public RoleDraft {
        name = name == null ? "" : name.strip();
        description = description == null ? "" : description.strip();
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
