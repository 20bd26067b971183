package org.openkyc.hosted;

import java.util.Locale;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.LinkSession;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.biometrics.FaceMatching;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import org.springframework.stereotype.Service;

/**
 * The face match step: it runs as the applicant reaches it, with the sources the flow chose. A match at or above the
 * flow's threshold passes the step (and, with auto-approval, can approve); anything else leaves it for a person with
 * a warning: {@code FACE_MATCH_LOW} or {@code FACE_NOT_FOUND}, or
 * {@code CHECK_UNAVAILABLE} when the face models cannot be used.
 */
@Service
class HostedFaceMatch {

    private final ApplicantManagement applicants;
    private final FaceMatching matching;
    private final NotChecked notChecked;

    HostedFaceMatch(ApplicantManagement applicants, FaceMatching matching, NotChecked notChecked) {
        this.applicants = applicants;
        this.matching = matching;
        this.notChecked = notChecked;
    }

    void match(LinkSession session) {
        StepSettings.FaceMatch settings =
                HostedFlow.settings(session, StepType.FACE_MATCH, StepSettings.FaceMatch.class);
        FaceMatching.Result result = matching.match(
                session.companyId(),
                session.applicantId().value(),
                session.externalUserId(),
                settings.sources(),
                settings.autoApproveThreshold());
        String sources = String.join(
                ", ",
                settings.sources().stream()
                        .sorted()
                        .map(s -> s.name().toLowerCase(Locale.ROOT))
                        .toList());
        if (result.matched()) {
            applicants.passStep(
                    session.applicantId(),
                    StepType.FACE_MATCH,
                    result.percent() + "% across " + sources,
                    ActorType.SYSTEM);
            return;
        }
        if (result.status().equals("NOT_AVAILABLE")) {
            notChecked.forPerson(
                    session.applicantId(),
                    StepType.FACE_MATCH,
                    ActorType.SYSTEM,
                    "face match",
                    String.join("; ", result.problems()));
            return;
        }
        String code = result.status().equals("NO_MATCH") ? "FACE_MATCH_LOW" : "FACE_NOT_FOUND";
        String summary = result.percent() != null
                ? result.percent() + "% across " + sources + ", below " + result.threshold() + "%"
                : String.join("; ", result.problems());
        applicants.submitStep(session.applicantId(), StepType.FACE_MATCH, summary, ActorType.SYSTEM);
        applicants.raiseWarning(session.applicantId(), code, "Face match: " + summary + ".");
    }
}
