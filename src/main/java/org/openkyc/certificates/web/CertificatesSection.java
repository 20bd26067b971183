package org.openkyc.certificates.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.applicants.StepState;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.applicants.lifecycle.Lifecycle;
import org.openkyc.certificates.Certificates;
import org.openkyc.core.Actor;
import org.openkyc.core.Permission;
import org.openkyc.flows.definition.StepType;
import org.springframework.stereotype.Component;

/**
 * The profile's Certificates: each check's result and when it expires. A reviewer may reject a certificate's data
 * (an expired document, say) and ask the applicant to send that step again, with a message.
 */
@Component
class CertificatesSection implements ProfileSection {

    /** The step whose data each certificate is read from. */
    private static final Map<String, StepType> STEPS = Map.of(
            "IDENTITY_DOCUMENT", StepType.DOCUMENT,
            "FACE_MATCH", StepType.FACE_MATCH,
            "PROOF_OF_ADDRESS", StepType.PROOF_OF_ADDRESS,
            "CRYPTO_ADDRESS", StepType.CRYPTO_WALLET,
            "CRYPTO_AML", StepType.CRYPTO_WALLET);

    private final Certificates certificates;
    private final ApplicantManagement applicants;
    private final Clock clock;

    CertificatesSection(Certificates certificates, ApplicantManagement applicants, Clock clock) {
        this.certificates = certificates;
        this.applicants = applicants;
        this.clock = clock;
    }

    /**
     * @param details whether the certificates' details show (not to a status-only company's own users)
     * @param askAgain for each certificate kind whose step a reviewer may ask again now, that step
     */
    public record Data(
            String applicantId,
            List<Certificates.Certificate> certificates,
            Instant now,
            boolean details,
            Map<String, String> askAgain) {}

    @Override
    public String template() {
        return "certificates/section";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public boolean personalData() {
        return false;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        List<Certificates.Certificate> current =
                certificates.certificates(actor.companyId(), applicant.id().value(), false);
        if (current.isEmpty()) {
            return null;
        }
        boolean hidden = applicants.hidesPersonalData(actor);
        Map<String, String> askAgain = new TreeMap<>();
        if (!hidden
                && actor.can(Permission.APPLICANTS_REVIEW)
                && Lifecycle.allowedFrom(ApplicantAction.REOPEN).contains(applicant.status())) {
            Set<StepType> inFlow =
                    applicant.steps().stream().map(StepState::type).collect(Collectors.toSet());
            for (Certificates.Certificate certificate : current) {
                StepType step = STEPS.get(certificate.kind());
                if (step != null && inFlow.contains(step)) {
                    askAgain.put(certificate.kind(), step.name());
                }
            }
        }
        return new Data(applicant.id().toString(), current, clock.instant(), !hidden, askAgain);
    }
}
