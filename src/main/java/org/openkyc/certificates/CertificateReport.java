package org.openkyc.certificates;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ReportPart;
import org.openkyc.core.CompanyId;
import org.springframework.stereotype.Component;

/** The report's certificates: each check's result, details and expiry. */
@Component
class CertificateReport implements ReportPart {

    private final Certificates certificates;

    CertificateReport(Certificates certificates) {
        this.certificates = certificates;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public List<Section> sections(CompanyId company, ApplicantView applicant) {
        List<Certificates.Certificate> current =
                certificates.certificates(company, applicant.id().value(), false);
        return current.isEmpty()
                ? List.of()
                : List.of(new Section(
                        "Certificates",
                        List.of("Check", "Result", "Details", "Issued (UTC)", "Expires (UTC)"),
                        current.stream()
                                .map(c -> List.of(
                                        c.kind(),
                                        c.result(),
                                        c.details(),
                                        LocalDate.ofInstant(c.issuedAt(), ZoneOffset.UTC)
                                                .toString(),
                                        LocalDate.ofInstant(c.expiresAt(), ZoneOffset.UTC)
                                                .toString()))
                                .toList()));
    }
}
