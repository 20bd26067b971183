package org.openkyc.tenancy;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.CompanyId;
import org.openkyc.core.UserId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** An emailed offer to join a company with a role, usable once before it expires. */
@Table("invitation")
class Invitation {

    @Id
    private InvitationId id;

    private CompanyId companyId;
    private String email;
    private RoleId roleId;
    private String tokenHash;
    private UserId invitedBy;
    private Instant expiresAt;
    private @Nullable Instant acceptedAt;
    private @Nullable Instant revokedAt;
    private Instant createdAt;

    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    private Invitation() {}

    Invitation(
            CompanyId companyId,
            String email,
            RoleId roleId,
            String tokenHash,
            UserId invitedBy,
            Instant expiresAt,
            Instant now) {
        this.id = InvitationId.random();
        this.companyId = companyId;
        this.email = email;
        this.roleId = roleId;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    InvitationId id() {
        return id;
    }

    CompanyId companyId() {
        return companyId;
    }

    String email() {
        return email;
    }

    RoleId roleId() {
        return roleId;
    }

    InvitationStatus statusAt(Instant now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        return expiresAt.isAfter(now) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }

    void accept(Instant now) {
        this.acceptedAt = now;
    }

    void revoke(Instant now) {
        if (acceptedAt == null) {
            this.revokedAt = now;
        }
    }

    InvitationView view(String roleName, Instant now) {
        return new InvitationView(id, email, roleId, roleName, statusAt(now), expiresAt, createdAt);
    }
}
