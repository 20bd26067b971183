package org.openkyc.flows;

import java.util.List;
import java.util.Optional;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Flows extends ListCrudRepository<Flow, FlowId> {

    @Query("SELECT * FROM flow WHERE id = :id AND company_id = :companyId AND mode = :mode")
    Optional<Flow> findByIdAndCompanyIdAndMode(FlowId id, CompanyId companyId, Mode mode);

    List<Flow> findByCompanyIdAndModeOrderByCreatedAt(CompanyId companyId, Mode mode);

    @Query("SELECT * FROM flow WHERE company_id = :companyId AND mode = :mode AND is_default")
    Optional<Flow> findDefault(CompanyId companyId, Mode mode);
}
