package org.openkyc.onchain;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Attestations ({@code openkyc.attestations.*}).
 *
 * @param issuerKey the issuer's private key in hex; unset, one is generated and kept in {@code <data-dir>/issuer.key}
 * @param chainId the chain the attestations are meant for (EIP-712 domain)
 * @param verifyingContract the verifier contract's address (EIP-712 domain)
 * @param validity how long an attestation holds
 */
@ConfigurationProperties("openkyc.attestations")
public record AttestationSettings(
        @Nullable String issuerKey,
        @DefaultValue("1") long chainId,

        @DefaultValue("0x0000000000000000000000000000000000000000")
        String verifyingContract,

        @DefaultValue("P365D") Duration validity) {}
