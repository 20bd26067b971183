package org.openkyc.biometrics.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.biometrics.LivenessChecks;
import org.openkyc.core.Actor;
import org.openkyc.flows.definition.StepType;
import org.springframework.stereotype.Component;

/** The profile's Liveness block: every attempt with its verdict, and its frames to play back. */
@Component
class LivenessSection implements ProfileSection {

    private final LivenessChecks liveness;

    LivenessSection(LivenessChecks liveness) {
        this.liveness = liveness;
    }

    public record Data(UUID applicantId, List<LivenessChecks.Attempt> attempts) {}

    @Override
    public String template() {
        return "biometrics/liveness";
    }

    @Override
    public int order() {
        return 22;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        List<LivenessChecks.Attempt> attempts = liveness
                .attempts(actor.companyId(), applicant.id().value())
                .stream()
                .filter(a -> !a.status().equals("OPEN"))
                .toList()
                .reversed();
        if (attempts.isEmpty() && applicant.steps().stream().noneMatch(s -> s.type() == StepType.LIVENESS)) {
            return null;
        }
        return new Data(applicant.id().value(), attempts);
    }
}
