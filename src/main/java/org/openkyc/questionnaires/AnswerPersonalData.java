package org.openkyc.questionnaires;

import java.util.List;
import org.openkyc.applicants.PersonalDataTables;
import org.springframework.stereotype.Component;

/** Questionnaire answers are what the applicant told about themselves. */
@Component
class AnswerPersonalData implements PersonalDataTables {

    @Override
    public List<String> tables() {
        return List.of("questionnaire_answer");
    }
}
