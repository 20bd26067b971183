package org.openkyc.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.Warning;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import org.openkyc.screening.matching.ListEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AML step's outcome for an applicant. No potential match passes the step: sanctions and watchlist matches leave
 * it for a person with an {@code AML_POTENTIAL_MATCH} warning, PEP matches with a {@code PEP} warning (a PEP is a
 * person to review, never one to decline automatically). A screening that could not run leaves the step for a person
 * with a {@code SCREENING_INCOMPLETE} warning naming the missing coverage, and runs again by itself when coverage
 * returns: on every change of the lists and once a minute, on whichever instance gets to it first.
 */
@Service
public class AmlStep {

    private static final Logger log = LoggerFactory.getLogger(AmlStep.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String INCOMPLETE = "SCREENING_INCOMPLETE";

    private final ApplicantScreening screening;
    private final AmlMonitoring monitoring;
    private final ApplicantManagement applicants;
    private final ScreeningLists lists;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AmlStep(
            ApplicantScreening screening,
            AmlMonitoring monitoring,
            ApplicantManagement applicants,
            ScreeningLists lists,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock) {
        this.screening = screening;
        this.monitoring = monitoring;
        this.applicants = applicants;
        this.lists = lists;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Screens the applicant as their flow's AML step says; a null subject means the flow collected no name. */
    public void run(
            CompanyId company,
            Mode mode,
            ApplicantId applicant,
            ApplicantScreening.@Nullable Subject subject,
            StepSettings.Aml settings) {
        if (subject == null) {
            applicants.submitStep(applicant, StepType.AML, "no name to screen", ActorType.SYSTEM);
            applicants.raiseWarning(
                    applicant, "AML_NO_DATA", "The applicant could not be screened: the flow collected no name.");
            return;
        }
        Set<ListKind> required = ApplicantScreening.kinds(settings.lists() == StepSettings.AmlLists.SANCTIONS_AND_PEP);
        ApplicantScreening.Screening done = screening.screen(company, mode, applicant.value(), subject, required);
        if (settings.ongoingMonitoring() && settings.periodicity() != null) {
            monitoring.watchApplicant(company, mode, applicant.value(), subject, settings.periodicity());
        }
        if (!done.complete()) {
            applicants.submitStep(
                    applicant, StepType.AML, "not screened: " + String.join("; ", done.missing()), ActorType.SYSTEM);
            applicants.raiseWarning(
                    applicant,
                    INCOMPLETE,
                    "The applicant could not be screened as " + subject.name() + ": "
                            + String.join("; ", done.missing())
                            + ". They are screened again by themselves as soon as the lists are loaded.");
            return;
        }
        outcome(applicant, subject, done);
    }

    private void outcome(ApplicantId applicant, ApplicantScreening.Subject subject, ApplicantScreening.Screening done) {
        String against = " against " + done.against();
        if (done.open().isEmpty()) {
            applicants.passStep(
                    applicant,
                    StepType.AML,
                    "screened as " + subject.name() + ": no match" + against,
                    ActorType.SYSTEM);
            return;
        }
        applicants.submitStep(
                applicant,
                StepType.AML,
                "screened as " + subject.name() + ": " + done.open().size() + " potential match(es)" + against,
                ActorType.SYSTEM);
        List<AmlCases.Match> peps = done.open().stream()
                .filter(m -> m.listType().equals(ListEntity.ListType.PEP.name()))
                .toList();
        List<AmlCases.Match> others =
                done.open().stream().filter(m -> !peps.contains(m)).toList();
        if (!others.isEmpty()) {
            applicants.raiseWarning(
                    applicant,
                    "AML_POTENTIAL_MATCH",
                    "Screening found potential matches for " + subject.name() + ": " + describe(others) + ".");
        }
        if (!peps.isEmpty()) {
            applicants.raiseWarning(
                    applicant,
                    "PEP",
                    "Screening found politically exposed persons matching " + subject.name() + ": " + describe(peps)
                            + ". A person decides; a PEP is not declined for being one.");
        }
    }

    private static String describe(List<AmlCases.Match> matches) {
        return String.join(
                "; ",
                matches.stream()
                        .map(m -> m.entityName() + " (" + m.source() + ", " + m.matchRate() + "%)")
                        .toList());
    }

    @EventListener
    void coverageChanged(ScreeningLists.CoverageChanged changed) {
        Thread.ofVirtual().name("screening-retry").start(this::retryWaiting);
    }

    /**
     * Screens again the applicants whose screening could not run, where the lists they need are now loaded and
     * current; answers how many were screened. Each waiting screening is taken by one instance only.
     */
    @Scheduled(fixedDelayString = "${openkyc.screening.retry-interval:PT1M}")
    public synchronized int retryWaiting() {
        int screened = 0;
        try {
            for (int round = 0; round < 100; round++) {
                Boolean one = transactions.execute(status -> retryOne());
                if (!Boolean.TRUE.equals(one)) {
                    break;
                }
                screened++;
            }
        } catch (RuntimeException e) {
            log.error("Screenings waiting for lists could not be run again; the next round tries again", e);
        }
        return screened;
    }

    private boolean retryOne() {
        Coverage coverage = lists.coverage();
        List<Map<String, Object>> waiting = jdbc.sql("""
                        SELECT id, company_id, mode, applicant_id, subject, required FROM aml_screening
                        WHERE NOT complete AND retried_at IS NULL ORDER BY screened_at, id
                        LIMIT 50 FOR UPDATE SKIP LOCKED
                        """).query().listOfRows();
        for (Map<String, Object> row : waiting) {
            Set<ListKind> required = ApplicantScreening.required((String) row.get("required"));
            if (!coverage.covers(required)) {
                continue;
            }
            UUID id = (UUID) row.get("id");
            jdbc.sql("UPDATE aml_screening SET retried_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
            ApplicantId applicant = new ApplicantId((UUID) row.get("applicant_id"));
            ApplicantScreening.Subject subject =
                    JSON.readValue((String) row.get("subject"), ApplicantScreening.Subject.class);
            var view = applicants.system(applicant);
            boolean stillWaiting = view.steps().stream().anyMatch(s -> s.type() == StepType.AML)
                    && view.review().warnings().stream()
                            .anyMatch(w -> w.open() && w.code().equals(INCOMPLETE));
            if (!stillWaiting) {
                return true;
            }
            ApplicantScreening.Screening done = screening.screen(
                    new CompanyId((UUID) row.get("company_id")),
                    Mode.fromCode((String) row.get("mode")).orElseThrow(),
                    applicant.value(),
                    subject,
                    required);
            if (!done.complete()) {
                return true;
            }
            applicants.settleWarnings(
                    applicant,
                    view.review().warnings().stream()
                            .filter(w -> w.open() && w.code().equals(INCOMPLETE))
                            .map(Warning::id)
                            .toList(),
                    "SCREENING",
                    "screened when the lists were loaded, against " + done.against());
            outcome(applicant, subject, done);
            return true;
        }
        return false;
    }
}
