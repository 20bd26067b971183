package org.openkyc.questionnaires;

import java.util.ArrayList;
import java.util.List;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ReportPart;
import org.openkyc.core.CompanyId;
import org.springframework.stereotype.Component;

/**
 * The report's questionnaires: each one answered as {@code questionnaire.pdf} (the next ones {@code
 * questionnaire-2.pdf} and on), with the questions' titles and the answers given.
 */
@Component
class QuestionnaireReport implements ReportPart {

    private final Questionnaires questionnaires;

    QuestionnaireReport(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<File> files(CompanyId company, ApplicantView applicant) {
        List<Questionnaires.Answers> all =
                questionnaires.answers(company, applicant.id().value());
        List<File> files = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            files.add(new File(
                    i == 0 ? "questionnaire.pdf" : "questionnaire-" + (i + 1) + ".pdf",
                    AnswersPdf.render(all.get(i), applicant.id().toString())));
        }
        return files;
    }
}
