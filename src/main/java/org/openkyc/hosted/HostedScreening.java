package org.openkyc.hosted;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.LinkSession;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.documents.DocumentCheck;
import org.openkyc.documents.DocumentChecks;
import org.openkyc.documents.DocumentField;
import org.openkyc.documents.DocumentRules;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import org.openkyc.screening.AmlCases;
import org.openkyc.screening.AmlMonitoring;
import org.openkyc.screening.ApplicantScreening;
import org.springframework.stereotype.Service;

/**
 * The AML step: when the applicant reaches it, they are screened with what the flow collected (the document's
 * name, birth date, nationality and sex when a document was read, else what was declared). No potential match
 * passes the step; potential matches leave it for a person with an {@code AML_POTENTIAL_MATCH} warning, and the
 * applicant is put on hold when they finish. With ongoing monitoring on, the applicant is watched from then on
 * ({@link AmlMonitoring}).
 */
@Service
class HostedScreening {

    private final ApplicantManagement applicants;
    private final DocumentChecks documents;
    private final ApplicantScreening screening;
    private final AmlMonitoring monitoring;

    HostedScreening(
            ApplicantManagement applicants,
            DocumentChecks documents,
            ApplicantScreening screening,
            AmlMonitoring monitoring) {
        this.applicants = applicants;
        this.documents = documents;
        this.screening = screening;
        this.monitoring = monitoring;
    }

    void screen(LinkSession session) {
        ApplicantScreening.Subject subject = subject(session);
        if (subject == null) {
            applicants.submitStep(session.applicantId(), StepType.AML, "no name to screen", ActorType.SYSTEM);
            applicants.raiseWarning(
                    session.applicantId(),
                    "AML_NO_DATA",
                    "The applicant could not be screened: the flow collected no name.");
            return;
        }
        List<AmlCases.Match> open = screening.screen(
                session.companyId(), session.mode(), session.applicantId().value(), subject);
        StepSettings.Aml settings = HostedFlow.settings(session, StepType.AML, StepSettings.Aml.class);
        if (settings.ongoingMonitoring() && settings.periodicity() != null) {
            monitoring.watchApplicant(
                    session.companyId(),
                    session.mode(),
                    session.applicantId().value(),
                    subject,
                    settings.periodicity());
        }
        if (open.isEmpty()) {
            applicants.passStep(
                    session.applicantId(),
                    StepType.AML,
                    "screened as " + subject.name() + ": no match",
                    ActorType.SYSTEM);
            return;
        }
        String found = String.join(
                "; ",
                open.stream()
                        .map(m -> m.entityName() + " (" + m.source() + ", " + m.matchRate() + "%)")
                        .toList());
        applicants.submitStep(
                session.applicantId(),
                StepType.AML,
                "screened as " + subject.name() + ": " + open.size() + " potential match(es)",
                ActorType.SYSTEM);
        applicants.raiseWarning(
                session.applicantId(),
                "AML_POTENTIAL_MATCH",
                "Screening found potential matches for " + subject.name() + ": " + found + ".");
    }

    private ApplicantScreening.@Nullable Subject subject(LinkSession session) {
        DocumentCheck check = documents
                .latest(session.companyId(), session.applicantId().value())
                .orElse(null);
        if (check != null && value(check, "surname") != null) {
            String name = (value(check, "givenNames") == null ? "" : value(check, "givenNames") + " ")
                    + value(check, "surname");
            String birth = value(check, "birthDate");
            return new ApplicantScreening.Subject(
                    name.strip(),
                    birth != null
                                    && birth.length() >= 4
                                    && birth.substring(0, 4).chars().allMatch(Character::isDigit)
                            ? Integer.valueOf(birth.substring(0, 4))
                            : null,
                    value(check, "nationality"),
                    value(check, "sex"));
        }
        DocumentRules.Declared declared = HostedDocuments.declared(session);
        String name = ((declared.firstName() == null ? "" : declared.firstName()) + " "
                        + (declared.lastName() == null ? "" : declared.lastName()))
                .strip();
        if (name.isEmpty()) {
            return null;
        }
        return new ApplicantScreening.Subject(
                name,
                declared.dateOfBirth() == null ? null : declared.dateOfBirth().getYear(),
                declared.nationality() != null && declared.nationality().length() == 2 ? declared.nationality() : null,
                declared.sex());
    }

    private static @Nullable String value(DocumentCheck check, String field) {
        DocumentField found = check.field(field);
        return found == null || found.value() == null || found.value().isBlank() ? null : found.value();
    }
}
