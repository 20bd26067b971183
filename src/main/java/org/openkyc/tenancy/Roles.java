package org.openkyc.tenancy;

import java.util.List;
import java.util.Optional;
import org.openkyc.core.CompanyId;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Roles extends ListCrudRepository<Role, RoleId> {

    Optional<Role> findByIdAndCompanyId(RoleId id, CompanyId companyId);

    List<Role> findByCompanyIdOrderByCreatedAt(CompanyId companyId);

    Optional<Role> findByCompanyIdAndBuiltin(CompanyId companyId, String builtin);

    @Query(
            "SELECT EXISTS (SELECT 1 FROM role WHERE company_id = :companyId AND lower(name) = lower(:name) AND id <> :exceptId)")
    boolean nameTaken(CompanyId companyId, String name, RoleId exceptId);
}
