package org.openkyc.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.ConflictException;
import org.openkyc.core.ForbiddenException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.core.UserId;
import org.openkyc.core.crypto.Tokens;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** My Team: roles and their permissions, members, and invitations by email. */
@Service
public class TeamManagement {

    private final Roles roles;
    private final Members members;
    private final Invitations invitations;
    private final Companies companies;
    private final TenancyMails mails;
    private final PasswordEncoder passwords;
    private final TenancySettings settings;
    private final Clock clock;

    TeamManagement(
            Roles roles,
            Members members,
            Invitations invitations,
            Companies companies,
            TenancyMails mails,
            PasswordEncoder passwords,
            TenancySettings settings,
            Clock clock) {
        this.roles = roles;
        this.members = members;
        this.invitations = invitations;
        this.companies = companies;
        this.mails = mails;
        this.passwords = passwords;
        this.settings = settings;
        this.clock = clock;
    }

    public List<RoleView> roles(Actor actor) {
        actor.require(Permission.TEAM);
        return roles.findByCompanyIdOrderByCreatedAt(actor.companyId()).stream()
                .map(Role::view)
                .toList();
    }

    public RoleView role(Actor actor, RoleId id) {
        actor.require(Permission.TEAM);
        return loadRole(actor, id).view();
    }

    @Transactional
    public RoleView createRole(Actor actor, RoleDraft draft) {
        actor.require(Permission.TEAM);
        requireGrantable(actor, draft.permissions());
        requireFreeName(actor, draft.name(), RoleId.random());
        return roles.save(new Role(
                        actor.companyId(),
                        draft.name(),
                        draft.description(),
                        draft.permissions(),
                        null,
                        clock.instant()))
                .view();
    }

    @Transactional
    public RoleView updateRole(Actor actor, RoleId id, RoleDraft draft) {
        actor.require(Permission.TEAM);
        Role role = loadRole(actor, id);
        if (role.builtinRole() == null) {
            requireGrantable(actor, role.permissions());
            requireGrantable(actor, draft.permissions());
            boolean ownRole = loadMember(actor, actor.requireUser()).roleId().equals(id);
            if (ownRole && !draft.permissions().contains(Permission.TEAM)) {
                throw new ConflictException("You cannot take the team permission away from your own role.");
            }
        }
        requireFreeName(actor, draft.name(), id);
        role.update(draft, clock.instant());
        return roles.save(role).view();
    }

    @Transactional
    public void deleteRole(Actor actor, RoleId id) {
        actor.require(Permission.TEAM);
        Role role = loadRole(actor, id);
        if (role.builtinRole() != null) {
            throw new ConflictException("Built-in roles cannot be deleted.");
        }
        requireGrantable(actor, role.permissions());
        if (members.existsByRoleId(id)) {
            throw new ConflictException("Members still have this role; give them another role first.");
        }
        Instant now = clock.instant();
        List<Invitation> offered = invitations.findByRoleId(id);
        if (offered.stream().anyMatch(i -> i.statusAt(now) == InvitationStatus.PENDING)) {
            throw new ConflictException("Pending invitations offer this role; revoke them first.");
        }
        invitations.deleteAll(offered);
        roles.delete(role);
    }

    public List<MemberView> members(Actor actor) {
        actor.require(Permission.TEAM);
        Map<RoleId, RoleView> roleViews = roleViews(actor);
        return members.findByCompanyIdOrderByCreatedAt(actor.companyId()).stream()
                .map(m -> m.view(roleViews.get(m.roleId())))
                .toList();
    }

    public MemberView member(Actor actor, UserId id) {
        actor.require(Permission.TEAM);
        Member member = loadMember(actor, id);
        return member.view(loadRole(actor, member.roleId()).view());
    }

    /** The active members of a company by name, for modules that assign work to people. */
    public Map<UserId, String> activeMembers(CompanyId company) {
        Map<UserId, String> names = new java.util.LinkedHashMap<>();
        members.findByCompanyIdOrderByCreatedAt(company).stream()
                .filter(m -> m.status() == MemberStatus.ACTIVE)
                .forEach(m -> names.put(m.id(), m.fullName()));
        return names;
    }

    /** The email addresses of the company's active members whose role holds {@code permission}, for mail to them. */
    public List<String> activeMemberEmails(CompanyId company, Permission permission) {
        return members.findByCompanyIdOrderByCreatedAt(company).stream()
                .filter(m -> m.status() == MemberStatus.ACTIVE)
                .filter(m -> roles.findById(m.roleId())
                        .map(r -> r.permissions().contains(permission))
                        .orElse(false))
                .map(Member::email)
                .toList();
    }

    /** The name of an active member of the company, for modules that assign work to people. */
    public Optional<String> activeMemberName(CompanyId company, UserId id) {
        return members.findByIdAndCompanyId(id, company)
                .filter(m -> m.status() == MemberStatus.ACTIVE)
                .map(Member::fullName);
    }

