package org.openkyc.tenancy;

import java.util.List;
import java.util.Optional;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.springframework.data.repository.ListCrudRepository;

interface Applications extends ListCrudRepository<Application, ApplicationId> {

    Optional<Application> findByIdAndCompanyIdAndMode(ApplicationId id, CompanyId companyId, Mode mode);

    List<Application> findByCompanyIdAndModeOrderByCreatedAt(CompanyId companyId, Mode mode);

    Optional<Application> findByPrivateKeyHash(String fingerprint);
}
