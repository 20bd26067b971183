package org.openkyc.hosted.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.LinkSession;
import org.openkyc.applicants.StepState;
import org.openkyc.biometrics.LivenessChecks;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.UnauthorizedException;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.documents.address.AddressEvidence;
import org.openkyc.hosted.Challenge;
import org.openkyc.hosted.CodeCheck;
import org.openkyc.hosted.HostedDocuments;
import org.openkyc.hosted.HostedFlow;
import org.openkyc.hosted.HostedLiveness;
import org.openkyc.hosted.HostedQuestionnaire;
import org.openkyc.hosted.PendingCode;
import org.openkyc.hosted.WalletOutcome;
import org.openkyc.media.MediaItem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;

/**
 * The hosted flow as an API for the web SDK and native clients, authorised by the applicant's access token
 * ({@code Authorization: Bearer at_…}). Every call is safe to repeat: it answers the state the applicant is in.
 */
@RestController
class SdkApiController {

    private final HostedFlow flow;
    private final HostedDocuments documents;
    private final HostedLiveness liveness;
    private final HostedQuestionnaire questionnaires;

    SdkApiController(
            HostedFlow flow, HostedDocuments documents, HostedLiveness liveness, HostedQuestionnaire questionnaires) {
        this.flow = flow;
        this.documents = documents;
        this.liveness = liveness;
        this.questionnaires = questionnaires;
    }

    /** Where the applicant stands. */
    public record Session(
            String applicantId,
            String externalUserId,
            String flowId,
            int flowVersion,
            String mode,
            String lang,
            String status,
            String step,
            int stepNumber,
            int stepCount,
            boolean finished,
            List<StepState> steps,
            @Nullable PendingCode code,
            @Nullable String blockedCountry,
            Instant expiresAt) {}

    @GetMapping("/sdk/v1/session")
    Session session(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return view(bearer(authorization));
    }

    @PostMapping("/sdk/v1/start")
    Session start(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        String token = token(authorization);
        flow.start(token, ClientInfo.of(request));
        return view(token);
    }

    record EmailRequest(@Nullable String email) {}

    @PostMapping("/sdk/v1/email/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PendingCode sendEmailCode(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody EmailRequest body) {
        return flow.sendEmailCode(token(authorization), body.email() == null ? "" : body.email());
    }

    record CodeRequest(@Nullable String code) {}

    /** A right code answers the session; anything else a 400 problem naming why (WRONG, EXPIRED, …). */
    @PostMapping("/sdk/v1/email/verify")
    Session verifyEmailCode(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody CodeRequest body,
            HttpServletRequest request) {
        String token = token(authorization);
        return verified(
                token, flow.verifyEmailCode(token, body.code() == null ? "" : body.code(), ClientInfo.of(request)));
    }

    record PhoneRequest(@Nullable String phone) {}

    /** Sends a code by SMS or call, as the flow says; 502 when the phone provider did not take it. */
    @PostMapping("/sdk/v1/phone/code")
    @ResponseStatus(HttpStatus.ACCEPTED)
    PendingCode sendPhoneCode(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody PhoneRequest body) {
        return flow.sendPhoneCode(token(authorization), body.phone() == null ? "" : body.phone());
    }

    @PostMapping("/sdk/v1/phone/verify")
    Session verifyPhoneCode(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody CodeRequest body,
            HttpServletRequest request) {
        String token = token(authorization);
        return verified(
                token, flow.verifyPhoneCode(token, body.code() == null ? "" : body.code(), ClientInfo.of(request)));
    }

    record WalletRequest(@Nullable String network, @Nullable String address) {}

    /** The message to sign with the key of the address (a new one each call). */
    @PostMapping("/sdk/v1/wallet/challenge")
    Challenge walletChallenge(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody WalletRequest body) {
        return flow.walletChallenge(
                token(authorization),
                body.network() == null ? "" : body.network(),
                body.address() == null ? "" : body.address());
    }

    record SignatureRequest(@Nullable String signature) {}

