package org.openkyc.biometrics;

import java.util.ArrayList;
import java.util.List;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ReportPart;
import org.openkyc.core.CompanyId;
import org.springframework.stereotype.Component;

/** The report's liveness attempts and face match. */
@Component
class FaceReport implements ReportPart {

    private final LivenessChecks liveness;
    private final FaceMatching faces;

    FaceReport(LivenessChecks liveness, FaceMatching faces) {
        this.liveness = liveness;
        this.faces = faces;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Section> sections(CompanyId company, ApplicantView applicant) {
        List<Section> sections = new ArrayList<>();
        List<LivenessChecks.Attempt> attempts =
                liveness.attempts(company, applicant.id().value());
        if (!attempts.isEmpty()) {
            sections.add(new Section(
                    "Liveness",
                    List.of("Attempt", "Mode", "Status", "Passive score", "Problems"),
                    attempts.stream()
                            .map(a -> List.of(
                                    a.createdAt().toString(),
                                    a.mode(),
                                    a.status(),
                                    a.passive() == null ? "" : String.format("%.2f", a.passive()),
                                    String.join("; ", a.problems())))
                            .toList()));
        }
        faces.latest(company, applicant.id().value())
                .ifPresent(match -> sections.add(new Section(
                        "Face match",
                        List.of("Status", "Match", "Threshold", "Problems"),
                        List.of(List.of(
                                match.status(),
                                match.percent() == null ? "" : match.percent() + "%",
                                match.threshold() + "%",
                                String.join("; ", match.problems()))))));
        return sections;
    }
}
