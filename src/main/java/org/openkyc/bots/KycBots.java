package org.openkyc.bots;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.AccessLink;
import org.openkyc.applicants.ApplicantEvents;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantManagement.BotVerdict;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.StepState;
import org.openkyc.applicants.Warning;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.applicants.lifecycle.Lifecycle;
import org.openkyc.certificates.Certificates;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.core.mail.Mail;
import org.openkyc.core.mail.Mailer;
import org.openkyc.flows.FlowManagement;
import org.openkyc.flows.definition.StepType;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Entitlement;
import org.openkyc.tenancy.Plan;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs the KYC bots when a verification's checks finish (COMPLETED or ON_HOLD) on a flow with the KYC Bot switched on.
 * The KYC Bot approves when every current certificate is CLEAR and no warning is open, and mails the applicant. When
 * some is not and the company has the Advanced KYC Bot, each finding of each CONSIDER certificate (and each open
 * warning) is decided by the company's rules, and the strongest decision is carried out: block, then reject, then ask
 * again, then leave to a reviewer; when every finding is decided "approve", the verification is approved.
 */
@Service
public class KycBots {

    static final String KYC_BOT = "KYC_BOT";
    static final String ADVANCED_KYC_BOT = "ADVANCED_KYC_BOT";
    /** The order decisions prevail in, strongest last. */
    private static final List<BotVerdict> STRENGTH =
            List.of(BotVerdict.APPROVE, BotVerdict.REVIEW, BotVerdict.RESUBMIT, BotVerdict.REJECT, BotVerdict.BLOCK);

    private final ApplicantManagement applicants;
    private final Certificates certificates;
    private final FlowManagement flows;
    private final CompanyManagement companies;
    private final BotRules rules;
    private final Mailer mailer;
    private final MessageSource messages;

    KycBots(
            ApplicantManagement applicants,
            Certificates certificates,
            FlowManagement flows,
            CompanyManagement companies,
            BotRules rules,
            Mailer mailer,
            MessageSource messages) {
        this.applicants = applicants;
        this.certificates = certificates;
        this.flows = flows;
        this.companies = companies;
        this.rules = rules;
        this.mailer = mailer;
        this.messages = messages;
    }

    /** One finding of one certificate (or warning), and the rule that decided it. */
    record Decided(Finding finding, String source, int matchRate, BotRule rule) {

        String explain() {
            if (finding.forPerson()) {
                return finding + " (" + source + ") → " + rule.verdict() + ": only a person decides it";
            }
            return finding + (finding == Finding.AML_MATCH ? " " + matchRate + "%" : "") + " (" + source + ") → "
                    + rule.verdict() + " by the rule for " + finding
                    + (rule.minMatchRate() > 0 ? " from " + rule.minMatchRate() + "%" : "")
                    + (rule.sameName() ? ", same name" : "");
        }
    }

    /** After every other listener (webhooks, certificates, deduplication) heard of the change. */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void checksFinished(ApplicantEvents.ApplicantStatusChanged event) {
        ApplicantStatus to = event.subject().status();
        if (event.from() == ApplicantStatus.IN_PROGRESS
                && (to == ApplicantStatus.COMPLETED || to == ApplicantStatus.ON_HOLD)) {
            run(
                    event.subject().companyId(),
                    event.subject().mode(),
                    event.subject().applicantId());
        }
    }

