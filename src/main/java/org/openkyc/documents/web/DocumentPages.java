package org.openkyc.documents.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.documents.DocumentCheck;
import org.openkyc.documents.DocumentChecks;
import org.openkyc.documents.DocumentField;
import org.openkyc.media.MediaItem;
import org.openkyc.media.MediaLibrary;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workplace's routes of the document check: an applicant's photos, and reviewers' corrections of fields. */
@Controller
class DocumentPages {

    private final ApplicantManagement applicants;
    private final DocumentChecks checks;
    private final MediaLibrary media;

    DocumentPages(ApplicantManagement applicants, DocumentChecks checks, MediaLibrary media) {
        this.applicants = applicants;
        this.checks = checks;
        this.media = media;
    }

    /** A photo the applicant uploaded, for someone who may see the applicant; never cached. */
    @GetMapping("/applicants/{id}/media/{mediaId}")
    ResponseEntity<byte[]> photo(Actor actor, @PathVariable String id, @PathVariable String mediaId) {
        ApplicantView applicant = applicants.applicant(actor, ApplicantId.parse(id));
        UUID item = parse(mediaId);
        MediaItem found = media.item(actor.companyId(), item)
                .filter(m -> m.applicantId().equals(applicant.id().value()))
                .orElseThrow(() -> new NotFoundException("No such file."));
        byte[] bytes =
                media.content(actor.companyId(), found.id()).orElseThrow(() -> new NotFoundException("No such file."));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(found.contentType()))
                .cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(bytes);
    }

    /** A reviewer corrects a field of the applicant's document; the correction is written to the timeline. */
    @PostMapping("/applicants/{id}/document/fields")
    String editField(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String field,
            @RequestParam(defaultValue = "") String value,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        ApplicantId applicant =
                applicants.applicant(actor, ApplicantId.parse(id)).id();
        actor.require(Permission.APPLICANTS_REVIEW);
        DocumentCheck current = checks.latest(actor.companyId(), applicant.value())
                .orElseThrow(() -> new NotFoundException("No document was presented."));
        DocumentField before = current.field(field);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("from", before == null || before.value() == null ? "" : before.value());
        details.put("to", value.strip());
        try {
            applicants.reviewerCorrection(
                    actor,
                    applicant,
                    "DOCUMENT_FIELD_EDITED",
                    details,
                    ClientInfo.of(request),
                    () -> checks.editField(actor.companyId(), applicant.value(), field, value, actor.displayName()));
            redirect.addFlashAttribute("flash", "documents.fieldSaved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "flashError",
                    "documents.fieldProblem." + e.errors().getFirst().code());
        }
        return "redirect:/applicants/" + applicant.value() + "#document-check";
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such file.");
        }
    }
}
