package org.openkyc.bots;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.openkyc.applicants.ApplicantManagement.BotVerdict;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Entitlement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Each company's Advanced KYC Bot: whether it runs, and its rules (the defaults until the company saves its own). */
@Service
public class BotRules {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * The defaults: photos that cannot be read and details that do not agree are asked again with a message saying
     * what to do; a duplicate document or a face that does not match is rejected; a listed name under 85% is a false
     * alarm, 85% and more goes to a reviewer, and the applicant's own name on a list blocks for a manual audit.
     */
    public static final List<BotRule> DEFAULTS = List.of(
            new BotRule(
                    Finding.DOCUMENT_QUALITY,
                    0,
                    false,
                    BotVerdict.RESUBMIT,
                    "We could not read your document photo. Please take it again in good light, without glare, with"
                            + " the whole document in the frame."),
            new BotRule(
                    Finding.SELFIE_QUALITY,
                    0,
                    false,
                    BotVerdict.RESUBMIT,
                    "We could not see your face clearly. Please take the selfie again facing the camera in good"
                            + " light."),
            new BotRule(
                    Finding.NAME_MISMATCH,
                    0,
                    false,
                    BotVerdict.RESUBMIT,
                    "The name on your document does not match the name you gave us. Please send the document that"
                            + " carries your name as you gave it."),
            new BotRule(
                    Finding.WRONG_INFORMATION,
                    0,
                    false,
                    BotVerdict.RESUBMIT,
                    "Some details of your document could not be verified. Please send a clear photo of a valid"
                            + " document."),
            new BotRule(
                    Finding.DOCUMENT_EXPIRED,
                    0,
                    false,
                    BotVerdict.RESUBMIT,
                    "Your document has expired. Please send a document that is still valid."),
            new BotRule(
                    Finding.DUPLICATE_DOCUMENT,
                    0,
                    false,
                    BotVerdict.REJECT,
                    "This document is already used by another account, so we cannot accept this one."),
            new BotRule(
                    Finding.FACE_MISMATCH,
                    0,
                    false,
                    BotVerdict.REJECT,
                    "Your face did not match the photo of your document, so we cannot accept this verification."),
            new BotRule(
                    Finding.ADDRESS_NOT_CONFIRMED,
                    0,
                    false,
                    BotVerdict.RESUBMIT,
                    "Your proof of address could not be accepted. Please send a recent document (at most three"
                            + " months old) that shows your name and address."),
            new BotRule(Finding.WALLET_RISK, 0, false, BotVerdict.REVIEW, null),
            new BotRule(Finding.OPEN_WARNING, 0, false, BotVerdict.REVIEW, null),
            new BotRule(Finding.AML_MATCH, 0, false, BotVerdict.APPROVE, null),
            new BotRule(Finding.AML_MATCH, 85, false, BotVerdict.REVIEW, null),
            new BotRule(Finding.AML_MATCH, 100, true, BotVerdict.BLOCK, null));

    /** A company's bot as set. */
    public record Settings(boolean advanced, List<BotRule> rules) {}

    private final JdbcClient jdbc;
    private final CompanyManagement companies;
    private final Clock clock;

    BotRules(JdbcClient jdbc, CompanyManagement companies, Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.clock = clock;
    }

    public Settings settings(Actor actor) {
        actor.require(Permission.WORKFLOWS);
        return settings(actor.companyId());
    }

    Settings settings(CompanyId company) {
        return jdbc.sql("SELECT advanced, rules FROM bot_settings WHERE company_id = :company")
                .param("company", company.value())
                .query((r, n) -> new Settings(
                        r.getBoolean("advanced"), JSON.readValue(r.getString("rules"), new TypeReference<>() {})))
                .optional()
                .orElse(new Settings(false, DEFAULTS));
    }

    /**
     * Saves a company's Advanced KYC Bot; only on a plan that includes it. Every finding needs a rule (but PEP matches
     * and checks that could not run, which only a person decides), AML matches one from 0%, and a resubmission or
     * rejection a message for the applicant.
     */
    @Transactional
    public Settings save(Actor actor, Settings settings) {
        actor.require(Permission.WORKFLOWS);
        companies.requireEntitlement(actor.companyId(), Entitlement.ADVANCED_KYC_BOT, "The Advanced KYC Bot");
        List<BotRule> rules = new ArrayList<>(settings.rules());
        rules.removeIf(r -> r.finding().forPerson());
        for (Finding finding : Finding.values()) {
            if (finding.forPerson()) {
                // no company rule decides these: a person does
                continue;
            }
            if (rules.stream().noneMatch(r -> r.finding() == finding && r.minMatchRate() == 0 && !r.sameName())) {
                throw InvalidInputException.of("rules", "missing", "say what to do about " + finding);
            }
        }
        for (BotRule rule : rules) {
            if (rule.minMatchRate() < 0 || rule.minMatchRate() > 100) {
                throw InvalidInputException.of("minMatchRate", "range", "must be 0 to 100");
            }
            if ((rule.verdict() == BotVerdict.RESUBMIT || rule.verdict() == BotVerdict.REJECT)
                    && (rule.message() == null
                            || rule.message().isBlank()
                            || rule.message().length() > 1000)) {
                throw InvalidInputException.of(
                        "message", "size", "tell the applicant in 1 to 1000 characters why (" + rule.finding() + ")");
            }
            if (rule.verdict() == BotVerdict.RESUBMIT && rule.finding().steps().isEmpty()) {
                throw InvalidInputException.of(
                        "verdict", "resubmit", rule.finding() + " has no step an applicant could send again");
            }
        }
        rules.sort(Comparator.comparing(BotRule::finding).thenComparing(BotRule::minMatchRate));
        Settings saved = new Settings(settings.advanced(), List.copyOf(rules));
        jdbc.sql("""
                        INSERT INTO bot_settings (company_id, advanced, rules, updated_at)
                        VALUES (:company, :advanced, :rules, :now)
                        ON CONFLICT (company_id) DO UPDATE SET advanced = :advanced, rules = :rules, updated_at = :now
                        """)
                .param("company", actor.companyId().value())
                .param("advanced", saved.advanced())
                .param("rules", JSON.writeValueAsString(saved.rules()))
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return saved;
    }

    /** The rule that decides a finding: for AML matches, the highest from-rate at or under the match's rate. */
    static Optional<BotRule> rule(List<BotRule> rules, Finding finding, int matchRate, boolean sameName) {
        return rules.stream()
                .filter(r -> r.finding() == finding)
                .filter(r -> r.minMatchRate() <= matchRate && (!r.sameName() || sameName))
                .max(Comparator.comparing(BotRule::minMatchRate).thenComparing(BotRule::sameName));
    }
}
