package org.openkyc.documents;

import org.openkyc.applicants.StepResults;
import org.openkyc.flows.definition.StepType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The document and proof-of-address steps' results, for a reviewer's Deactivate and Activate. */
@Configuration(proxyBeanMethods = false)
class DocumentStepResults {

    @Bean
    StepResults documentResults(JdbcClient jdbc) {
        return new StepResults(
                jdbc,
                StepType.DOCUMENT,
                "document_check",
                "document_type || ' ' || issuing_country || ' ' || coalesce(document_number, '')"
                        + " || CASE WHEN valid THEN ', valid' ELSE ', to consider' END");
    }

    @Bean
    StepResults addressResults(JdbcClient jdbc) {
        return new StepResults(jdbc, StepType.PROOF_OF_ADDRESS, "address_check", "result");
    }
}
