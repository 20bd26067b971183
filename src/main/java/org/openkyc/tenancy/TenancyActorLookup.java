package org.openkyc.tenancy;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.LiveModeUnavailableException;
import org.openkyc.core.Mode;
import org.openkyc.core.Permission;
import org.openkyc.core.UserId;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.core.security.ActorLookup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Resolves sessions, user tokens and private keys to actors, with the permissions of the moment. */
@Component
class TenancyActorLookup implements ActorLookup {

    private final Members members;
    private final Roles roles;
    private final Companies companies;
    private final Applications applications;
    private final AccountManagement accounts;
    private final PlatformSettings settings;
    private final ObjectProvider<PlatformOperators> operators;
    private final Clock clock;

    TenancyActorLookup(
            Members members,
            Roles roles,
            Companies companies,
            Applications applications,
            AccountManagement accounts,
            PlatformSettings settings,
            ObjectProvider<PlatformOperators> operators,
            Clock clock) {
        this.members = members;
        this.roles = roles;
        this.companies = companies;
        this.applications = applications;
        this.accounts = accounts;
        this.settings = settings;
        this.operators = operators;
        this.clock = clock;
    }

    @Override
    public Optional<Actor> forUser(UserId userId, Mode requestedMode) {
        return user(userId)
                .map(actor -> actor.mode() == requestedMode || !actor.liveModeAvailable()
                        ? actor
                        : withMode(actor, requestedMode));
    }

    @Override
    public Optional<Actor> forOperator(UserId userId, CompanyId companyId, Mode requestedMode) {
        return members.findById(userId)
                .filter(member -> member.status() == MemberStatus.ACTIVE && settings.isOperator(member.email()))
                .flatMap(member -> companies
                        .findById(companyId)
                        .filter(company -> company.plan(clock.instant()).includes(Entitlement.OPERATOR_ACCESS))
                        .map(company -> {
                            boolean live = company.plan(clock.instant()).allowsLiveMode();
                            return new Actor(
                                    Actor.Kind.USER,
                                    companyId,
                                    live ? requestedMode : Mode.TEST,
                                    member.id(),
                                    null,
                                    PlatformOperators.IN_COMPANY,
                                    live,
                                    member.fullName(),
                                    member.locale(),
                                    true);
                        }));
    }

    @Override
    public void operatorRequest(Actor operator, String method, String path) {
        operators.getObject().request(operator, method, path);
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
                            boolean live = company.plan(clock.instant()).allowsLiveMode()
                                    && permissions.contains(Permission.LIVE_MODE);
                            return new Actor(
                                    Actor.Kind.USER,
                                    member.companyId(),
                                    Mode.TEST,
                                    member.id(),
                                    null,
                                    permissions,
                                    live,
                                    member.fullName(),
                                    member.locale(),
                                    false);
                        })));
    }

    private Actor forApplication(Application application) {
        Company company = companies.findById(application.companyId()).orElseThrow();
        if (application.mode() == Mode.LIVE && !company.plan(clock.instant()).allowsLiveMode()) {
            throw new LiveModeUnavailableException("The company's plan does not include live mode.");
        }
        return new Actor(
                Actor.Kind.APPLICATION,
                application.companyId(),
                application.mode(),
                null,
                application.id(),
                Set.of(),
                company.plan(clock.instant()).allowsLiveMode(),
                application.name(),
                Locale.ENGLISH,
                false);
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
                actor.locale(),
                actor.operator());
    }
}
