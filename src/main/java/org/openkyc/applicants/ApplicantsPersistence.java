package org.openkyc.applicants;

import org.openkyc.core.db.IdConverters;
import org.openkyc.flows.FlowUsage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Stores applicant identifiers as UUID columns, and tells the flows module how many applicants use a flow. */
@Configuration(proxyBeanMethods = false)
class ApplicantsPersistence {

    @Bean
    IdConverters applicantIdConverters() {
        return IdConverters.of(ApplicantId.class, ApplicantId::value, ApplicantId::new);
    }

    @Bean
    FlowUsage flowUsage(Applicants applicants) {
        return applicants::countByFlowId;
    }
}
