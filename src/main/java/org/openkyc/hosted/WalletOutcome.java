package org.openkyc.hosted;

/** How checking a wallet signature ended. */
public enum WalletOutcome {
    VERIFIED,
    BAD_SIGNATURE,
    STALE,
    NONE
}
