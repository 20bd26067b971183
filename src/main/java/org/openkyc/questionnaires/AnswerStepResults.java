package org.openkyc.questionnaires;

import org.openkyc.applicants.StepResults;
import org.openkyc.flows.definition.StepType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The questionnaire step's answers, for a reviewer's Deactivate and Activate. */
@Configuration(proxyBeanMethods = false)
class AnswerStepResults {

    @Bean
    StepResults answerResults(JdbcClient jdbc) {
        return new StepResults(jdbc, StepType.QUESTIONNAIRE, "questionnaire_answer", "name || ' v' || version");
    }
}
