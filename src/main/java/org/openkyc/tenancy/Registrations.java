package org.openkyc.tenancy;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.openkyc.core.CompanyId;
import org.openkyc.core.ConflictException;
import org.openkyc.core.Mode;
import org.openkyc.tenancy.TenancyEvents.ApplicationCreated;
import org.openkyc.tenancy.TenancyEvents.CompanyRegistered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates a company with everything it starts with: the built-in roles, its administrator, its private
 * client keys and a default test application. Sign-up and bootstrap both come through here.
 */
@Component
class Registrations {

    private final Companies companies;
    private final Roles roles;
    private final Members members;
    private final Applications applications;
    private final Secrets secrets;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registrations(
            Companies companies,
            Roles roles,
            Members members,
            Applications applications,
            Secrets secrets,
            PasswordEncoder passwords,
            ApplicationEventPublisher events,
            Clock clock) {
        this.companies = companies;
        this.roles = roles;
        this.members = members;
        this.applications = applications;
        this.secrets = secrets;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /** Must run inside a transaction. */
    Member register(SignUp signUp, Plan plan, MemberStatus status, String language) {
        PasswordPolicy.check(signUp.password(), signUp.email());
        if (members.findByEmail(signUp.email()).isPresent()) {
            throw new ConflictException("An account with this email already exists.");
        }
        Instant now = clock.instant();
        Company company = new Company(CompanyId.random(), signUp.companyName(), secrets.newClientKey(), plan, now);
        company.update(
                new CompanyDetails(signUp.companyName(), "", signUp.phone(), signUp.email(), signUp.fullName(), ""),
                now);
        for (Mode mode : Mode.values()) {
            String key = secrets.newPrivateClientKey(mode);
            company.setPrivateKey(mode, secrets.fingerprint(key), secrets.seal(key, Secrets.COMPANY_PRIVATE_KEY), now);
        }
        companies.save(company);
        Role administrator = null;
        for (BuiltinRole builtin : BuiltinRole.values()) {
            // One microsecond apart, so lists ordered by creation show them in this order.
            Role role = roles.save(Role.builtin(company.id(), builtin, now.plusNanos(1000L * builtin.ordinal())));
            if (builtin == BuiltinRole.ADMINISTRATOR) {
                administrator = role;
            }
        }
        Member admin = new Member(
                company.id(),
                signUp.email(),
                signUp.fullName(),
                passwords.encode(signUp.password()),
                Objects.requireNonNull(administrator).id(),
                status,
                now);
        admin.update(new AccountDetails(signUp.fullName(), signUp.phone(), signUp.position(), language), now);
        members.save(admin);
        Application application = applications.save(
                new Application(company.id(), Mode.TEST, "Default application", "", true, secrets, now));
        events.publishEvent(new ApplicationCreated(application.id(), company.id(), Mode.TEST, true));
        events.publishEvent(new CompanyRegistered(company.id(), application.id()));
        return admin;
    }
}
