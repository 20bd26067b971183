package org.openkyc.biometrics.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.biometrics.FaceMatching;
import org.openkyc.core.Actor;
import org.openkyc.flows.definition.StepType;
import org.springframework.stereotype.Component;

/** The profile's Face match block: the percentage first, then the faces side by side. */
@Component
class FaceMatchSection implements ProfileSection {

    private final FaceMatching matching;

    FaceMatchSection(FaceMatching matching) {
        this.matching = matching;
    }

    public record Data(UUID applicantId, FaceMatching.@Nullable Result result) {}

    @Override
    public String template() {
        return "biometrics/face-match";
    }

    @Override
    public int order() {
        return 24;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        FaceMatching.Result result =
                matching.latest(actor.companyId(), applicant.id().value()).orElse(null);
        if (result == null && applicant.steps().stream().noneMatch(s -> s.type() == StepType.FACE_MATCH)) {
            return null;
        }
        return new Data(applicant.id().value(), result);
    }
}