    /** Runs the bots on a verification whose checks finished; answers what was decided, if anything. */
    @Transactional
    public BotVerdict run(CompanyId company, Mode mode, ApplicantId id) {
        ApplicantView applicant = applicants.system(id);
        boolean switchedOn = flows.published(company, mode, applicant.flowId(), applicant.flowVersion())
                .map(f -> f.definition().autoApproval())
                .orElse(false);
        Plan plan = companies.plan(company);
        if (!switchedOn
                || !plan.includes(Entitlement.KYC_BOT)
                || Lifecycle.next(applicant.status(), ApplicantAction.AUTO_APPROVE)
                        .isEmpty()) {
            // Off, not in the plan, or already moved on by someone else (deduplication blocked it, say).
            return BotVerdict.REVIEW;
        }
        // The certificates heard of this change before the bots (see checksFinished) and are current.
        List<Certificates.Certificate> current = certificates.certificates(company, id.value(), false);
        List<Certificates.Certificate> consider =
                current.stream().filter(c -> !c.clear()).toList();
        // An open warning is answered by the current certificate of its check: superseded when that is CLEAR (newer
        // data came in clean), explained when it is CONSIDER; any other warning still needs deciding.
        List<Warning> superseded = new ArrayList<>();
        List<Warning> unexplained = new ArrayList<>();
        for (Warning warning : applicant.review().warnings()) {
            if (!warning.open()) {
                continue;
            }
            String kind = certificateOf(warning.code());
            var certificate =
                    current.stream().filter(c -> c.kind().equals(kind)).findFirst();
            if (certificate.isEmpty()) {
                unexplained.add(warning);
            } else if (certificate.get().clear()) {
                superseded.add(warning);
            }
        }
        if (consider.isEmpty() && unexplained.isEmpty()) {
            settle(id, KYC_BOT, superseded);
            String explanation = current.isEmpty()
                    ? "The flow's steps passed and no check issues a certificate."
                    : "All " + current.size() + " certificates are CLEAR: "
                            + String.join(
                                    ", ",
                                    current.stream()
                                            .map(Certificates.Certificate::kind)
                                            .toList()) + ".";
            applicants.botDecision(id, KYC_BOT, BotVerdict.APPROVE, explanation, Set.of(), null);
            tell(applicant, "approved", null, null);
            return BotVerdict.APPROVE;
        }
        BotRules.Settings settings = rules.settings(company);
        if (!settings.advanced() || !plan.includes(Entitlement.ADVANCED_KYC_BOT)) {
            return BotVerdict.REVIEW;
        }
        List<Decided> decided = decide(settings.rules(), consider, unexplained);
        BotVerdict verdict = decided.stream()
                .map(d -> d.rule().verdict())
                .max((a, b) -> Integer.compare(STRENGTH.indexOf(a), STRENGTH.indexOf(b)))
                .orElse(BotVerdict.APPROVE);
        List<Decided> deciding =
                decided.stream().filter(d -> d.rule().verdict() == verdict).toList();
        String explanation = decided.isEmpty()
                ? "Every certificate is CLEAR."
                : String.join("; ", decided.stream().map(Decided::explain).toList()) + ". Decision: " + verdict + ".";
        String message = deciding.stream()
                .map(d -> d.rule().message())
                .filter(m -> m != null && !m.isBlank())
                .distinct()
                .reduce((a, b) -> a + "\n\n" + b)
                .orElse(null);
        Set<StepType> steps = EnumSet.noneOf(StepType.class);
        if (verdict == BotVerdict.RESUBMIT) {
            Set<StepType> inFlow = EnumSet.noneOf(StepType.class);
            applicant.steps().stream().map(StepState::type).forEach(inFlow::add);
            deciding.forEach(
                    d -> d.finding().steps().stream().filter(inFlow::contains).forEach(steps::add));
            if (steps.isEmpty()) {
                applicants.botDecision(
                        id,
                        ADVANCED_KYC_BOT,
                        BotVerdict.REVIEW,
                        explanation + " The flow has no step to send again, so a reviewer decides.",
                        Set.of(),
                        null);
                return BotVerdict.REVIEW;
            }
        }
        if (verdict == BotVerdict.APPROVE) {
            settle(id, ADVANCED_KYC_BOT, superseded);
        }
        ApplicantManagement.BotResult result =
                applicants.botDecision(id, ADVANCED_KYC_BOT, verdict, explanation, steps, message);
        switch (verdict) {
            case APPROVE -> tell(applicant, "approved", null, null);
            case RESUBMIT -> tell(applicant, "resubmit", message, result.link());
            case REJECT -> tell(applicant, "rejected", message, null);
            default -> {}
        }
        return verdict;
    }

