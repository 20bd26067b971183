package org.openkyc.bots;

import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantManagement.BotVerdict;

/**
 * One rule of the Advanced KYC Bot: what to do about a finding. For {@link Finding#AML_MATCH} a rule holds from its
 * {@code minMatchRate} up (the rule with the highest rate at or under a match's rate decides it), and
 * {@code sameName} rules hold only for a listed name that is the applicant's own; other findings have one rule each.
 *
 * @param message what the applicant is told when the bot asks them to send something again or rejects them
 */
public record BotRule(
        Finding finding,
        int minMatchRate,
        boolean sameName,
        BotVerdict verdict,
        @Nullable String message) {}
