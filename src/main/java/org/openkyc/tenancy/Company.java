package org.openkyc.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer of OpenKYC: the tenant. Its private client keys are stored sealed (to show again to permitted
 * roles) and as fingerprints (to recognise them on the API).
 */
@Table("company")
class Company {

    @Id
    private CompanyId id;

    private String name;
    private String address = "";
    private String phone = "";
    private String email = "";
    private String contact = "";
    private String info = "";
    private String clientKey;
    private String status = "ACTIVE";
    private String integrationType = "API";
    private Plan plan;
    private @Nullable Plan trialPlan;
    private @Nullable Instant trialEndsAt;
    private boolean statusOnly;
    private Retention retention = Retention.SINGLE_EVENT;
    private String privateKeyTestHash = "";
    private String privateKeyTestSealed = "";
    private String privateKeyLiveHash = "";
    private String privateKeyLiveSealed = "";
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    private Company() {}

    Company(CompanyId id, String name, String clientKey, Plan plan, Instant now) {
        this.id = id;
        this.name = name;
        this.clientKey = clientKey;
        this.plan = plan;
        this.createdAt = now;
        this.updatedAt = now;
    }

    CompanyId id() {
        return id;
    }

    String name() {
        return name;
    }

    /** The plan in force: the trial's while it runs, else the one signed. */
    Plan plan(Instant now) {
        return trialPlan != null && trialEndsAt != null && now.isBefore(trialEndsAt) ? trialPlan : plan;
    }

    boolean statusOnly() {
        return statusOnly;
    }

    Retention retention() {
        return retention;
    }

    void changePlan(Plan plan, Instant now) {
        this.plan = plan;
        this.trialPlan = null;
        this.trialEndsAt = null;
        if (!plan.includes(Entitlement.STATUS_ONLY)) {
            this.statusOnly = false;
        }
        this.updatedAt = now;
    }

    void startTrial(Plan trial, Instant endsAt, Instant now) {
        this.trialPlan = trial;
        this.trialEndsAt = endsAt;
        this.updatedAt = now;
    }

    void statusOnly(boolean statusOnly, Retention retention, Instant now) {
        this.statusOnly = statusOnly;
        this.retention = retention;
        this.updatedAt = now;
    }

    void update(CompanyDetails details, Instant now) {
        this.name = details.name();
        this.address = details.address();
        this.phone = details.phone();
        this.email = details.email();
        this.contact = details.contact();
        this.info = details.info();
        this.updatedAt = now;
    }

    void setPrivateKey(Mode mode, String fingerprint, String sealed, Instant now) {
        if (mode == Mode.LIVE) {
            privateKeyLiveHash = fingerprint;
            privateKeyLiveSealed = sealed;
        } else {
            privateKeyTestHash = fingerprint;
            privateKeyTestSealed = sealed;
        }
        updatedAt = now;
    }

    String sealedPrivateKey(Mode mode) {
        return mode == Mode.LIVE ? privateKeyLiveSealed : privateKeyTestSealed;
    }

    CompanyView view(Instant now) {
        return new CompanyView(
                id,
                new CompanyDetails(name, address, phone, email, contact, info),
                clientKey,
                status,
                integrationType,
                plan(now),
                plan,
                trialPlan != null && trialEndsAt != null && now.isBefore(trialEndsAt) ? trialEndsAt : null,
                statusOnly,
                retention,
                createdAt,
                updatedAt);
    }
}
