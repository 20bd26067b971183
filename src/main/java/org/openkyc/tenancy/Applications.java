package org.openkyc.tenancy;

import java.util.List;
import java.util.Optional;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Applications extends ListCrudRepository<Application, ApplicationId> {

    // Written out rather than derived: every API request looks keys up, and derived queries render their SQL on
    // every call.
    @Query("SELECT * FROM application WHERE id = :id AND company_id = :companyId AND mode = :mode")
    Optional<Application> findByIdAndCompanyIdAndMode(ApplicationId id, CompanyId companyId, Mode mode);

    @Query("SELECT * FROM application WHERE company_id = :companyId AND mode = :mode ORDER BY created_at")
    List<Application> findByCompanyIdAndModeOrderByCreatedAt(CompanyId companyId, Mode mode);

    @Query("SELECT * FROM application WHERE private_key_hash = :fingerprint")
    Optional<Application> findByPrivateKeyHash(String fingerprint);
}