    static List<Decided> decide(
            List<BotRule> rules, List<Certificates.Certificate> consider, List<Warning> unexplainedWarnings) {
        List<Decided> decided = new ArrayList<>();
        for (Certificates.Certificate certificate : consider) {
            List<String> reasons = certificate.reasons().isEmpty() ? List.of("OPEN_WARNING") : certificate.reasons();
            for (String reason : reasons) {
                String[] parts = reason.split(":");
                Finding finding = Finding.valueOf(parts[0]);
                int rate = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                boolean sameName = parts.length > 2 && parts[2].equals("SAME_NAME");
                if (finding.forPerson()) {
                    decided.add(new Decided(finding, certificate.kind(), rate, forPerson(finding)));
                    continue;
                }
                BotRules.rule(rules, finding, rate, sameName)
                        .ifPresent(rule -> decided.add(new Decided(finding, certificate.kind(), rate, rule)));
            }
        }
        for (Warning warning : unexplainedWarnings) {
            if (NOT_CHECKED_WARNINGS.contains(warning.code())) {
                decided.add(new Decided(Finding.NOT_CHECKED, warning.code(), 0, forPerson(Finding.NOT_CHECKED)));
                continue;
            }
            BotRules.rule(rules, Finding.OPEN_WARNING, 0, false)
                    .ifPresent(rule -> decided.add(new Decided(Finding.OPEN_WARNING, warning.code(), 0, rule)));
        }
        return decided;
    }

    /** The warnings of a check that could not run: only a person settles them. */
    private static final Set<String> NOT_CHECKED_WARNINGS = Set.of("SCREENING_INCOMPLETE", "CHECK_UNAVAILABLE");

    /** The rule that holds for a finding no company rule may decide: a person reviews it. */
    private static BotRule forPerson(Finding finding) {
        return new BotRule(finding, 0, false, BotVerdict.REVIEW, null);
    }

    /** The certificate that answers a warning of the checks, or "" for a warning no certificate stands for. */
    static String certificateOf(String warning) {
        if (warning.startsWith("DOCUMENT_") || warning.equals("DUPLICATE_DOCUMENT")) {
            return "IDENTITY_DOCUMENT";
        }
        if (warning.startsWith("PROOF_OF_ADDRESS")) {
            return "PROOF_OF_ADDRESS";
        }
        if (warning.startsWith("FACE_")) {
            return "FACE_MATCH";
        }
        if (warning.equals("AML_POTENTIAL_MATCH") || warning.equals("PEP") || warning.equals("SCREENING_INCOMPLETE")) {
            return "SANCTIONS_PEP";
        }
        return warning.equals("WALLET_AML") ? "CRYPTO_AML" : "";
    }

    /** Settles the warnings that CLEAR certificates answered, naming the certificates. */
    private void settle(ApplicantId id, String bot, List<Warning> superseded) {
        if (!superseded.isEmpty()) {
            List<String> kinds = superseded.stream()
                    .map(w -> certificateOf(w.code()))
                    .distinct()
                    .toList();
            applicants.settleWarnings(
                    id,
                    superseded.stream().map(Warning::id).toList(),
                    bot,
                    "answered by newer checks: " + String.join(", ", kinds) + " is CLEAR");
        }
    }

    /** Mails the applicant the bot's decision, in their language, when they gave an email address. */
    private void tell(ApplicantView applicant, String what, @Nullable String message, @Nullable AccessLink link) {
        if (applicant.email() == null || applicant.email().isBlank()) {
            return;
        }
        Locale locale = Locale.forLanguageTag(applicant.lang());
        Object[] args = {message == null ? "" : message, link == null ? "" : link.url()};
        mailer.send(new Mail(
                applicant.email(),
                messages.getMessage("mail.bot." + what + ".subject", args, locale),
                messages.getMessage("mail.bot." + what + ".body", args, locale)));
    }
}
