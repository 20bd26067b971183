package org.openkyc.certificates.web;

import java.util.List;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.certificates.Certificates;
import org.openkyc.core.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/applicants/{id}/certificates[?all=true]}: the current certificates, or every one issued; without
 * their details (read from personal data) for a status-only company's own keys and users.
 */
@RestController
class CertificatesApiController {

    private final ApplicantManagement applicants;
    private final Certificates certificates;

    CertificatesApiController(ApplicantManagement applicants, Certificates certificates) {
        this.applicants = applicants;
        this.certificates = certificates;
    }

    @GetMapping("/api/v1/applicants/{id}/certificates")
    List<Certificates.Certificate> certificates(
            Actor actor, @PathVariable String id, @RequestParam(defaultValue = "false") boolean all) {
        ApplicantId applicant =
                applicants.applicant(actor, ApplicantId.parse(id)).id();
        List<Certificates.Certificate> found = certificates.certificates(actor.companyId(), applicant.value(), all);
        return applicants.hidesPersonalData(actor)
                ? found.stream().map(Certificates.Certificate::withoutDetails).toList()
                : found;
    }
}
