package org.openkyc.applicants;

import java.io.ByteArrayOutputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Permission;
import org.openkyc.core.mail.Mail;
import org.openkyc.core.mail.Mailer;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.CompanyView;
import org.openkyc.tenancy.Entitlement;
import org.openkyc.tenancy.PlatformOperators;
import org.openkyc.tenancy.TeamManagement;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly service report of the dedicated-operator plan: a PDF mailed every Monday to the company's administrators
 * (members whose role manages the company, and the company's contact address) on the week that ended: live
 * verifications by status, the reviews of the week (by people and by the KYC bots), and the support the platform
 * operators gave (workplace visits and the pages they used).
 */
@Service
public class ServiceReports {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private final JdbcClient jdbc;
    private final CompanyManagement companies;
    private final TeamManagement team;
    private final PlatformOperators operators;
    private final Mailer mailer;
    private final Clock clock;

    ServiceReports(
            JdbcClient jdbc,
            CompanyManagement companies,
            TeamManagement team,
            PlatformOperators operators,
            Mailer mailer,
            Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.team = team;
        this.operators = operators;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** One week's figures for a company. */
    public record Report(
            CompanyView company,
            LocalDate from,
            LocalDate to,
            Map<ApplicantStatus, Long> statuses,
            long started,
            Map<String, Long> reviews,
            long operatorVisits,
            long operatorRequests) {}

    /** Every Monday: the report on the week that ended, for each company whose plan includes it. */
    @Scheduled(cron = "${openkyc.reports.service-cron:0 0 6 * * MON}", zone = "UTC")
    @Transactional
    public int sendWeekly() {
        LocalDate monday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int sent = 0;
        for (CompanyView company : companies.all()) {
            if (company.plan().includes(Entitlement.SERVICE_REPORT)) {
                Report report = report(company.id(), monday.minusWeeks(1));
                sent += send(report);
            }
        }
        return sent;
    }

    /** The report on the week that starts on {@code monday} (UTC). */
    public Report report(CompanyId companyId, LocalDate monday) {
        Instant from = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<ApplicantStatus, Long> statuses = new LinkedHashMap<>();
        for (ApplicantStatus status : ApplicantStatus.values()) {
            statuses.put(status, 0L);
        }
        jdbc.sql("""
                        SELECT status, count(*) AS n FROM applicant WHERE company_id = :company AND mode = 'LIVE'
                        AND created_at < :to GROUP BY status
                        """)
                .param("company", companyId.value())
                .param("to", Timestamp.from(to))
                .query((r, n) -> statuses.put(ApplicantStatus.valueOf(r.getString("status")), r.getLong("n")))
                .list();
        long started = jdbc.sql("""
                        SELECT count(*) FROM applicant WHERE company_id = :company AND mode = 'LIVE'
                        AND created_at >= :from AND created_at < :to
                        """)
                .param("company", companyId.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Long.class)
                .single();
        Map<String, Long> reviews = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT CASE WHEN e.action = 'BOT_DECISION' THEN 'BOT_' || e.actor_id ELSE e.action END AS kind,
                          count(*) AS n
                        FROM applicant_event e JOIN applicant a ON a.id = e.applicant_id
                        WHERE a.company_id = :company AND a.mode = 'LIVE' AND e.at >= :from AND e.at < :to
                          AND e.action IN ('APPROVE', 'DECLINE', 'START_REVIEW', 'BLOCK', 'RESUBMISSION_REQUESTED',
                            'WARNING_RESOLVED', 'BOT_DECISION')
                        GROUP BY 1 ORDER BY 1
                        """)
                .param("company", companyId.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((r, n) -> reviews.put(r.getString("kind"), r.getLong("n")))
                .list();
        List<PlatformOperators.Access> access = operators.accessLog(companyId, 100_000).stream()
                .filter(a -> !a.at().isBefore(from) && a.at().isBefore(to))
                .toList();
        return new Report(
                companies.view(companyId),
                monday,
                monday.plusDays(6),
                statuses,
                started,
                reviews,
                access.stream().filter(a -> a.action().equals("OPEN")).count(),
                access.stream().filter(a -> a.action().equals("REQUEST")).count());
    }

    /** Mails the report as PDF to the company's administrators; answers to how many addresses. */
    int send(Report report) {
        Set<String> to =
                new LinkedHashSet<>(team.activeMemberEmails(report.company().id(), Permission.COMPANY));
        if (!report.company().details().email().isBlank()) {
            to.add(report.company().details().email().strip());
        }
        byte[] pdf = pdf(report);
        String subject = "OpenKYC service report " + report.from() + " to " + report.to() + ": "
                + report.company().details().name();
        String body = "The weekly service report of "
                + report.company().details().name() + " for " + report.from()
                + " to " + report.to() + " is attached: " + report.started() + " new live verifications, "
                + report.reviews().values().stream().mapToLong(Long::longValue).sum() + " review actions, "
                + report.operatorVisits() + " operator visits.";
        for (String address : to) {
            mailer.send(new Mail(
                    address,
                    subject,
                    body,
                    new Mail.Attachment("service-report-" + report.from() + ".pdf", "application/pdf", pdf)));
        }
        return to.size();
    }

    static byte[] pdf(Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle("Service report " + report.from());
        document.open();
        document.add(
                new Paragraph("Service report: " + report.company().details().name(), TITLE));
        document.add(new Paragraph(
                "Week " + report.from() + " to " + report.to() + " (UTC) · plan "
                        + report.company().plan(),
                TEXT));
        section(
                document,
                "KYC status (live verifications)",
                report.statuses().entrySet().stream()
                        .map(e -> List.of(e.getKey().name(), String.valueOf(e.getValue())))
                        .toList());
        document.add(new Paragraph("New live verifications this week: " + report.started(), TEXT));
        section(
                document,
                "Reviews this week",
                report.reviews().isEmpty()
                        ? List.of(List.of("none", "0"))
                        : report.reviews().entrySet().stream()
                                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue())))
                                .toList());
        section(
                document,
                "Support by the platform operators",
                List.of(
                        List.of("Workplace visits", String.valueOf(report.operatorVisits())),
                        List.of("Pages and actions", String.valueOf(report.operatorRequests()))));
        document.close();
        return out.toByteArray();
    }

    private static void section(Document document, String title, List<List<String>> rows) {
        Paragraph heading = new Paragraph(title, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(6);
        document.add(heading);
        PdfPTable table = new PdfPTable(new float[] {3, 1});
        table.setWidthPercentage(60);
        table.setHorizontalAlignment(PdfPTable.ALIGN_LEFT);
        for (List<String> row : rows) {
            table.addCell(new Paragraph(row.get(0), TEXT));
            table.addCell(new Paragraph(row.get(1), TEXT));
        }
        document.add(table);
    }
}