    /** A signature over the latest message; anything but a good one is a 400 problem naming why. */
    @PostMapping("/sdk/v1/wallet/verify")
    Session verifyWallet(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody SignatureRequest body,
            HttpServletRequest request) {
        String token = token(authorization);
        WalletOutcome outcome =
                flow.verifyWallet(token, body.signature() == null ? "" : body.signature(), ClientInfo.of(request));
        if (outcome != WalletOutcome.VERIFIED) {
            throw InvalidInputException.of(
                    "signature",
                    outcome.name(),
                    switch (outcome) {
                        case BAD_SIGNATURE -> "was not made by the key of the address over the latest message";
                        case STALE -> "is over a message older than 7 days; ask for a new one";
                        default -> "ask for a message to sign first";
                    });
        }
        return view(token);
    }

    /**
     * An upload for a step of the flow ({@code purpose}: DOCUMENT_FRONT, DOCUMENT_BACK, SELFIE, PROOF_OF_ADDRESS), as
     * multipart field {@code file}; judged by its content, at most 10 MiB and 40 megapixels, stored without metadata.
     */
    @PostMapping("/sdk/v1/media")
    @ResponseStatus(HttpStatus.CREATED)
    MediaItem upload(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(value = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        String token = token(authorization);
        if (file == null) {
            throw InvalidInputException.of("file", "required", "send the file as multipart field file");
        }
        return flow.upload(token, purpose, file.getBytes());
    }

    /**
     * The identity document: photos uploaded first through {@code /sdk/v1/media} ({@code front}, {@code back} as their
     * ids), or the zone as text ({@code mrz}) from an app that read it over NFC or on the device; {@code documentType}
     * and {@code country} (ISO alpha-2) as the applicant chose them. The check runs at once.
     */
    record DocumentRequest(
            @Nullable String documentType,
            @Nullable String country,
            @Nullable UUID front,
            @Nullable UUID back,
            @Nullable String mrz) {}

    @PostMapping("/sdk/v1/document")
    Session document(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody DocumentRequest body,
            HttpServletRequest request) {
        String token = token(authorization);
        documents.submitDocument(
                token,
                body.documentType() == null ? "" : body.documentType(),
                body.country() == null ? "" : body.country(),
                body.front(),
                body.back(),
                body.mrz(),
                ClientInfo.of(request));
        return view(token);
    }

    record SelfieRequest(@Nullable UUID selfie) {}

    /** The selfie with the document, uploaded first through {@code /sdk/v1/media} with purpose SELFIE. */
    @PostMapping("/sdk/v1/selfie")
    Session selfie(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody SelfieRequest body,
            HttpServletRequest request) {
        String token = token(authorization);
        documents.submitSelfie(token, body.selfie(), null, ClientInfo.of(request));
        return view(token);
    }

    record QuestionnaireRequest(@Nullable Map<String, Object> answers) {}

    /** The questionnaire's answers, keyed by question name; refused with an error per question when they break it. */
    @PostMapping("/sdk/v1/questionnaire")
    Session questionnaire(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody(required = false) @Nullable QuestionnaireRequest body) {
        String token = token(authorization);
        questionnaires.submit(token, body == null || body.answers() == null ? Map.of() : body.answers());
        return view(token);
    }

    /** A liveness challenge: what to do in front of the camera, and the attempt the frames belong to. */
    @PostMapping("/sdk/v1/liveness/challenge")
    LivenessChecks.Challenge livenessChallenge(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
        return liveness.challenge(token(authorization));
    }

    /** The liveness step's answer and where the applicant stands. */
    public record LivenessAnswer(HostedLiveness.Outcome outcome, Session session) {}

    /**
     * The frames of a liveness attempt, as multipart {@code frames} (JPEG or PNG, in the order taken) with
     * {@code segments}: for each frame the part of the challenge it was taken in (0 looking at the camera, then 1 for
     * the first action, …), comma-separated.
     */
    @PostMapping("/sdk/v1/liveness")
    LivenessAnswer liveness(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestParam(value = "attempt", defaultValue = "") String attempt,
            @RequestParam(value = "frames", required = false) @Nullable List<MultipartFile> frames,
            @RequestParam(value = "segments", defaultValue = "") String segments)
            throws IOException {
        String token = token(authorization);
        if (attempt.isBlank()) {
            throw InvalidInputException.of("attempt", "required", "name the attempt the challenge gave");
        }
        List<MultipartFile> sent = frames == null ? List.of() : frames;
        String[] parts = segments.isBlank() ? new String[0] : segments.split(",");
        if (parts.length != sent.size()) {
            throw InvalidInputException.of("segments", "count", "give one segment per frame");
        }
        List<LivenessChecks.Frame> taken = new java.util.ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            int segment;
            try {
                segment = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw InvalidInputException.of("segments", "number", "segments are whole numbers");
            }
            taken.add(new LivenessChecks.Frame(sent.get(i).getBytes(), segment));
        }
        HostedLiveness.Outcome outcome = liveness.submit(token, org.openkyc.core.Ids.parse(attempt), taken);
        return new LivenessAnswer(outcome, view(token));
    }

