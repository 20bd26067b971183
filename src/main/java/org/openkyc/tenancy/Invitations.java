package org.openkyc.tenancy;

import java.util.List;
import java.util.Optional;
import org.openkyc.core.CompanyId;
import org.springframework.data.repository.ListCrudRepository;

interface Invitations extends ListCrudRepository<Invitation, InvitationId> {

    Optional<Invitation> findByTokenHash(String tokenHash);

    Optional<Invitation> findByIdAndCompanyId(InvitationId id, CompanyId companyId);

    List<Invitation> findByCompanyIdOrderByCreatedAtDesc(CompanyId companyId);

    List<Invitation> findByRoleId(RoleId roleId);
}
