package org.openkyc.applicants;

import java.util.Optional;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.flows.FlowId;
import org.springframework.data.repository.ListCrudRepository;

interface Applicants extends ListCrudRepository<Applicant, ApplicantId> {

    Optional<Applicant> findByIdAndCompanyIdAndMode(ApplicantId id, CompanyId companyId, Mode mode);

    boolean existsByApplicationIdAndExternalUserId(ApplicationId applicationId, String externalUserId);

    long countByFlowId(FlowId flowId);
}
