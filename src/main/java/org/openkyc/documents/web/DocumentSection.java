package org.openkyc.documents.web;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.applicants.Warning;
import org.openkyc.core.Actor;
import org.openkyc.core.Permission;
import org.openkyc.documents.DocumentCheck;
import org.openkyc.documents.DocumentChecks;
import org.openkyc.flows.definition.StepType;
import org.openkyc.media.MediaItem;
import org.openkyc.media.MediaLibrary;
import org.springframework.stereotype.Component;

/** The profile's Document Check section: the document as checked, its photos, and the selfie with it. */
@Component
class DocumentSection implements ProfileSection {

    static final Set<String> WARNINGS = Set.of("DOCUMENT_EXPIRED", "DUPLICATE_DOCUMENT", "DOCUMENT_NOT_VALID");

    private final DocumentChecks checks;
    private final MediaLibrary media;

    DocumentSection(DocumentChecks checks, MediaLibrary media) {
        this.checks = checks;
        this.media = media;
    }

    /**
     * What the section shows.
     *
     * @param warnings the applicant's open warnings about the document, to resolve from here
     */
    public record Data(
            UUID applicantId,
            @Nullable DocumentCheck check,
            @Nullable MediaItem selfie,
            List<Warning> warnings,
            boolean canReview) {}

    @Override
    public String template() {
        return "documents/section";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        boolean inFlow = applicant.steps().stream()
                .anyMatch(s -> s.type() == StepType.DOCUMENT || s.type() == StepType.SELFIE_WITH_DOCUMENT);
        UUID id = applicant.id().value();
        DocumentCheck check = checks.latest(actor.companyId(), id).orElse(null);
        MediaItem selfie = media.latest(actor.companyId(), id, "SELFIE").orElse(null);
        if (!inFlow && check == null && selfie == null) {
            return null;
        }
        List<Warning> open = applicant.review().warnings().stream()
                .filter(Warning::open)
                .filter(w -> WARNINGS.contains(w.code()))
                .toList();
        return new Data(id, check, selfie, open, actor.can(Permission.APPLICANTS_REVIEW));
    }
}
