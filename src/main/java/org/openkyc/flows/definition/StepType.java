package org.openkyc.flows.definition;

/** The steps a flow can be built from, each with its own settings record. */
public enum StepType {
    INTRO(StepSettings.Intro.class),
    DOCUMENT(StepSettings.Document.class),
    SELFIE_WITH_DOCUMENT(StepSettings.SelfieWithDocument.class),
    LIVENESS(StepSettings.Liveness.class),
    FACE_MATCH(StepSettings.FaceMatch.class),
    EMAIL(StepSettings.Email.class),
    PHONE(StepSettings.Phone.class),
    QUESTIONNAIRE(StepSettings.Questionnaire.class),
    PROOF_OF_ADDRESS(StepSettings.ProofOfAddress.class),
    CRYPTO_WALLET(StepSettings.CryptoWallet.class),
    AML(StepSettings.Aml.class),
    THANK_YOU(StepSettings.ThankYou.class);

    private final Class<? extends StepSettings> settings;

    StepType(Class<? extends StepSettings> settings) {
        this.settings = settings;
    }

    public Class<? extends StepSettings> settingsType() {
        return settings;
    }

    /** Whether a flow may hold this step more than once. */
    public boolean repeatable() {
        return this == QUESTIONNAIRE;
    }
}
