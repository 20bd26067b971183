package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.core.UserId;
import org.openkyc.tenancy.InvitationId;
import org.openkyc.tenancy.MemberView;
import org.openkyc.tenancy.RoleDraft;
import org.openkyc.tenancy.RoleId;
import org.openkyc.tenancy.RoleView;
import org.openkyc.tenancy.TeamManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My Team: members, roles with their permission checkboxes, and invitations. */
@Controller
class TeamPages {

    private final TeamManagement team;

    TeamPages(TeamManagement team) {
        this.team = team;
    }

    @GetMapping("/team")
    String team(Actor actor, @RequestParam(defaultValue = "members") String tab, Model model) {
        model.addAttribute(
                "tab",
                switch (tab) {
                    case "roles", "invitations" -> tab;
                    default -> "members";
                });
        model.addAttribute("members", team.members(actor));
        model.addAttribute("roles", team.roles(actor));
        model.addAttribute("invitations", team.invitations(actor));
        if (!model.containsAttribute("invite")) {
            model.addAttribute("invite", new InviteForm("", ""));
        }
        return "tenancy/team";
    }

    @PostMapping("/team/invitations")
    String invite(
            Actor actor,
            @Valid @ModelAttribute("invite") InviteForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                team.invite(actor, form.email(), RoleId.parse(form.roleId()));
                redirect.addFlashAttribute("flash", "team.invitationSent");
                return "redirect:/team?tab=invitations";
            } catch (InvalidInputException e) {
                FormErrors.addTo(result, e);
            } catch (ConflictException e) {
                result.rejectValue("email", "team.emailTaken", e.getMessage());
            }
        }
        return team(actor, "invitations", model);
    }

    @PostMapping("/team/invitations/{id}/revoke")
    String revoke(Actor actor, @PathVariable String id, RedirectAttributes redirect) {
        team.revokeInvitation(actor, InvitationId.parse(id));
        redirect.addFlashAttribute("flash", "team.invitationRevoked");
        return "redirect:/team?tab=invitations";
    }

    @GetMapping("/team/roles/new")
    String newRole(Actor actor, Model model) {
        actor.require(Permission.TEAM);
        model.addAttribute("form", new RoleForm("", "", List.of()));
        return rolePage(null, model);
    }

    @PostMapping("/team/roles")
    String createRole(
            Actor actor,
            @Valid @ModelAttribute("form") RoleForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                team.createRole(actor, form.draft());
                redirect.addFlashAttribute("flash", "team.roleSaved");
                return "redirect:/team?tab=roles";
            } catch (ConflictException e) {
                result.rejectValue("name", "team.roleNameTaken", e.getMessage());
            }
        }
        return rolePage(null, model);
    }

    @GetMapping("/team/roles/{id}")
    String role(Actor actor, @PathVariable String id, Model model) {
        RoleView role = team.role(actor, RoleId.parse(id));
        model.addAttribute("form", new RoleForm(role.name(), role.description(), List.copyOf(role.permissions())));
        return rolePage(role, model);
    }

    @PostMapping("/team/roles/{id}")
    String updateRole(
            Actor actor,
            @PathVariable String id,
            @Valid @ModelAttribute("form") RoleForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        RoleView role = team.role(actor, RoleId.parse(id));
        if (!result.hasErrors()) {
            try {
                team.updateRole(actor, role.id(), form.draft());
                redirect.addFlashAttribute("flash", "team.roleSaved");
                return "redirect:/team?tab=roles";
            } catch (ConflictException e) {
                result.rejectValue("name", "team.roleNameTaken", e.getMessage());
            }
        }
        return rolePage(role, model);
    }

    @PostMapping("/team/roles/{id}/delete")
    String deleteRole(Actor actor, @PathVariable String id, RedirectAttributes redirect) {
        try {
            team.deleteRole(actor, RoleId.parse(id));
            redirect.addFlashAttribute("flash", "team.roleDeleted");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "team.roleInUse");
        }
        return "redirect:/team?tab=roles";
    }

    @GetMapping("/team/members/{id}")
    String member(Actor actor, @PathVariable String id, Model model) {
        MemberView member = team.member(actor, UserId.parse(id));
        model.addAttribute("member", member);
        model.addAttribute("roles", team.roles(actor));
        return "tenancy/member";
    }

    @PostMapping("/team/members/{id}")
    String updateMember(
            Actor actor,
            @PathVariable String id,
            @RequestParam String roleId,
            @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        try {
            team.updateMember(actor, UserId.parse(id), RoleId.parse(roleId), active);
            redirect.addFlashAttribute("flash", "team.memberSaved");
            return "redirect:/team";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "team.cannotLockOutSelf");
            return "redirect:/team/members/" + id;
        }
    }

    private static String rolePage(@Nullable RoleView role, Model model) {
        model.addAttribute("role", role);
        model.addAttribute("permissions", Permission.values());
        return "tenancy/role";
    }

    record InviteForm(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank String roleId) {}

    record RoleForm(
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String description,
            @Nullable List<Permission> permissions) {
        RoleDraft draft() {
            return new RoleDraft(name, description, permissions == null ? Set.of() : Set.copyOf(permissions));
        }
    }
}
