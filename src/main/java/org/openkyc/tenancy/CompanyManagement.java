package org.openkyc.tenancy;

import java.time.Clock;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.LiveModeUnavailableException;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
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
        return load(actor.companyId()).view();
    }

    @Transactional
    public CompanyView update(Actor actor, CompanyDetails details) {
        actor.require(Permission.COMPANY);
        Company company = load(actor.companyId());
        company.update(details, clock.instant());
        return companies.save(company).view();
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

    /** The plan a company is on. */
    public Plan plan(CompanyId companyId) {
        return load(companyId).plan();
    }

    /** Moves a company to another plan. Operators do this; there is no self-service route yet. */
    @Transactional
    public void changePlan(CompanyId companyId, Plan plan) {
        Company company = load(companyId);
        company.changePlan(plan, clock.instant());
        companies.save(company);
    }

    private Company load(CompanyId companyId) {
        return companies.findById(companyId).orElseThrow(() -> new NotFoundException("No such company."));
    }
}
