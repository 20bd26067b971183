package org.openkyc.applicants.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantReports;
import org.openkyc.core.Actor;
import org.springframework.http.HttpHeaders;

/** Streams an applicant's report ZIP as a download, for the API and the profile alike. */
final class ReportDownloads {

    private ReportDownloads() {}

    static void send(ApplicantReports reports, Actor actor, ApplicantId id, HttpServletResponse response)
            throws IOException {
        ApplicantReports.Report report = reports.prepare(actor, id);
        response.setContentType("application/zip");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"applicant-" + report.applicant().id() + ".zip\"");
        reports.write(report, response.getOutputStream());
    }
}
