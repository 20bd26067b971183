package org.openkyc.questionnaires.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.core.Actor;
import org.openkyc.flows.definition.StepType;
import org.openkyc.questionnaires.Questionnaires;
import org.springframework.stereotype.Component;

/** The profile's Questionnaire Results: each questionnaire answered, its answers, and the PDF. */
@Component
class QuestionnaireSection implements ProfileSection {

    private final Questionnaires questionnaires;

    QuestionnaireSection(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    public record Data(UUID applicantId, List<Questionnaires.Answers> answers) {}

    @Override
    public String template() {
        return "questionnaires/section";
    }

    @Override
    public int order() {
        return 26;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        List<Questionnaires.Answers> answers =
                questionnaires.answers(actor.companyId(), applicant.id().value());
        if (answers.isEmpty() && applicant.steps().stream().noneMatch(s -> s.type() == StepType.QUESTIONNAIRE)) {
            return null;
        }
        return new Data(applicant.id().value(), answers);
    }
}