    /** The proof of address: the file uploaded first ({@code file}, purpose PROOF_OF_ADDRESS) and the declaration. */
    record AddressRequest(
            @Nullable UUID file,
            @Nullable String fullName,
            @Nullable String street,
            @Nullable String city,
            @Nullable String postCode,
            @Nullable String country) {}

    @PostMapping("/sdk/v1/address")
    Session address(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            @RequestBody AddressRequest body,
            HttpServletRequest request) {
        String token = token(authorization);
        documents.submitAddress(
                token,
                body.file(),
                null,
                new AddressEvidence.Declared(
                        text(body.fullName()),
                        text(body.street()),
                        text(body.city()),
                        text(body.postCode()),
                        text(body.country())),
                ClientInfo.of(request));
        return view(token);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    @PostMapping("/sdk/v1/finish")
    Map<String, Object> finish(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization,
            HttpServletRequest request) {
        String token = token(authorization);
        flow.finish(token, ClientInfo.of(request));
        HostedFlow.Screen screen = screen(token);
        return Map.of(
                "status",
                screen.session().status().name(),
                "redirectUrl",
                flow.redirectUrl(screen.session()).orElse(""));
    }

    private Session view(String token) {
        HostedFlow.Screen screen = screen(token);
        LinkSession session = screen.session();
        return new Session(
                session.applicantId().toString(),
                session.externalUserId(),
                session.flow().id().toString(),
                session.flow().version(),
                session.mode().code(),
                screen.locale().getLanguage(),
                session.status().name(),
                screen.step().name(),
                screen.number(),
                screen.count(),
                screen.finished(),
                session.steps(),
                screen.code(),
                screen.blockedCountry(),
                session.expiresAt());
    }

    private HostedFlow.Screen screen(String token) {
        HttpServletRequest request =
                ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        HostedFlow.Opened opened = flow.open(token, ClientInfo.of(request));
        if (opened.state() != LinkSession.State.OPEN || opened.screen() == null) {
            throw new UnauthorizedException(
                    switch (opened.state()) {
                        case EXPIRED -> "The access token has expired.";
                        case REVOKED -> "The access token was revoked.";
                        default -> "The access token is unknown.";
                    });
        }
        return opened.screen();
    }

    /** The bearer token, checked to open a flow before an action runs. */
    private String token(@Nullable String authorization) {
        String token = bearer(authorization);
        screen(token);
        return token;
    }

    private static String bearer(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("Send Authorization: Bearer with the applicant's access token.");
        }
        return authorization.substring(7).strip();
    }

    /** The session after a right code; a 400 problem naming why for anything else. */
    private Session verified(String token, CodeCheck check) {
        if (check != CodeCheck.VERIFIED) {
            throw InvalidInputException.of("code", check.name(), message(check));
        }
        return view(token);
    }

    private static String message(CodeCheck check) {
        return switch (check) {
            case WRONG -> "is not the code that was sent";
            case EXPIRED -> "has expired; ask for a new one";
            case NO_TRIES_LEFT -> "was tried too often; ask for a new one";
            default -> "ask for a code first";
        };
    }
}
