package org.openkyc.onchain.web;

import org.openkyc.applicants.ApplicantId;
import org.openkyc.core.Actor;
import org.openkyc.onchain.Attestations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/applicants/{id}/attestation}: the signed attestation of an approved applicant's wallet. */
@RestController
class AttestationApiController {

    private final Attestations attestations;

    AttestationApiController(Attestations attestations) {
        this.attestations = attestations;
    }

    @GetMapping("/api/v1/applicants/{id}/attestation")
    Attestations.Attestation attestation(Actor actor, @PathVariable String id) {
        return attestations.attestation(actor, ApplicantId.parse(id));
    }
}
