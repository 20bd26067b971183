package org.openkyc.screening;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.ReportPart;
import org.openkyc.core.CompanyId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report's sanctions and PEP screening: what the latest screening ran against (or why it could not run), a table
 * of the matches, and {@code aml.json} with both, so an auditor can answer what a person was checked against and when.
 */
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
        List<Section> sections = new ArrayList<>();
        screening
                .latest(company, applicant.id().value())
                .ifPresent(latest -> sections.add(new Section(
                        "Screened against",
                        List.of("When", "List", "Kind", "Version", "Published", "Loaded"),
                        latest.complete()
                                ? latest.lists().stream()
                                        .map(l -> List.of(
                                                latest.at().toString(),
                                                l.source(),
                                                l.kind().name(),
                                                String.valueOf(l.version()),
                                                l.published() == null
                                                        ? "not stated"
                                                        : l.published().toString(),
                                                l.loadedAt().toString()))
                                        .toList()
                                : List.of(List.of(
                                        latest.at().toString(),
                                        "not screened: " + String.join("; ", latest.missing()),
                                        "",
                                        "",
                                        "",
                                        "")))));
        List<AmlCases.Match> matches = screening.matches(company, applicant.id().value());
        if (!matches.isEmpty()) {
            sections.add(new Section(
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
        return List.copyOf(sections);
    }

    /** {@code aml.json}: the latest screening (when, complete or not, the list versions, what was missing) and every match. */
    record AmlFile(ApplicantScreening.@Nullable Screening screening, List<AmlCases.Match> matches) {}

    @Override
    public List<File> files(CompanyId company, ApplicantView applicant) {
        boolean screened =
                applicant.steps().stream().anyMatch(s -> s.type() == org.openkyc.flows.definition.StepType.AML);
        List<AmlCases.Match> matches = screening.matches(company, applicant.id().value());
        ApplicantScreening.Screening latest =
                screening.latest(company, applicant.id().value()).orElse(null);
        return screened || !matches.isEmpty()
                ? List.of(new File("aml.json", JSON.writeValueAsBytes(new AmlFile(latest, matches))))
                : List.of();
    }
}
