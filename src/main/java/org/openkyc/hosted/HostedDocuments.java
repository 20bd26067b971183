package org.openkyc.hosted;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.LinkSession;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.documents.DocumentCheck;
import org.openkyc.documents.DocumentChecks;
import org.openkyc.documents.DocumentRules;
import org.openkyc.documents.address.AddressChecks;
import org.openkyc.documents.address.AddressEvidence;
import org.openkyc.flows.definition.Countries;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepType;
import org.openkyc.hosted.HostedFlow.Purpose;
import org.openkyc.media.MediaItem;
import org.openkyc.media.MediaLibrary;
import org.springframework.stereotype.Service;

/**
 * The hosted flow's steps with documents: the identity document, the selfie with it, and the proof of address. The
 * checks run in the documents module; this is where their outcome moves the applicant's steps and raises warnings.
 */
@Service
public class HostedDocuments {

    private final HostedFlow flow;
    private final ApplicantManagement applicants;
    private final DocumentChecks documents;
    private final AddressChecks addresses;
    private final MediaLibrary media;
    private final NotChecked notChecked;

    HostedDocuments(
            HostedFlow flow,
            ApplicantManagement applicants,
            DocumentChecks documents,
            AddressChecks addresses,
            MediaLibrary media,
            NotChecked notChecked) {
        this.flow = flow;
        this.applicants = applicants;
        this.documents = documents;
        this.addresses = addresses;
        this.media = media;
        this.notChecked = notChecked;
    }

    /**
     * The applicant presented an identity document: photos already uploaded (or a zone their app read), the kind and
     * the issuing country they chose. The document is checked at once; a valid one passes the step, any other is
     * submitted for a person with warnings naming what is wrong (expired, duplicate, not valid). A document that could
     * not be checked at all (no MRZ model) is submitted with a {@code CHECK_UNAVAILABLE} warning instead: not the
     * applicant's fault.
     */
    public DocumentCheck submitDocument(
            String token,
            String documentType,
            String country,
            @Nullable UUID front,
            @Nullable UUID back,
            @Nullable String mrz,
            ClientInfo client) {
        LinkSession session = flow.session(token);
        StepSettings.Document settings = HostedFlow.settings(session, StepType.DOCUMENT, StepSettings.Document.class);
        requireInFlow(session);
        requireDevice(settings.devices(), client);
        StepSettings.DocumentType type = documentType(documentType, settings);
        String issuer = country.strip().toUpperCase(Locale.ROOT);
        if (!Countries.isCode(issuer)) {
            throw InvalidInputException.of("country", "country", "must be an ISO 3166 alpha-2 country code");
        }
        if (!settings.countries().allows(issuer)) {
            throw InvalidInputException.of("country", "notAccepted", "documents of this country are not accepted");
        }
        if (front == null) {
            throw InvalidInputException.of("front", "required", "a photo of the document's front is needed");
        }
        if (back == null && TWO_SIDED.contains(type) && (mrz == null || mrz.isBlank())) {
            throw InvalidInputException.of("back", "required", "a photo of the document's back is needed");
        }
        DocumentCheck check = documents.check(
                session.companyId(),
                session.applicantId().value(),
                settings,
                new DocumentChecks.Submission(type, issuer, front, back, mrz),
                declared(session));
        String summary = type.name() + " " + check.issuingCountry()
                + (check.documentNumber() != null ? " " + check.documentNumber() : "");
        if (check.notChecked() != null) {
            notChecked.forPerson(
                    session.applicantId(), StepType.DOCUMENT, ActorType.APPLICANT, "document", check.notChecked());
            return check;
        }
        if (check.valid()) {
            applicants.passStep(session.applicantId(), StepType.DOCUMENT, "valid: " + summary, ActorType.APPLICANT);
            return check;
        }
        applicants.submitStep(
                session.applicantId(),
                StepType.DOCUMENT,
                "not valid: " + summary + "; " + String.join("; ", check.problems()),
                ActorType.APPLICANT);
        if (check.expired()) {
            applicants.raiseWarning(
                    session.applicantId(),
                    "DOCUMENT_EXPIRED",
                    "The document " + summary + " "
                            + Objects.requireNonNull(check.field("expiryDate")).note() + ".");
        }
        for (UUID other : check.duplicates()) {
            applicants.raiseWarning(
                    session.applicantId(),
                    "DUPLICATE_DOCUMENT",
                    "The document " + summary + " was also presented by applicant " + other + ".");
        }
        applicants.raiseWarning(
                session.applicantId(),
                "DOCUMENT_NOT_VALID",
                "The document did not pass its checks: " + String.join("; ", check.problems()) + ".");
        return check;
    }

