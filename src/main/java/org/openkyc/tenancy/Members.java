package org.openkyc.tenancy;

import java.util.List;
import java.util.Optional;
import org.openkyc.core.CompanyId;
import org.openkyc.core.UserId;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Members extends ListCrudRepository<Member, UserId> {

    @Query("SELECT * FROM member WHERE lower(email) = lower(:email)")
    Optional<Member> findByEmail(String email);

    Optional<Member> findByIdAndCompanyId(UserId id, CompanyId companyId);

    List<Member> findByCompanyIdOrderByCreatedAt(CompanyId companyId);

    boolean existsByRoleId(RoleId roleId);
}
