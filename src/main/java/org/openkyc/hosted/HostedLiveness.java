package org.openkyc.hosted;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.LinkSession;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.biometrics.LivenessChecks;
import org.openkyc.core.ConflictException;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import org.springframework.stereotype.Service;

/**
 * The liveness step: the applicant asks for a challenge, does it in front of the camera, and sends the frames. A
 * passed attempt passes the step. A failed one may be tried again up to the flow's limit; the last failure, or models
 * that cannot be used, leave the step for a person with a {@code LIVENESS_FAILED} or {@code CHECK_UNAVAILABLE}
 * warning.
 */
@Service
public class HostedLiveness {

    private final HostedFlow flow;
    private final ApplicantManagement applicants;
    private final LivenessChecks liveness;
    private final NotChecked notChecked;

    HostedLiveness(HostedFlow flow, ApplicantManagement applicants, LivenessChecks liveness, NotChecked notChecked) {
        this.flow = flow;
        this.applicants = applicants;
        this.liveness = liveness;
        this.notChecked = notChecked;
    }

    public LivenessChecks.Challenge challenge(String token) {
        LinkSession session = open(token);
        return liveness.challenge(session.companyId(), session.applicantId().value(), settings(session));
    }

    /** What the applicant sees after sending frames: the verdict, and whether they may try again. */
    public record Outcome(String status, List<String> problems, Map<String, Boolean> actions, boolean retry) {}

    public Outcome submit(String token, UUID attempt, List<LivenessChecks.Frame> frames) {
        LinkSession session = open(token);
        StepSettings.Liveness settings = settings(session);
        LivenessChecks.Attempt judged =
                liveness.submit(session.companyId(), session.applicantId().value(), attempt, frames);
        String summary = judged.passive() == null
                ? String.join("; ", judged.problems())
                : String.format(
                        java.util.Locale.ROOT,
                        "%s, passive %.2f%s",
                        judged.mode().toLowerCase(java.util.Locale.ROOT),
                        judged.passive(),
                        judged.problems().isEmpty() ? "" : ": " + String.join("; ", judged.problems()));
        if (judged.passed()) {
            applicants.passStep(session.applicantId(), StepType.LIVENESS, summary, ActorType.APPLICANT);
            return new Outcome(judged.status(), List.of(), judged.results(), false);
        }
        boolean left = liveness.used(session.companyId(), session.applicantId().value()) < settings.attempts();
        if (judged.status().equals("FAILED") && left) {
            return new Outcome(judged.status(), judged.problems(), judged.results(), true);
        }
        if (!judged.status().equals("FAILED")) {
            notChecked.forPerson(session.applicantId(), StepType.LIVENESS, ActorType.APPLICANT, "liveness", summary);
            return new Outcome(judged.status(), judged.problems(), judged.results(), false);
        }
        applicants.submitStep(session.applicantId(), StepType.LIVENESS, summary, ActorType.APPLICANT);
        applicants.raiseWarning(session.applicantId(), "LIVENESS_FAILED", "Liveness: " + summary + ".");
        return new Outcome(judged.status(), judged.problems(), judged.results(), false);
    }

    private LinkSession open(String token) {
        LinkSession session = flow.session(token);
        if (session.status() != ApplicantStatus.INCOMPLETE) {
            throw new ConflictException("Liveness is checked while the applicant goes through the flow.");
        }
        return session;
    }

    private static StepSettings.Liveness settings(LinkSession session) {
        return HostedFlow.settings(session, StepType.LIVENESS, StepSettings.Liveness.class);
    }
}
