package org.openkyc.applicants;

import java.util.Optional;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.flows.FlowId;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface Applicants extends ListCrudRepository<Applicant, ApplicantId> {

    // Written out rather than derived: these run on every applicant request, and derived queries render their
    // SQL on every call.
    @Query("SELECT * FROM applicant WHERE id = :id AND company_id = :companyId AND mode = :mode")
    Optional<Applicant> findByIdAndCompanyIdAndMode(ApplicantId id, CompanyId companyId, Mode mode);

    @Query("SELECT EXISTS (SELECT 1 FROM applicant WHERE application_id = :applicationId"
            + " AND external_user_id = :externalUserId)")
    boolean existsByApplicationIdAndExternalUserId(ApplicationId applicationId, String externalUserId);

    @Query("SELECT count(*) FROM applicant WHERE flow_id = :flowId")
    long countByFlowId(FlowId flowId);
}
