package org.openkyc.screening.web;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.core.Actor;
import org.openkyc.core.Permission;
import org.openkyc.flows.definition.StepType;
import org.openkyc.screening.AmlCases;
import org.openkyc.screening.ApplicantScreening;
import org.springframework.stereotype.Component;

/** The profile's AML section: a banner while matches are open, and each match with its status and comment. */
@Component
class AmlSection implements ProfileSection {

    private final ApplicantScreening screening;

    AmlSection(ApplicantScreening screening) {
        this.screening = screening;
    }

    /** What the section shows; {@code open} counts the matches no reviewer has decided. */
    public record Data(
            UUID applicantId,
            List<AmlCases.Match> matches,
            long open,
            List<AmlCases.MatchStatus> statuses,
            boolean canReview) {}

    @Override
    public String template() {
        return "screening/section";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        List<AmlCases.Match> matches =
                screening.matches(actor.companyId(), applicant.id().value());
        boolean inFlow = applicant.steps().stream().anyMatch(s -> s.type() == StepType.AML);
        if (!inFlow && matches.isEmpty()) {
            return null;
        }
        return new Data(
                applicant.id().value(),
                matches,
                matches.stream().filter(m -> !m.status().decided()).count(),
                List.of(AmlCases.MatchStatus.values()),
                actor.can(Permission.APPLICANTS_REVIEW));
    }
}