    /** The hosted page's form: photos sent with the form are stored first, then the document is checked. */
    public DocumentCheck submitDocumentPhotos(
            String token,
            String documentType,
            String country,
            byte @Nullable [] front,
            byte @Nullable [] back,
            ClientInfo client) {
        UUID frontId = front == null
                ? null
                : flow.upload(token, Purpose.DOCUMENT_FRONT.name(), front).id();
        UUID backId = back == null
                ? null
                : flow.upload(token, Purpose.DOCUMENT_BACK.name(), back).id();
        return submitDocument(token, documentType, country, frontId, backId, null, client);
    }

    /** The applicant took a selfie holding their document; it passes the step and is kept for the reviewer. */
    public MediaItem submitSelfie(String token, @Nullable UUID selfie, byte @Nullable [] photo, ClientInfo client) {
        LinkSession session = flow.session(token);
        HostedFlow.settings(session, StepType.SELFIE_WITH_DOCUMENT, StepSettings.SelfieWithDocument.class);
        requireInFlow(session);
        MediaItem item;
        if (photo != null) {
            item = flow.upload(token, Purpose.SELFIE.name(), photo);
        } else if (selfie != null) {
            item = media.item(session.companyId(), selfie)
                    .filter(m -> m.applicantId().equals(session.applicantId().value()))
                    .filter(m -> m.purpose().equals(Purpose.SELFIE.name()))
                    .orElseThrow(() -> InvalidInputException.of("selfie", "unknown", "is not a selfie of yours"));
        } else {
            throw InvalidInputException.of("selfie", "required", "a selfie with the document is needed");
        }
        applicants.passStep(
                session.applicantId(),
                StepType.SELFIE_WITH_DOCUMENT,
                "selfie " + item.id() + " taken " + item.createdAt(),
                ActorType.APPLICANT);
        return item;
    }

    /**
     * The applicant's proof of address: the bill or statement (uploaded first, or sent with the form) and the name
     * and address they declare. CLEAR passes the step; CONSIDER submits it for a person with the reasons.
     */
    public AddressChecks.AddressCheck submitAddress(
            String token,
            @Nullable UUID file,
            byte @Nullable [] upload,
            AddressEvidence.Declared declared,
            ClientInfo client) {
        LinkSession session = flow.session(token);
        StepSettings.ProofOfAddress settings =
                HostedFlow.settings(session, StepType.PROOF_OF_ADDRESS, StepSettings.ProofOfAddress.class);
        requireInFlow(session);
        AddressEvidence.Declared checked = new AddressEvidence.Declared(
                required("fullName", declared.fullName()),
                required("street", declared.street()),
                required("city", declared.city()),
                required("postCode", declared.postCode()),
                required("country", declared.country()).toUpperCase(Locale.ROOT));
        if (!Countries.isCode(checked.country())) {
            throw InvalidInputException.of("country", "country", "must be an ISO 3166 alpha-2 country code");
        }
        UUID media = upload != null
                ? flow.upload(token, Purpose.PROOF_OF_ADDRESS.name(), upload).id()
                : file;
        if (media == null) {
            throw InvalidInputException.of("file", "required", "the bill or statement is needed");
        }
        AddressChecks.AddressCheck check = addresses.check(
                session.companyId(),
                session.applicantId().value(),
                media,
                checked,
                settings.maxAgeDays(),
                flow.country(client.ip(), null));
        AddressEvidence.Verdict verdict = check.verdict();
        if (verdict.clear()) {
            applicants.passStep(
                    session.applicantId(),
                    StepType.PROOF_OF_ADDRESS,
                    "CLEAR: " + checked.street() + ", " + checked.postCode() + " " + checked.city() + ", "
                            + checked.country() + "; issued " + verdict.issued(),
                    ActorType.APPLICANT);
        } else {
            applicants.submitStep(
                    session.applicantId(),
                    StepType.PROOF_OF_ADDRESS,
                    "CONSIDER: " + String.join("; ", verdict.reasons()),
                    ActorType.APPLICANT);
            applicants.raiseWarning(
                    session.applicantId(),
                    "PROOF_OF_ADDRESS_CONSIDER",
                    "The proof of address needs a look: " + String.join("; ", verdict.reasons()) + ".");
        }
        return check;
    }

