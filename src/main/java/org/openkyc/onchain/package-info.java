/**
 * Status-only ("on-chain") KYC: signed attestations that an applicant with a verified wallet is approved, as EIP-712
 * typed data signed with the installation's issuer key, verifiable off-chain and by the Solidity verifier in
 * {@code contracts/}.
 */
@ApplicationModule(allowedDependencies = {"core", "applicants", "applicants :: lifecycle", "certificates"})
@NullMarked
package org.openkyc.onchain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
