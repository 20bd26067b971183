package org.openkyc.biometrics;

import org.openkyc.applicants.StepResults;
import org.openkyc.flows.definition.StepType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The liveness and face match steps' results, for a reviewer's Deactivate and Activate. */
@Configuration(proxyBeanMethods = false)
class FaceStepResults {

    @Bean
    StepResults livenessResults(JdbcClient jdbc) {
        return new StepResults(jdbc, StepType.LIVENESS, "liveness_attempt", "mode || ' liveness, ' || status");
    }

    @Bean
    StepResults faceMatchResults(JdbcClient jdbc) {
        return new StepResults(
                jdbc, StepType.FACE_MATCH, "face_match", "status || coalesce(', ' || percent || '%', '')");
    }
}
