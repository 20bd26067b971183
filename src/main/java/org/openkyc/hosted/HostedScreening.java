package org.openkyc.hosted;

import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.LinkSession;
import org.openkyc.documents.DocumentCheck;
import org.openkyc.documents.DocumentChecks;
import org.openkyc.documents.DocumentField;
import org.openkyc.documents.DocumentRules;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import org.openkyc.screening.AmlStep;
import org.openkyc.screening.ApplicantScreening;
import org.springframework.stereotype.Service;

/**
 * The AML step as the applicant reaches it: they are screened with what the flow collected (the document's name,
 * birth date, nationality and sex when a document was read, else what was declared). What follows, matches,
 * warnings, screening that waits for lists, is {@link AmlStep}'s.
 */
@Service
class HostedScreening {

    private final DocumentChecks documents;
    private final AmlStep step;

    HostedScreening(DocumentChecks documents, AmlStep step) {
        this.documents = documents;
        this.step = step;
    }

    void screen(LinkSession session) {
        step.run(
                session.companyId(),
                session.mode(),
                session.applicantId(),
                subject(session),
                HostedFlow.settings(session, StepType.AML, StepSettings.Aml.class));
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
