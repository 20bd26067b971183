package org.openkyc.screening;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The AML score of a crypto address: the lowest score any provider gives, 0 (highest risk) to 100; 40 and above is
 * CLEAR. With no provider knowing the address there is no score: the address is UNKNOWN, which is not the same as
 * low risk (being on no sanctions list says nothing about where the coins came from).
 */
@Service
public class WalletScreening {

    /** The least score that is CLEAR. */
    public static final int CLEAR_FROM = 40;

    private final ObjectProvider<WalletRiskProvider> providers;

    WalletScreening(ObjectProvider<WalletRiskProvider> providers) {
        this.providers = providers;
    }

    /** What the providers made of an address. */
    public enum Verdict {
        CLEAR,
        CONSIDER,
        /** No provider has data on the address. */
        UNKNOWN
    }

    /**
     * A score with the reasons each provider gave.
     *
     * @param score the lowest score given, or null when no provider knows the address
     */
    public record WalletRisk(@Nullable Integer score, Verdict verdict, List<String> reasons) {

        public boolean clear() {
            return verdict == Verdict.CLEAR;
        }

        public String summary() {
            if (score == null) {
                return "AML score UNKNOWN: no source has data on the address";
            }
            return "AML score " + score + " (" + verdict + "): " + String.join("; ", reasons);
        }
    }

    public WalletRisk assess(String network, String address) {
        Integer score = null;
        List<String> reasons = new ArrayList<>();
        for (WalletRiskProvider provider : providers.orderedStream().toList()) {
            WalletRiskProvider.Assessment assessment =
                    provider.assess(network, address).orElse(null);
            if (assessment != null) {
                int given = Math.max(0, Math.min(100, assessment.score()));
                score = score == null ? given : Math.min(score, given);
                reasons.add(assessment.source() + ": " + assessment.reason());
            }
        }
        Verdict verdict = score == null ? Verdict.UNKNOWN : score >= CLEAR_FROM ? Verdict.CLEAR : Verdict.CONSIDER;
        return new WalletRisk(score, verdict, List.copyOf(reasons));
    }
}
