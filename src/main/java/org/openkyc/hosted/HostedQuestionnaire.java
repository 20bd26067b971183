package org.openkyc.hosted;

import java.util.Map;
import java.util.UUID;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.LinkSession;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.ConflictException;
import org.openkyc.core.Ids;
import org.openkyc.core.NotFoundException;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import org.openkyc.questionnaires.Questionnaires;
import org.springframework.stereotype.Service;

/**
 * The questionnaire step: the page renders the flow's questionnaire with SurveyJS; the answers come back, are checked
 * against the questionnaire and its logic, and pass the step. Answers that break it are refused with an error per
 * question, and the applicant answers again.
 */
@Service
public class HostedQuestionnaire {

    private final HostedFlow flow;
    private final ApplicantManagement applicants;
    private final Questionnaires questionnaires;

    HostedQuestionnaire(HostedFlow flow, ApplicantManagement applicants, Questionnaires questionnaires) {
        this.flow = flow;
        this.applicants = applicants;
        this.questionnaires = questionnaires;
    }

    /** The schema of the questionnaire the applicant's current step asks, as JSON. */
    public String schema(LinkSession session, StepSettings.Questionnaire settings) {
        return questionnaire(session, settings).schema();
    }

    public void submit(String token, Map<String, Object> answers) {
        LinkSession session = flow.session(token);
        if (session.status() != ApplicantStatus.INCOMPLETE) {
            throw new ConflictException("Questionnaires are answered while the applicant goes through the flow.");
        }
        StepSettings.Questionnaire settings =
                HostedFlow.settings(session, StepType.QUESTIONNAIRE, StepSettings.Questionnaire.class);
        Questionnaires.Questionnaire questionnaire = questionnaire(session, settings);
        Questionnaires.Answers kept =
                questionnaires.answer(session.companyId(), session.applicantId().value(), questionnaire.id(), answers);
        applicants.passStep(
                session.applicantId(),
                StepType.QUESTIONNAIRE,
                questionnaire.name() + ": " + kept.answers().size() + " answers",
                ActorType.APPLICANT);
    }

    private Questionnaires.Questionnaire questionnaire(LinkSession session, StepSettings.Questionnaire settings) {
        UUID id;
        try {
            id = Ids.parse(String.valueOf(settings.questionnaireId()));
        } catch (RuntimeException e) {
            throw new NotFoundException("This flow's questionnaire no longer exists.");
        }
        return questionnaires
                .find(session.companyId(), id)
                .orElseThrow(() -> new NotFoundException("This flow's questionnaire no longer exists."));
    }
}