    /** Changes a member's role and whether they can sign in. Nobody can lock themselves out this way. */
    @Transactional
    public MemberView updateMember(Actor actor, UserId id, RoleId roleId, boolean active) {
        actor.require(Permission.TEAM);
        Member member = loadMember(actor, id);
        Role role = roles.findByIdAndCompanyId(roleId, actor.companyId())
                .orElseThrow(() -> InvalidInputException.of("roleId", "unknownRole", "is not a role of this company"));
        requireGrantable(actor, role.permissions());
        requireGrantable(actor, roles.findById(member.roleId()).orElseThrow().permissions());
        if (id.equals(actor.userId()) && (!active || !role.permissions().contains(Permission.TEAM))) {
            throw new ConflictException("You cannot deactivate yourself or take away your own team permission.");
        }
        Instant now = clock.instant();
        member.changeRole(role.id(), now);
        member.activate(active, now);
        members.save(member);
        return member.view(role.view());
    }

    public List<InvitationView> invitations(Actor actor) {
        actor.require(Permission.TEAM);
        Map<RoleId, RoleView> roleViews = roleViews(actor);
        Instant now = clock.instant();
        return invitations.findByCompanyIdOrderByCreatedAtDesc(actor.companyId()).stream()
                .map(i -> i.view(roleViews.get(i.roleId()).name(), now))
                .toList();
    }

    /** Mails an invitation link; the invited person chooses their name and password when accepting. */
    @Transactional
    public InvitationView invite(Actor actor, String email, RoleId roleId) {
        actor.require(Permission.TEAM);
        String address = email.strip();
        Role role = roles.findByIdAndCompanyId(roleId, actor.companyId())
                .orElseThrow(() -> InvalidInputException.of("roleId", "unknownRole", "is not a role of this company"));
        requireGrantable(actor, role.permissions());
        if (members.findByEmail(address).isPresent()) {
            throw new ConflictException("Someone with this email already has an OpenKYC account.");
        }
        Instant now = clock.instant();
        String token = Tokens.random(32);
        Invitation invitation = invitations.save(new Invitation(
                actor.companyId(),
                address,
                role.id(),
                Tokens.fingerprint(token),
                actor.requireUser(),
                now.plus(settings.invitationTtl()),
                now));
        String companyName = companies.findById(actor.companyId()).orElseThrow().name();
        mails.invitation(address, companyName, actor.displayName(), token, actor.locale());
        return invitation.view(role.view().name(), now);
    }

    @Transactional
    public void revokeInvitation(Actor actor, InvitationId id) {
        actor.require(Permission.TEAM);
        Invitation invitation = invitations
                .findByIdAndCompanyId(id, actor.companyId())
                .orElseThrow(() -> new NotFoundException("No such invitation."));
        invitation.revoke(clock.instant());
        invitations.save(invitation);
    }

    /** The pending invitation behind an emailed link, to greet the invited person. */
    public PendingInvitation pendingInvitation(String token) {
        Invitation invitation = pending(token);
        return new PendingInvitation(
                invitation.email(),
                companies.findById(invitation.companyId()).orElseThrow().name());
    }

    /** Creates the invited person's account with the invitation's role; the email counts as verified. */
    @Transactional
    public UserId acceptInvitation(String token, String fullName, String password) {
        Invitation invitation = pending(token);
        if (fullName.isBlank()) {
            throw InvalidInputException.of("fullName", "NotBlank", "must not be blank");
        }
        PasswordPolicy.check(password, invitation.email());
        if (members.findByEmail(invitation.email()).isPresent()) {
            throw new ConflictException("Someone with this email already has an OpenKYC account.");
        }
        Instant now = clock.instant();
        Member member = new Member(
                invitation.companyId(),
                invitation.email(),
                fullName.strip(),
                passwords.encode(password),
                invitation.roleId(),
                MemberStatus.ACTIVE,
                now);
        members.save(member);
        invitation.accept(now);
        invitations.save(invitation);
        return member.id();
    }

    private Invitation pending(String token) {
        return invitations
                .findByTokenHash(Tokens.fingerprint(token))
                .filter(i -> i.statusAt(clock.instant()) == InvitationStatus.PENDING)
                .orElseThrow(() -> new NotFoundException("This invitation is invalid, used, revoked or expired."));
    }

    private Map<RoleId, RoleView> roleViews(Actor actor) {
        return roles.findByCompanyIdOrderByCreatedAt(actor.companyId()).stream()
                .map(Role::view)
                .collect(Collectors.toMap(RoleView::id, Function.identity()));
    }

    private Role loadRole(Actor actor, RoleId id) {
        return roles.findByIdAndCompanyId(id, actor.companyId())
                .orElseThrow(() -> new NotFoundException("No such role."));
    }

    private Member loadMember(Actor actor, UserId id) {
        return members.findByIdAndCompanyId(id, actor.companyId())
                .orElseThrow(() -> new NotFoundException("No such member."));
    }

    /**
     * Nobody hands out more than they hold: granting, inviting with, or changing the role of someone whose role
     * has permissions beyond the actor's own is forbidden.
     */
    private static void requireGrantable(Actor actor, Set<Permission> permissions) {
        if (!actor.permissions().containsAll(permissions)) {
            throw new ForbiddenException("You can only grant or manage permissions that you have yourself.");
        }
    }

    private void requireFreeName(Actor actor, String name, RoleId except) {
        if (roles.nameTaken(actor.companyId(), name, except)) {
            throw new ConflictException("A role with this name already exists.");
        }
    }
}
