package org.openkyc.flows.definition;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one step. Every field left out takes its default, so {@code {}} is a valid setting for
 * every step; {@link #check} reports the rules a value breaks, with field names relative to the step's
 * {@code config}.
 */
public sealed interface StepSettings {

    /** Reports broken rules of these settings alone; rules across steps are in {@link FlowRules}. */
    default void check(Violations violations) {}

    record Intro() implements StepSettings {}

    record ThankYou() implements StepSettings {}

    /**
     * The identity document.
     *
     * @param permittedCountries ISO 3166 alpha-2 codes of issuing countries accepted; empty means all
     * @param excludedCountries issuing countries refused; cannot be combined with permitted countries
     * @param minimumAge the youngest age accepted, by the document's date of birth
     * @param expiryAdjustmentMonths how many months a document must still be valid (positive) or may be
     *     expired (negative)
     * @param minimumIndentPercent how far, in percent of the image, the document must stay from its edges
     */
    record Document(
            List<String> permittedCountries,
            List<String> excludedCountries,
            List<DocumentType> permittedDocumentTypes,
            List<DocumentType> excludedDocumentTypes,
            Set<CaptureWay> captureWays,
            Set<Device> devices,
            Integer minimumAge,
            Integer expiryAdjustmentMonths,
            Boolean focusCheck,
            Boolean glareCheck,
            Boolean colourCheck,
            Integer minimumIndentPercent)
            implements StepSettings {

        public Document {
            permittedCountries = Countries.normalise(permittedCountries);
            excludedCountries = Countries.normalise(excludedCountries);
            permittedDocumentTypes = orEmpty(permittedDocumentTypes);
            excludedDocumentTypes = orEmpty(excludedDocumentTypes);
            captureWays = enums(captureWays, CaptureWay.class, Set.of(CaptureWay.GALLERY, CaptureWay.CAMERA));
            devices = enums(devices, Device.class, Set.of(Device.MOBILE, Device.DESKTOP));
            minimumAge = minimumAge == null ? 18 : minimumAge;
            expiryAdjustmentMonths = expiryAdjustmentMonths == null ? 0 : expiryAdjustmentMonths;
            focusCheck = focusCheck == null || focusCheck;
            glareCheck = glareCheck == null || glareCheck;
            colourCheck = colourCheck == null || colourCheck;
            minimumIndentPercent = minimumIndentPercent == null ? 0 : minimumIndentPercent;
        }

        /** The issuing countries the step takes. */
        public Countries countries() {
            return new Countries(permittedCountries, excludedCountries);
        }

        @Override
        public void check(Violations violations) {
            Countries.check(
                    permittedCountries, "permittedCountries", excludedCountries, "excludedCountries", violations);
            violations.require(
                    permittedDocumentTypes.isEmpty() || excludedDocumentTypes.isEmpty(),
                    "excludedDocumentTypes",
                    "permittedAndExcluded",
                    "give permitted or excluded document types, not both");
            violations.require(!captureWays.isEmpty(), "captureWays", "empty", "choose at least one capture way");
            violations.require(!devices.isEmpty(), "devices", "empty", "choose at least one device");
            violations.require(minimumAge >= 0 && minimumAge <= 120, "minimumAge", "range", "must be 0 to 120");
            violations.require(
                    expiryAdjustmentMonths >= -120 && expiryAdjustmentMonths <= 120,
                    "expiryAdjustmentMonths",
                    "range",
                    "must be -120 to 120");
            violations.require(
                    minimumIndentPercent >= 0 && minimumIndentPercent <= 25,
                    "minimumIndentPercent",
                    "range",
                    "must be 0 to 25");
        }
    }

    record SelfieWithDocument() implements StepSettings {}

    /**
     * Proof that a live person is present.
     *
     * @param attempts how many tries the applicant has, 1 to 5
     * @param actions for custom liveness, the head movements asked for, in order
     */
    record Liveness(Integer attempts, LivenessMode mode, List<LivenessAction> actions) implements StepSettings {

        public Liveness {
            attempts = attempts == null ? 3 : attempts;
            mode = mode == null ? LivenessMode.ONE_SHOT : mode;
            actions = orEmpty(actions);
        }

        @Override
        public void check(Violations violations) {
            violations.require(attempts >= 1 && attempts <= 5, "attempts", "range", "must be 1 to 5");
            violations.require(
                    mode != LivenessMode.CUSTOM || !actions.isEmpty(),
                    "actions",
                    "empty",
                    "custom liveness needs at least one action");
            violations.require(
                    mode == LivenessMode.CUSTOM || actions.isEmpty(),
                    "actions",
                    "notCustom",
                    "actions are chosen only for custom liveness");
        }
    }

    /**
     * Comparison of faces from several sources.
     *
     * @param autoApproveThreshold similarity in percent from which the match counts as passed
     */
    record FaceMatch(Set<FaceSource> sources, Integer autoApproveThreshold) implements StepSettings {

        public FaceMatch {
            sources = enums(sources, FaceSource.class, Set.of(FaceSource.DOCUMENT_PHOTO, FaceSource.LIVENESS));
            autoApproveThreshold = autoApproveThreshold == null ? 85 : autoApproveThreshold;
        }

        @Override
        public void check(Violations violations) {
            violations.require(sources.size() >= 2, "sources", "tooFew", "choose at least two sources");
            violations.require(
                    autoApproveThreshold >= 50 && autoApproveThreshold <= 100,
                    "autoApproveThreshold",
                    "range",
                    "must be 50 to 100");
        }
    }

    /** Email verification; {@code attempts} is how many wrong codes are allowed, 1 to 10. */
    record Email(Boolean otp, Integer attempts) implements StepSettings {

        public Email {
            otp = otp == null || otp;
            attempts = attempts == null ? 3 : attempts;
        }

        @Override
        public void check(Violations violations) {
            violations.require(attempts >= 1 && attempts <= 10, "attempts", "range", "must be 1 to 10");
        }
    }

    /** Phone verification; {@code hlr} looks the number up in the network's home location register. */
    record Phone(Boolean otp, Boolean hlr, Integer attempts, PhoneChannel channel) implements StepSettings {

        public Phone {
            otp = otp == null || otp;
            hlr = hlr != null && hlr;
            attempts = attempts == null ? 3 : attempts;
            channel = channel == null ? PhoneChannel.SMS : channel;
        }

        @Override
        public void check(Violations violations) {
            violations.require(attempts >= 1 && attempts <= 10, "attempts", "range", "must be 1 to 10");
            violations.require(otp || hlr, "otp", "nothingChecked", "turn on the code, the network lookup, or both");
        }
    }

    /** A questionnaire the applicant answers. */
    record Questionnaire(@Nullable String questionnaireId) implements StepSettings {

        @Override
        public void check(Violations violations) {
            violations.require(
                    questionnaireId != null && !questionnaireId.isBlank(),
                    "questionnaireId",
                    "required",
                    "choose a questionnaire");
        }
    }

    /** A utility bill or bank statement; {@code maxAgeDays} is how old it may be. */
    record ProofOfAddress(Integer maxAgeDays) implements StepSettings {

        public ProofOfAddress {
            maxAgeDays = maxAgeDays == null ? 90 : maxAgeDays;
        }

        @Override
        public void check(Violations violations) {
            violations.require(maxAgeDays >= 1 && maxAgeDays <= 366, "maxAgeDays", "range", "must be 1 to 366");
        }
    }

    /** A crypto wallet: proof of ownership by signature, and optionally screening of the address. */
    /**
     * A crypto address the applicant proves they hold, optionally screened.
     *
     * @param unknownWallet what an address no AML source has data on does: waits for a person (the default) or passes
     */
    record CryptoWallet(Boolean ownership, Boolean walletAml, Set<Network> networks, UnknownWallet unknownWallet)
            implements StepSettings {

        public CryptoWallet {
            ownership = ownership == null || ownership;
            walletAml = walletAml != null && walletAml;
            networks = enums(networks, Network.class, Set.of(Network.ETHEREUM, Network.BITCOIN));
            unknownWallet = unknownWallet == null ? UnknownWallet.REVIEW : unknownWallet;
        }

        @Override
        public void check(Violations violations) {
            violations.require(!networks.isEmpty(), "networks", "empty", "choose at least one network");
        }
    }

    /**
     * Sanctions and PEP screening, optionally repeated.
     *
     * @param lists what the applicant is screened against: sanctions lists only, or sanctions and PEP lists (the
     *     default). Each needs a current list of its kind, or the applicant waits for a person.
     */
    record Aml(Boolean ongoingMonitoring, @Nullable Periodicity periodicity, AmlLists lists) implements StepSettings {

        public Aml {
            ongoingMonitoring = ongoingMonitoring != null && ongoingMonitoring;
            lists = lists == null ? AmlLists.SANCTIONS_AND_PEP : lists;
        }

        public Aml(Boolean ongoingMonitoring, @Nullable Periodicity periodicity) {
            this(ongoingMonitoring, periodicity, AmlLists.SANCTIONS_AND_PEP);
        }

        @Override
        public void check(Violations violations) {
            violations.require(
                    !ongoingMonitoring || periodicity != null,
                    "periodicity",
                    "required",
                    "ongoing monitoring needs a periodicity");
            violations.require(
                    ongoingMonitoring || periodicity == null,
                    "periodicity",
                    "notMonitoring",
                    "a periodicity is set only with ongoing monitoring");
        }
    }

    enum DocumentType {
        PASSPORT,
        ID_CARD,
        DRIVING_LICENCE,
        RESIDENCE_PERMIT,
        VISA
    }

    enum CaptureWay {
        GALLERY,
        CAMERA,
        AUTOCAPTURE
    }

    enum Device {
        MOBILE,
        DESKTOP
    }

    enum LivenessMode {
        ONE_SHOT,
        ACTIVE_3D,
        CUSTOM
    }

    enum LivenessAction {
        TURN_LEFT,
        TURN_RIGHT,
        LOOK_UP,
        LOOK_DOWN,
        SMILE,
        BLINK
    }

    enum FaceSource {
        DOCUMENT_PHOTO,
        LIVENESS,
        SELFIE,
        EXTERNAL_DATABASE
    }

    enum PhoneChannel {
        SMS,
        CALL
    }

    enum Network {
        ETHEREUM,
        BITCOIN
    }

    /** What a crypto address no AML source knows does. */
    enum UnknownWallet {
        REVIEW,
        ACCEPT
    }

    /** The lists an AML step screens against. */
    enum AmlLists {
        SANCTIONS,
        SANCTIONS_AND_PEP
    }

    enum Periodicity {
        DAILY,
        WEEKLY,
        MONTHLY
    }

    /** An unmodifiable set in declaration order, so settings read and print the same way every time. */
    private static <E extends Enum<E>> Set<E> enums(@Nullable Set<E> given, Class<E> type, Set<E> fallback) {
        EnumSet<E> set = EnumSet.noneOf(type);
        set.addAll(given == null ? fallback : given);
        return Collections.unmodifiableSet(set);
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
