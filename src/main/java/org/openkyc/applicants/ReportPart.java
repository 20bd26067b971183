package org.openkyc.applicants;

import java.util.List;
import org.openkyc.core.CompanyId;

/**
 * A part of the applicant report that another module fills: sections of {@code report.pdf} (a table each) and files
 * of the ZIP (the screening's {@code aml.json}, say). Parts appear in the order of {@link #order}.
 */
public interface ReportPart {

    /** A table of the PDF under a heading. */
    record Section(String title, List<String> columns, List<List<String>> rows) {}

    /** A file of the ZIP, by its name there. */
    record File(String name, byte[] content) {}

    default List<Section> sections(CompanyId company, ApplicantView applicant) {
        return List.of();
    }

    default List<File> files(CompanyId company, ApplicantView applicant) {
        return List.of();
    }

    default int order() {
        return 100;
    }
}