    /** The name and address the integrator or the applicant gave already, to fill the form with. */
    public AddressEvidence.Declared declaredAddress(LinkSession session) {
        Map<String, Object> known = new java.util.HashMap<>(session.info());
        known.putAll(session.fixedInfo());
        String name = String.join(
                " ",
                java.util.stream.Stream.of(text(known.get("firstName")), text(known.get("lastName")))
                        .filter(Objects::nonNull)
                        .toList());
        return new AddressEvidence.Declared(
                name,
                Objects.requireNonNullElse(text(known.get("street")), ""),
                Objects.requireNonNullElse(text(known.get("city")), ""),
                Objects.requireNonNullElse(text(known.get("postCode")), ""),
                Objects.requireNonNullElse(
                        text(known.get("country")), Objects.requireNonNullElse(session.country(), "")));
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw InvalidInputException.of(field, "required", "is needed");
        }
        if (value.strip().length() > 200) {
            throw InvalidInputException.of(field, "size", "must be at most 200 characters");
        }
        return value.strip();
    }

    private static final Set<StepSettings.DocumentType> TWO_SIDED = Set.of(
            StepSettings.DocumentType.ID_CARD,
            StepSettings.DocumentType.DRIVING_LICENCE,
            StepSettings.DocumentType.RESIDENCE_PERMIT);

    /** Whether a document kind has a back that must be photographed too. */
    public static boolean twoSided(StepSettings.DocumentType type) {
        return TWO_SIDED.contains(type);
    }

    /** The document kinds a step accepts, in the order they are offered. */
    public static List<StepSettings.DocumentType> documentTypes(StepSettings.Document settings) {
        return java.util.Arrays.stream(StepSettings.DocumentType.values())
                .filter(t -> settings.permittedDocumentTypes().isEmpty()
                        || settings.permittedDocumentTypes().contains(t))
                .filter(t -> !settings.excludedDocumentTypes().contains(t))
                .toList();
    }

    private static StepSettings.DocumentType documentType(String given, StepSettings.Document settings) {
        StepSettings.DocumentType type;
        try {
            type = StepSettings.DocumentType.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(
                    "documentType", "documentType", "must be one of " + List.of(StepSettings.DocumentType.values()));
        }
        if (!documentTypes(settings).contains(type)) {
            throw InvalidInputException.of("documentType", "notAccepted", "this flow does not take this document");
        }
        return type;
    }

    /** Whether the applicant's device is one the step allows (phones and tablets count as mobile). */
    static boolean mobile(ClientInfo client) {
        String os = client.os() == null ? "" : client.os().toLowerCase(Locale.ROOT);
        return os.contains("android") || os.contains("ios") || os.contains("ipad");
    }

    /** Whether a step that names devices may be taken on the applicant's. */
    public static boolean deviceAllowed(Set<StepSettings.Device> devices, ClientInfo client) {
        return devices.contains(mobile(client) ? StepSettings.Device.MOBILE : StepSettings.Device.DESKTOP);
    }

    private static void requireDevice(Set<StepSettings.Device> devices, ClientInfo client) {
        if (!deviceAllowed(devices, client)) {
            throw InvalidInputException.of(
                    "device",
                    "device",
                    "this step is taken on a "
                            + devices.iterator().next().name().toLowerCase(Locale.ROOT)
                            + " device; open the link there");
        }
    }

    private static void requireInFlow(LinkSession session) {
        if (session.status() != ApplicantStatus.INCOMPLETE) {
            throw new ConflictException("Steps are taken while the applicant goes through the flow.");
        }
    }

    /** What the integrator and the applicant said about the person, for comparing with the document. */
    static DocumentRules.Declared declared(LinkSession session) {
        Map<String, Object> known = new java.util.HashMap<>(session.info());
        known.putAll(session.fixedInfo());
        LocalDate birth = null;
        if (known.get("dateOfBirth") instanceof String text) {
            try {
                birth = LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                birth = null;
            }
        }
        return new DocumentRules.Declared(
                text(known.get("firstName")),
                text(known.get("lastName")),
                birth,
                text(known.getOrDefault("nationality", known.get("country"))),
                text(known.getOrDefault("sex", known.get("gender"))));
    }

    private static @Nullable String text(@Nullable Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
