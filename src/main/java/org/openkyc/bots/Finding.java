package org.openkyc.bots;

import java.util.Set;
import org.openkyc.flows.definition.StepType;

/**
 * Why a CONSIDER certificate asks for a person, as the certificates say it; each names the steps an applicant sends
 * again when the bot asks for a resubmission.
 */
public enum Finding {
    DOCUMENT_QUALITY(Set.of(StepType.DOCUMENT, StepType.SELFIE_WITH_DOCUMENT)),
    NAME_MISMATCH(Set.of(StepType.DOCUMENT)),
    WRONG_INFORMATION(Set.of(StepType.DOCUMENT)),
    DOCUMENT_EXPIRED(Set.of(StepType.DOCUMENT)),
    DUPLICATE_DOCUMENT(Set.of(StepType.DOCUMENT)),
    SELFIE_QUALITY(Set.of(StepType.LIVENESS, StepType.FACE_MATCH, StepType.SELFIE_WITH_DOCUMENT)),
    FACE_MISMATCH(Set.of(StepType.LIVENESS, StepType.FACE_MATCH)),
    AML_MATCH(Set.of()),
    /** A politically exposed person: always a person's decision, never an automatic decline or approval. */
    PEP_MATCH(Set.of()),
    /** A check that could not run (no lists, no model): no rule decides it; a person does. */
    NOT_CHECKED(Set.of()),
    ADDRESS_NOT_CONFIRMED(Set.of(StepType.PROOF_OF_ADDRESS)),
    WALLET_RISK(Set.of(StepType.CRYPTO_WALLET)),
    /** A warning no certificate explains (a device or network signal, say). */
    OPEN_WARNING(Set.of());

    private final Set<StepType> steps;

    Finding(Set<StepType> steps) {
        this.steps = steps;
    }

    public Set<StepType> steps() {
        return steps;
    }

    /** Whether only a person may decide it, whatever the company's rules say. */
    public boolean forPerson() {
        return this == PEP_MATCH || this == NOT_CHECKED;
    }
}
