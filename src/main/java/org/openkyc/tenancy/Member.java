package org.openkyc.tenancy;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A person who works in one company's workplace. Email addresses are unique across OpenKYC. */
@Table("member")
class Member {

    @Id
    private UserId id;

    private CompanyId companyId;
    private String email;
    private String fullName;
    private String phone = "";
    private String position = "";
    private String passwordHash;
    private RoleId roleId;
    private MemberStatus status;
    private String language = "en";
    private @Nullable String totpSecretSealed;
    private boolean totpEnabled;
    // Sign-in bookkeeping is written only by SignIns, with atomic updates, never by saving the aggregate:
    // concurrent attempts must neither lose a count nor clash with edits of the member.
    @ReadOnlyProperty
    private @Nullable Instant lockedUntil;

    @ReadOnlyProperty
    private @Nullable Instant lastSignInAt;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    private Member() {}

    Member(
            CompanyId companyId,
            String email,
            String fullName,
            String passwordHash,
            RoleId roleId,
            MemberStatus status,
            Instant now) {
        this.id = UserId.random();
        this.companyId = companyId;
        this.email = email;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.roleId = roleId;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    UserId id() {
        return id;
    }

    CompanyId companyId() {
        return companyId;
    }

    String email() {
        return email;
    }

    String fullName() {
        return fullName;
    }

    String passwordHash() {
        return passwordHash;
    }

    RoleId roleId() {
        return roleId;
    }

    MemberStatus status() {
        return status;
    }

    Locale locale() {
        return Locale.forLanguageTag(language);
    }

    boolean totpEnabled() {
        return totpEnabled && totpSecretSealed != null;
    }

    @Nullable
    String totpSecretSealed() {
        return totpSecretSealed;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    void update(AccountDetails details, Instant now) {
        this.fullName = details.fullName();
        this.phone = details.phone();
        this.position = details.position();
        this.language = details.language();
        this.updatedAt = now;
    }

    void verifyEmail(Instant now) {
        if (status == MemberStatus.UNVERIFIED) {
            status = MemberStatus.ACTIVE;
            updatedAt = now;
        }
    }

    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.updatedAt = now;
    }

    void changeRole(RoleId roleId, Instant now) {
        this.roleId = roleId;
        this.updatedAt = now;
    }

    void activate(boolean active, Instant now) {
        if (status != MemberStatus.UNVERIFIED) {
            status = active ? MemberStatus.ACTIVE : MemberStatus.DEACTIVATED;
            updatedAt = now;
        }
    }

    void startTotpEnrolment(String sealedSecret, Instant now) {
        this.totpSecretSealed = sealedSecret;
        this.totpEnabled = false;
        this.updatedAt = now;
    }

    void enableTotp(Instant now) {
        this.totpEnabled = true;
        this.updatedAt = now;
    }

    void disableTotp(Instant now) {
        this.totpEnabled = false;
        this.totpSecretSealed = null;
        this.updatedAt = now;
    }

    MemberView view(RoleView role) {
        return new MemberView(
                id,
                email,
                fullName,
                phone,
                position,
                role.id(),
                role.name(),
                status,
                language,
                totpEnabled(),
                lastSignInAt,
                createdAt);
    }
}
