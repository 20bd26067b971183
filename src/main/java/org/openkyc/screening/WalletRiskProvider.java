package org.openkyc.screening;

import java.util.Optional;

/**
 * A source of risk scores for crypto addresses: the lists OpenKYC loads ({@link ListedWallets}), or a commercial
 * blockchain-analytics service an operator plugs in as a bean.
 */
public interface WalletRiskProvider {

    /**
     * The provider's view of an address, if it has data on it; empty when it knows nothing (never a high score for an
     * address it has not seen).
     *
     * @param network {@code ETHEREUM} or {@code BITCOIN}
     */
    Optional<Assessment> assess(String network, String address);

    /**
     * One provider's verdict.
     *
     * @param score 0 (highest risk) to 100 (lowest)
     */
    record Assessment(int score, String source, String reason) {}
}
