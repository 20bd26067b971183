package org.openkyc.documents.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.core.Actor;
import org.openkyc.documents.address.AddressChecks;
import org.openkyc.media.MediaLibrary;
import org.springframework.stereotype.Component;

/** The profile's Proof of Address section: the verdict, each declared part against the document, and the file. */
@Component
class AddressSection implements ProfileSection {

    private final AddressChecks checks;
    private final MediaLibrary media;

    AddressSection(AddressChecks checks, MediaLibrary media) {
        this.checks = checks;
        this.media = media;
    }

    /** What the section shows; {@code pdf} says whether the file is a PDF (linked) or an image (shown). */
    public record Data(UUID applicantId, AddressChecks.AddressCheck check, boolean pdf) {}

    @Override
    public String template() {
        return "documents/address";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        return checks.latest(actor.companyId(), applicant.id().value())
                .map(check -> new Data(
                        applicant.id().value(),
                        check,
                        media.item(actor.companyId(), check.mediaId())
                                .map(m -> m.contentType().equals("application/pdf"))
                                .orElse(false)))
                .orElse(null);
    }
}
