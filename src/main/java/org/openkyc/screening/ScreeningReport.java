package org.openkyc.screening;

import java.util.List;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ReportPart;
import org.openkyc.core.CompanyId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The report's sanctions and PEP screening: a table of the matches, and {@code aml.json} with all of each. */
@Component
class ScreeningReport implements ReportPart {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ApplicantScreening screening;

    ScreeningReport(ApplicantScreening screening) {
        this.screening = screening;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Section> sections(CompanyId company, ApplicantView applicant) {
        List<AmlCases.Match> matches = screening.matches(company, applicant.id().value());
        if (matches.isEmpty()) {
            return List.of();
        }
        return List.of(new Section(
                "Sanctions and PEP screening",
                List.of("Listed", "Matched name", "Rate", "List", "Status"),
                matches.stream()
                        .map(m -> List.of(
                                m.entityName(),
                                m.matchedName(),
                                m.matchRate() + "%",
                                m.source() + " " + m.listType(),
                                m.status().name()))
                        .toList()));
    }

    @Override
    public List<File> files(CompanyId company, ApplicantView applicant) {
        boolean screened =
                applicant.steps().stream().anyMatch(s -> s.type() == org.openkyc.flows.definition.StepType.AML);
        List<AmlCases.Match> matches = screening.matches(company, applicant.id().value());
        return screened || !matches.isEmpty()
                ? List.of(new File("aml.json", JSON.writeValueAsBytes(matches)))
                : List.of();
    }
}
