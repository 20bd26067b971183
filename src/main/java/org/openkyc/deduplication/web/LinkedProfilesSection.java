package org.openkyc.deduplication.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.core.Actor;
import org.openkyc.deduplication.Deduplication;
import org.springframework.stereotype.Component;

/** The profile's Linked profiles: the applicants who share an identifier with this one, and which. */
@Component
class LinkedProfilesSection implements ProfileSection {

    private final Deduplication deduplication;

    LinkedProfilesSection(Deduplication deduplication) {
        this.deduplication = deduplication;
    }

    public record Data(List<Deduplication.Link> links) {}

    @Override
    public String template() {
        return "deduplication/section";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        List<Deduplication.Link> links =
                deduplication.links(actor.companyId(), applicant.id().value());
        return links.isEmpty() ? null : new Data(links);
    }
}
