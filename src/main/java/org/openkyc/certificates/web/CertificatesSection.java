package org.openkyc.certificates.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.certificates.Certificates;
import org.openkyc.core.Actor;
import org.springframework.stereotype.Component;

/** The profile's Certificates: each check's result and when it expires. */
@Component
class CertificatesSection implements ProfileSection {

    private final Certificates certificates;
    private final Clock clock;

    CertificatesSection(Certificates certificates, Clock clock) {
        this.certificates = certificates;
        this.clock = clock;
    }

    public record Data(List<Certificates.Certificate> certificates, Instant now) {}

    @Override
    public String template() {
        return "certificates/section";
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public @Nullable Object data(Actor actor, ApplicantView applicant) {
        List<Certificates.Certificate> current =
                certificates.certificates(actor.companyId(), applicant.id().value(), false);
        return current.isEmpty() ? null : new Data(current, clock.instant());
    }
}
