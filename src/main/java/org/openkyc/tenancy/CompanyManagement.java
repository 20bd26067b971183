package org.openkyc.tenancy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.LiveModeUnavailableException;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.core.PlanLimitException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Company settings, the private client keys and the plan. */
@Service
public class CompanyManagement {

    private final Companies companies;
    private final Secrets secrets;
    private final Clock clock;

    CompanyManagement(Companies companies, Secrets secrets, Clock clock) {
        this.companies = companies;
        this.secrets = secrets;
        this.clock = clock;
    }

    public CompanyView company(Actor actor) {
        actor.require(Permission.COMPANY);
        return load(actor.companyId()).view(clock.instant());
    }

    @Transactional
    public CompanyView update(Actor actor, CompanyDetails details) {
        actor.require(Permission.COMPANY);
        Company company = load(actor.companyId());
        company.update(details, clock.instant());
        return companies.save(company).view(clock.instant());
    }

    /**
     * The private client keys; only for roles with the company keys permission. The live key acts in live mode,
     * so it is shown only to those who may use live mode; for others it is null.
     */
    public CompanyKeys privateKeys(Actor actor) {
        actor.require(Permission.COMPANY_KEYS);
        Company company = load(actor.companyId());
        return new CompanyKeys(
                secrets.open(company.sealedPrivateKey(Mode.TEST), Secrets.COMPANY_PRIVATE_KEY),
                actor.liveModeAvailable()
                        ? secrets.open(company.sealedPrivateKey(Mode.LIVE), Secrets.COMPANY_PRIVATE_KEY)
                        : null);
    }

    /** Replaces the private client key of one mode; the old one stops working at once. */
    @Transactional
    public CompanyKeys rotatePrivateKey(Actor actor, Mode mode) {
        actor.require(Permission.COMPANY_KEYS);
        if (mode == Mode.LIVE && !actor.liveModeAvailable()) {
            throw new LiveModeUnavailableException("Rotating the live key needs live mode.");
        }
        Company company = load(actor.companyId());
        String key = secrets.newPrivateClientKey(mode);
        company.setPrivateKey(
                mode, secrets.fingerprint(key), secrets.seal(key, Secrets.COMPANY_PRIVATE_KEY), clock.instant());
        companies.save(company);
        return privateKeys(actor);
    }

    /** The plan in force for a company: its trial's while one runs. */
    public Plan plan(CompanyId companyId) {
        return load(companyId).plan(clock.instant());
    }

    /** Whether the company's plan in force includes {@code entitlement}. */
    public boolean entitled(CompanyId companyId, Entitlement entitlement) {
        return plan(companyId).includes(entitlement);
    }

    /** Throws {@link PlanLimitException} unless the company's plan includes {@code entitlement}. */
    public void requireEntitlement(CompanyId companyId, Entitlement entitlement, String what) {
        if (!entitled(companyId, entitlement)) {
            throw new PlanLimitException(what + " is not included in the " + plan(companyId) + " plan.");
        }
    }

    /** Whether the company keeps applicants' personal data out of its own users' sight. */
    public boolean statusOnly(CompanyId companyId) {
        return load(companyId).statusOnly();
    }

    /** How long a status-only company's decided applicants keep their personal data. */
    public Retention retention(CompanyId companyId) {
        return load(companyId).retention();
    }

    /** A company with status-only KYC on, and its retention. */
    public record StatusOnlyCompany(CompanyId id, Retention retention) {}

    /** Every company with status-only KYC on. */
    public List<StatusOnlyCompany> statusOnlyCompanies() {
        return companies.findAll().stream()
                .filter(Company::statusOnly)
                .map(c -> new StatusOnlyCompany(c.id(), c.retention()))
                .toList();
    }

    /** A company as the platform operators see it. */
    public CompanyView view(CompanyId companyId) {
        return load(companyId).view(clock.instant());
    }

    /** Every company, by name; for the platform operators. */
    public List<CompanyView> all() {
        Instant now = clock.instant();
        return companies.findAll().stream()
                .map(c -> c.view(now))
                .sorted(Comparator.comparing(
                        (CompanyView c) -> c.details().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** Moves a company to another plan, ending any trial; status-only KYC ends with a plan that lacks it. */
    @Transactional
    public void changePlan(CompanyId companyId, Plan plan) {
        Company company = load(companyId);
        company.changePlan(plan, clock.instant());
        companies.save(company);
    }

    /** Lets a company use {@code plan} for a while; afterwards its own plan is in force again. */
    @Transactional
    public void startTrial(CompanyId companyId, Plan plan, Duration length) {
        if (plan == Plan.FREE || length.isNegative() || length.isZero() || length.toDays() > 90) {
            throw InvalidInputException.of("trial", "trial", "a trial is of a paid plan, for 1 to 90 days");
        }
        Company company = load(companyId);
        Instant now = clock.instant();
        company.startTrial(plan, now.plus(length), now);
        companies.save(company);
    }

    /** Switches status-only KYC on or off, with the retention of personal data; only on plans that include it. */
    @Transactional
    public void statusOnly(CompanyId companyId, boolean statusOnly, Retention retention) {
        if (statusOnly) {
            requireEntitlement(companyId, Entitlement.STATUS_ONLY, "Status-only KYC");
        }
        Company company = load(companyId);
        company.statusOnly(statusOnly, retention, clock.instant());
        companies.save(company);
    }

    private Company load(CompanyId companyId) {
        return companies.findById(companyId).orElseThrow(() -> new NotFoundException("No such company."));
    }
}
