package org.openkyc.onchain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.TimelineEntry;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.certificates.Certificates;
import org.openkyc.core.Actor;
import org.openkyc.core.ConflictException;
import org.springframework.stereotype.Service;
import org.web3j.crypto.Keys;

/**
 * Attestations for approved applicants whose wallet ownership was proven by a signature: the typed data, the issuer's
 * signature and address. An applicant not approved, or without a proven wallet, gets none.
 */
@Service
public class Attestations {

    private final ApplicantManagement applicants;
    private final Certificates certificates;
    private final IssuerKey issuer;
    private final AttestationSettings settings;
    private final Clock clock;

    Attestations(
            ApplicantManagement applicants,
            Certificates certificates,
            IssuerKey issuer,
            AttestationSettings settings,
            Clock clock) {
        this.applicants = applicants;
        this.certificates = certificates;
        this.issuer = issuer;
        this.settings = settings;
        this.clock = clock;
    }

    /** An attestation as the API gives it. */
    public record Attestation(Map<String, Object> typedData, String signature, String issuer) {}

    public Attestation attestation(Actor actor, ApplicantId id) {
        ApplicantView applicant = applicants.applicant(actor, id);
        if (applicant.status() != ApplicantStatus.APPROVED) {
            throw new ConflictException("Only an approved applicant is attested.");
        }
        List<TimelineEntry> timeline = applicants.walletVerifications(id);
        String wallet = timeline.reversed().stream()
                .filter(e -> e.action().equals("WALLET_VERIFIED")
                        && Boolean.TRUE.equals(e.details().get("ownershipProven"))
                        && "ETHEREUM".equals(e.details().get("network")))
                .map(e -> String.valueOf(e.details().get("address")))
                .findFirst()
                .orElseThrow(() -> new ConflictException(
                        "The applicant has no Ethereum wallet whose ownership was proven by a signature."));
        Instant now = clock.instant();
        // The attestation holds no longer than the applicant's certificates: the first to expire ends it.
        Instant expires = now.plus(settings.validity());
        for (Certificates.Certificate certificate : certificates.certificates(actor.companyId(), id.value(), false)) {
            if (certificate.expiredAt(now)) {
                throw new ConflictException("The applicant's " + certificate.kind()
                        + " certificate expired; a new check is needed before an attestation.");
            }
            if (certificate.expiresAt().isBefore(expires)) {
                expires = certificate.expiresAt();
            }
        }
        TypedAttestation.Claim claim = new TypedAttestation.Claim(
                Keys.toChecksumAddress(wallet),
                applicant.status().name(),
                TypedAttestation.subject(
                        actor.companyId().value().toString(), id.value().toString()),
                issuer.address(),
                now.getEpochSecond(),
                expires.getEpochSecond());
        Map<String, Object> typedData =
                TypedAttestation.typedData(claim, settings.chainId(), settings.verifyingContract());
        return new Attestation(typedData, TypedAttestation.sign(typedData, issuer.key()), issuer.address());
    }
}
