package org.openkyc.screening;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The AML score of a crypto address: the lowest score any provider gives, 0 (highest risk) to 100; 40 and above is
 * CLEAR. With no provider knowing the address the score is 100, and the reasons say so.
 */
@Service
public class WalletScreening {

    /** The least score that is CLEAR. */
    public static final int CLEAR_FROM = 40;

    private final ObjectProvider<WalletRiskProvider> providers;

    WalletScreening(ObjectProvider<WalletRiskProvider> providers) {
        this.providers = providers;
    }

    /** A score with the reasons each provider gave. */
    public record WalletRisk(int score, boolean clear, List<String> reasons) {

        public String summary() {
            return "AML score " + score + " (" + (clear ? "CLEAR" : "CONSIDER") + "): " + String.join("; ", reasons);
        }
    }

    public WalletRisk assess(String network, String address) {
        int score = 100;
        List<String> reasons = new ArrayList<>();
        for (WalletRiskProvider provider : providers.orderedStream().toList()) {
            WalletRiskProvider.Assessment assessment =
                    provider.assess(network, address).orElse(null);
            if (assessment != null) {
                score = Math.min(score, Math.max(0, Math.min(100, assessment.score())));
                reasons.add(assessment.source() + ": " + assessment.reason());
            }
        }
        return new WalletRisk(score, score >= CLEAR_FROM, List.copyOf(reasons));
    }
}
