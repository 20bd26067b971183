package org.openkyc.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openkyc.core.Actor;
import org.openkyc.core.LiveModeUnavailableException;
import org.openkyc.core.Mode;
import org.openkyc.core.Permission;
import org.openkyc.core.UserId;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.core.security.ActorLookup;
import org.springframework.stereotype.Component;

/** Resolves sessions, user tokens and private keys to actors, with the permissions of the moment. */
@Component
class TenancyActorLookup implements ActorLookup {

    private final Members members;
    private final Roles roles;
    private final Companies companies;
    private final Applications applications;
    private final AccountManagement accounts;

    TenancyActorLookup(
            Members members, Roles roles, Companies companies, Applications applications, AccountManagement accounts) {
        this.members = members;
        this.roles = roles;
        this.companies = companies;
        this.applications = applications;
        this.accounts = accounts;
    }

    @Override
    public Optional<Actor> forUser(UserId userId, Mode requestedMode) {
        return user(userId)
                .map(actor -> actor.mode() == requestedMode || !actor.liveModeAvailable()
                        ? actor
                        : withMode(actor, requestedMode));
    }

    @Override
    public Optional<Actor> forBearer(String credential, Mode requestedMode) {
        if (credential.startsWith("sk_test_") || credential.startsWith("sk_live_")) {
            return applications
                    .findByPrivateKeyHash(Tokens.fingerprint(credential))
                    .map(this::forApplication);
        }
        if (credential.startsWith("ck_test_") || credential.startsWith("ck_live_")) {
            Mode mode = credential.startsWith("ck_live_") ? Mode.LIVE : Mode.TEST;
            String fingerprint = Tokens.fingerprint(credential);
            return (mode == Mode.LIVE
                            ? companies.findByPrivateKeyLiveHash(fingerprint)
                            : companies.findByPrivateKeyTestHash(fingerprint))
                    .flatMap(company -> applications.findByCompanyIdAndModeOrderByCreatedAt(company.id(), mode).stream()
                            .filter(Application::isDefault)
                            .findFirst())
                    .map(this::forApplication);
        }
        if (credential.startsWith("ut_")) {
            return accounts.tokenOwner(credential).flatMap(this::user).map(actor -> {
                if (requestedMode == Mode.LIVE && !actor.liveModeAvailable()) {
                    throw new LiveModeUnavailableException(
                            "Live mode needs a plan that includes it and a role with the live mode permission.");
                }
                return withMode(actor, requestedMode);
            });
        }
        return Optional.empty();
    }

    private Optional<Actor> user(UserId userId) {
        return members.findById(userId)
                .filter(member -> member.status() == MemberStatus.ACTIVE)
                .flatMap(member -> roles.findById(member.roleId())
                        .flatMap(role -> companies.findById(member.companyId()).map(company -> {
                            Set<Permission> permissions = role.permissions();
                            boolean live =
                                    company.plan().allowsLiveMode() && permissions.contains(Permission.LIVE_MODE);
                            return new Actor(
                                    Actor.Kind.USER,
                                    member.companyId(),
                                    Mode.TEST,
                                    member.id(),
                                    null,
                                    permissions,
                                    live,
                                    member.fullName(),
                                    member.locale());
                        })));
    }

    private Actor forApplication(Application application) {
        Company company = companies.findById(application.companyId()).orElseThrow();
        if (application.mode() == Mode.LIVE && !company.plan().allowsLiveMode()) {
            throw new LiveModeUnavailableException("The company's plan does not include live mode.");
        }
        return new Actor(
                Actor.Kind.APPLICATION,
                application.companyId(),
                application.mode(),
                null,
                application.id(),
                Set.of(),
                company.plan().allowsLiveMode(),
                application.name(),
                Locale.ENGLISH);
    }

    private static Actor withMode(Actor actor, Mode mode) {
        return new Actor(
                actor.kind(),
                actor.companyId(),
                mode,
                actor.userId(),
                actor.applicationId(),
                actor.permissions(),
                actor.liveModeAvailable(),
                actor.displayName(),
                actor.locale());
    }
}
