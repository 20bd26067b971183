package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.UserId;
import org.openkyc.tenancy.InvitationId;
import org.openkyc.tenancy.InvitationView;
import org.openkyc.tenancy.MemberView;
import org.openkyc.tenancy.RoleDraft;
import org.openkyc.tenancy.RoleId;
import org.openkyc.tenancy.RoleView;
import org.openkyc.tenancy.TeamManagement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** My Team over the API: roles, members and invitations. */
@RestController
class TeamApiController {

    private final TeamManagement team;

    TeamApiController(TeamManagement team) {
        this.team = team;
    }

    @GetMapping("/api/v1/team/roles")
    List<RoleView> roles(Actor actor) {
        return team.roles(actor);
    }

    @PostMapping("/api/v1/team/roles")
    @ResponseStatus(HttpStatus.CREATED)
    RoleView createRole(Actor actor, @Valid @RequestBody RoleDraft draft) {
        return team.createRole(actor, draft);
    }

    @GetMapping("/api/v1/team/roles/{id}")
    RoleView role(Actor actor, @PathVariable String id) {
        return team.role(actor, RoleId.parse(id));
    }

    @PutMapping("/api/v1/team/roles/{id}")
    RoleView updateRole(Actor actor, @PathVariable String id, @Valid @RequestBody RoleDraft draft) {
        return team.updateRole(actor, RoleId.parse(id), draft);
    }

    @DeleteMapping("/api/v1/team/roles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRole(Actor actor, @PathVariable String id) {
        team.deleteRole(actor, RoleId.parse(id));
    }

    @GetMapping("/api/v1/team/members")
    List<MemberView> members(Actor actor) {
        return team.members(actor);
    }

    @GetMapping("/api/v1/team/members/{id}")
    MemberView member(Actor actor, @PathVariable String id) {
        return team.member(actor, UserId.parse(id));
    }

    @PatchMapping("/api/v1/team/members/{id}")
    MemberView updateMember(Actor actor, @PathVariable String id, @Valid @RequestBody MemberChange change) {
        return team.updateMember(actor, UserId.parse(id), roleIdField(change.roleId()), change.active());
    }

    @GetMapping("/api/v1/team/invitations")
    List<InvitationView> invitations(Actor actor) {
        return team.invitations(actor);
    }

    @PostMapping("/api/v1/team/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    InvitationView invite(Actor actor, @Valid @RequestBody InvitationRequest request) {
        return team.invite(actor, request.email(), roleIdField(request.roleId()));
    }

    @DeleteMapping("/api/v1/team/invitations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Actor actor, @PathVariable String id) {
        team.revokeInvitation(actor, InvitationId.parse(id));
    }

    /** A role named in a body: a malformed one is a field error, not a missing resource. */
    private static RoleId roleIdField(String value) {
        try {
            return new RoleId(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("roleId", "unknownRole", "is not a role of this company");
        }
    }

    record MemberChange(@NotBlank String roleId, @NotNull Boolean active) {}

    record InvitationRequest(
            @NotBlank @Email String email, @NotBlank String roleId) {}
}
