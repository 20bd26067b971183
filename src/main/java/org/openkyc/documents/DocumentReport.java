package org.openkyc.documents;

import java.util.ArrayList;
import java.util.List;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ReportPart;
import org.openkyc.core.CompanyId;
import org.openkyc.documents.address.AddressChecks;
import org.springframework.stereotype.Component;

/** The report's identity document (each field read, how, and whether it verified) and proof of address. */
@Component
class DocumentReport implements ReportPart {

    private final DocumentChecks documents;
    private final AddressChecks addresses;

    DocumentReport(DocumentChecks documents, AddressChecks addresses) {
        this.documents = documents;
        this.addresses = addresses;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Section> sections(CompanyId company, ApplicantView applicant) {
        List<Section> sections = new ArrayList<>();
        documents.latest(company, applicant.id().value()).ifPresent(check -> {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("document", check.documentType() + " " + check.issuingCountry(), "", ""));
            for (DocumentField field : check.fields()) {
                rows.add(List.of(
                        field.name(),
                        String.valueOf(field.value()),
                        field.source().name(),
                        field.status().name() + (field.note().isEmpty() ? "" : ": " + field.note())));
            }
            check.problems().forEach(problem -> rows.add(List.of("problem", problem, "", "")));
            sections.add(new Section(
                    "Identity document (" + (check.valid() ? "valid" : "to consider") + ")",
                    List.of("Field", "Value", "Read from", "Check"),
                    rows));
        });
        addresses
                .latest(company, applicant.id().value())
                .ifPresent(check -> sections.add(new Section(
                        "Proof of address",
                        List.of("Result", "Issued", "Checked"),
                        List.of(List.of(
                                check.verdict().result(),
                                String.valueOf(check.verdict().issued()),
                                check.createdAt().toString())))));
        return sections;
    }
}
