package org.openkyc.hosted.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.Collator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.LinkSession;
import org.openkyc.applicants.StepState;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Links;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.TooManyRequestsException;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.core.web.PageLocale;
import org.openkyc.documents.address.AddressEvidence;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.hosted.CodeCheck;
import org.openkyc.hosted.CountryNotAllowedException;
import org.openkyc.hosted.HostedDocuments;
import org.openkyc.hosted.HostedFlow;
import org.openkyc.hosted.HostedQuestionnaire;
import org.openkyc.hosted.PhoneGateway;
import org.openkyc.hosted.WalletOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages an access link opens, one step at a time. Every action posts and redirects back to the link, which
 * shows wherever the applicant now stands; repeating an action is harmless. The pages keep no session (the token in
 * the path is the credential), so they also work inside the web SDK's iframe on another site; what an action has to
 * say travels as a message key in the redirect.
 */
@Controller
class HostedPages {

    private static final Pattern MESSAGE = Pattern.compile("hosted\\.[A-Za-z_.]{1,60}");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");
    private static final Pattern TOKEN = Pattern.compile("at_[A-Za-z0-9_-]{20,80}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HostedFlow flow;
    private final HostedDocuments documents;
    private final HostedQuestionnaire questionnaires;
    private final Links links;

    HostedPages(HostedFlow flow, HostedDocuments documents, HostedQuestionnaire questionnaires, Links links) {
        this.flow = flow;
        this.documents = documents;
        this.questionnaires = questionnaires;
        this.links = links;
    }

    /** Where a page goes back to after an action: its language, its embedding page, and what to tell. */
    record Back(@Nullable String lang, @Nullable String embed) {

        Back {
            lang = lang == null ? "" : lang;
            embed = embed == null ? "" : embed;
        }

        String to(String token, @Nullable String notice, @Nullable String problem) {
            return to(token, "", notice, problem);
        }

        String to(String token, String suffix, @Nullable String notice, @Nullable String problem) {
            if (!TOKEN.matcher(token).matches()) {
                throw new NotFoundException("No such link.");
            }
            UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/verify/" + token + suffix);
            if (lang != null && HostedFlow.LANGUAGES.contains(lang)) {
                uri.queryParam("lang", lang);
            }
            if (embed != null && ORIGIN.matcher(embed).matches()) {
                uri.queryParam("embed", embed);
            }
            if (notice != null) {
                uri.queryParam("notice", notice);
            }
            if (problem != null) {
                uri.queryParam("problem", problem);
            }
            return "redirect:" + uri.encode().build().toUriString();
        }
    }

    @GetMapping({"/verify/{token}", "/verify/{token}/done"})
    String page(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String lang,
            @RequestParam(required = false) @Nullable String embed,
            @RequestParam(required = false) @Nullable String notice,
            @RequestParam(required = false) @Nullable String problem,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        boolean done = request.getRequestURI().endsWith("/done");
        HostedFlow.Opened opened = flow.open(token, ClientInfo.of(request));
        Locale locale =
                lang != null && HostedFlow.LANGUAGES.contains(lang) ? Locale.forLanguageTag(lang) : opened.locale();
        String embedding = embed != null && ORIGIN.matcher(embed).matches() ? embed : null;
        PageLocale.set(request, locale);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("languages", HostedFlow.LANGUAGES);
        model.addAttribute("token", token);
        model.addAttribute("embed", embedding);
        model.addAttribute("notice", message(notice));
        model.addAttribute("problem", message(problem));
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        if (opened.state() != LinkSession.State.OPEN || opened.screen() == null) {
            response.setStatus(
                    opened.state() == LinkSession.State.UNKNOWN
                            ? HttpStatus.NOT_FOUND.value()
                            : HttpStatus.GONE.value());
            model.addAttribute("state", opened.state().name());
            model.addAttribute(
                    "embedState",
                    embedding == null
                            ? null
                            : json(Map.of("closed", opened.state().name())));
            return "hosted/closed";
        }
        HostedFlow.Screen screen = opened.screen();
        model.addAttribute("screen", screen);
        String blocked = screen.blockedCountry();
        model.addAttribute(
                "blockedCountryName",
                blocked == null ? "" : Locale.of("", blocked).getDisplayCountry(locale));
        model.addAttribute("walletChallenge", flow.pendingWallet(screen.session()));
        if (screen.settings() instanceof StepSettings.ProofOfAddress) {
            model.addAttribute("declared", documents.declaredAddress(screen.session()));
            model.addAttribute("countries", countries(List.of(), List.of(), locale));
        }
        if (screen.settings() instanceof StepSettings.Questionnaire questionnaire && !screen.finished()) {
            model.addAttribute("questionnaireSchema", questionnaires.schema(screen.session(), questionnaire));
        }
        if (screen.settings() instanceof StepSettings.Document document) {
            List<StepSettings.DocumentType> types = HostedDocuments.documentTypes(document);
            model.addAttribute("documentTypes", types);
            model.addAttribute(
                    "twoSided",
                    String.join(
                            " ",
                            types.stream()
                                    .filter(HostedDocuments::twoSided)
                                    .map(Enum::name)
                                    .toList()));
            model.addAttribute(
                    "countries", countries(document.permittedCountries(), document.excludedCountries(), locale));
            model.addAttribute("defaultCountry", screen.session().country());
            model.addAttribute(
                    "captureWays",
                    String.join(
                            " ", document.captureWays().stream().map(Enum::name).toList()));
            model.addAttribute(
                    "deviceAllowed", HostedDocuments.deviceAllowed(document.devices(), ClientInfo.of(request)));
        }
        model.addAttribute("style", screen.flow().style());
        model.addAttribute(
                "continueTo",
                done && screen.finished() && embedding == null
                        ? flow.redirectUrl(screen.session()).orElse(null)
                        : null);
        model.addAttribute("embedState", embedding == null ? null : embedState(screen, message(problem)));
        if (!screen.finished() && embedding == null) {
            String handoff = links.to("/verify/" + token + "?lang=" + locale.getLanguage());
            model.addAttribute("handoffUrl", handoff);
            model.addAttribute("handoffQr", QrCodes.dataUri(handoff, 200));
        }
        return "hosted/flow";
    }

    @PostMapping("/verify/{token}/start")
    String start(@PathVariable String token, Back back, HttpServletRequest request) {
        try {
            flow.start(token, ClientInfo.of(request));
        } catch (CountryNotAllowedException e) {
            // the page says so
        }
        return back.to(token, null, null);
    }

    @PostMapping("/verify/{token}/email/code")
    String sendCode(@PathVariable String token, @RequestParam(defaultValue = "") String email, Back back) {
        try {
            flow.sendEmailCode(token, email);
            return back.to(token, "hosted.email.sent", null);
        } catch (InvalidInputException e) {
            return back.to(
                    token,
                    null,
                    switch (e.errors().getFirst().code()) {
                        case "disposable" -> "hosted.email.disposable";
                        case "domain" -> "hosted.email.domain";
                        default -> "hosted.email.invalid";
                    });
        } catch (TooManyRequestsException e) {
            return back.to(token, null, "hosted.email.tooMany");
        }
    }

    @PostMapping("/verify/{token}/email/verify")
    String verifyCode(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String code,
            Back back,
            HttpServletRequest request) {
        CodeCheck check = flow.verifyEmailCode(token, code, ClientInfo.of(request));
        return back.to(token, null, check == CodeCheck.VERIFIED ? null : "hosted.code." + check.name());
    }

    @PostMapping("/verify/{token}/phone/code")
    String sendPhoneCode(@PathVariable String token, @RequestParam(defaultValue = "") String phone, Back back) {
        try {
            flow.sendPhoneCode(token, phone);
            return back.to(token, "hosted.phone.sent", null);
        } catch (InvalidInputException e) {
            return back.to(token, null, "hosted.phone." + e.errors().getFirst().code());
        } catch (TooManyRequestsException e) {
            return back.to(token, null, "hosted.email.tooMany");
        } catch (PhoneGateway.PhoneGatewayException e) {
            return back.to(token, null, "hosted.phone.notSent");
        }
    }

    @PostMapping("/verify/{token}/phone/verify")
    String verifyPhoneCode(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String code,
            Back back,
            HttpServletRequest request) {
        CodeCheck check = flow.verifyPhoneCode(token, code, ClientInfo.of(request));
        return back.to(token, null, check == CodeCheck.VERIFIED ? null : "hosted.code." + check.name());
    }

    @PostMapping("/verify/{token}/wallet/challenge")
    String walletChallenge(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String network,
            @RequestParam(defaultValue = "") String address,
            Back back) {
        try {
            flow.walletChallenge(token, network, address);
            return back.to(token, null, null);
        } catch (InvalidInputException e) {
            return back.to(token, null, "hosted.wallet.invalid");
        }
    }

    @PostMapping("/verify/{token}/wallet/verify")
    String verifyWallet(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String signature,
            Back back,
            HttpServletRequest request) {
        WalletOutcome outcome = flow.verifyWallet(token, signature, ClientInfo.of(request));
        return back.to(token, null, outcome == WalletOutcome.VERIFIED ? null : "hosted.wallet." + outcome.name());
    }

    @PostMapping("/verify/{token}/document")
    String document(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String documentType,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(value = "front", required = false) @Nullable MultipartFile front,
            @RequestParam(value = "back", required = false) @Nullable MultipartFile back,
            Back backTo,
            HttpServletRequest request)
            throws IOException {
        return fileStep(
                token,
                backTo,
                () -> documents
                        .submitDocumentPhotos(
                                token, documentType, country, bytes(front), bytes(back), ClientInfo.of(request))
                        .valid());
    }

    @PostMapping("/verify/{token}/selfie")
    String selfie(
            @PathVariable String token,
            @RequestParam(value = "selfie", required = false) @Nullable MultipartFile selfie,
            Back backTo,
            HttpServletRequest request)
            throws IOException {
        return fileStep(token, backTo, () -> {
            documents.submitSelfie(token, null, bytes(selfie), ClientInfo.of(request));
            return true;
        });
    }

    /** A step's answer to a form with files; a check a person must look at, or a refusal, is said on the page. */
    private static String fileStep(String token, Back back, FileStep step) throws IOException {
        try {
            return back.to(token, step.run() ? null : "hosted.document.received", null);
        } catch (InvalidInputException e) {
            return back.to(
                    token, null, "hosted.document." + e.errors().getFirst().code());
        }
    }

    /** Runs a step with the form's files; answers whether its check passed. */
    @FunctionalInterface
    private interface FileStep {
        boolean run() throws IOException;
    }

    /** Countries, as code and name in the page's language, by name: the permitted ones (or all) but the excluded. */
    private static List<Map.Entry<String, String>> countries(
            List<String> permitted, List<String> excluded, Locale locale) {
        List<String> codes = permitted.isEmpty() ? List.of(Locale.getISOCountries()) : permitted;
        return codes.stream()
                .filter(c -> !excluded.contains(c))
                .map(c -> Map.entry(c, Locale.of("", c).getDisplayCountry(locale)))
                .sorted(Map.Entry.comparingByValue(Collator.getInstance(locale)))
                .toList();
    }

    @PostMapping("/verify/{token}/address")
    String address(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String fullName,
            @RequestParam(defaultValue = "") String street,
            @RequestParam(defaultValue = "") String city,
            @RequestParam(defaultValue = "") String postCode,
            @RequestParam(defaultValue = "") String country,
            @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
            Back backTo,
            HttpServletRequest request)
            throws IOException {
        return fileStep(
                token,
                backTo,
                () -> documents
                        .submitAddress(
                                token,
                                null,
                                bytes(file),
                                new AddressEvidence.Declared(fullName, street, city, postCode, country),
                                ClientInfo.of(request))
                        .verdict()
                        .clear());
    }

    private static byte @Nullable [] bytes(@Nullable MultipartFile file) throws IOException {
        return file == null || file.isEmpty() ? null : file.getBytes();
    }

    @PostMapping("/verify/{token}/finish")
    String finish(@PathVariable String token, Back back, HttpServletRequest request) {
        flow.finish(token, ClientInfo.of(request));
        return back.to(token, "/done", null, null);
    }

    private static @Nullable String message(@Nullable String key) {
        return key != null && MESSAGE.matcher(key).matches() ? key : null;
    }

    /** What the web SDK learns from each page: who, where they stand, and what went wrong. */
    private String embedState(HostedFlow.Screen screen, @Nullable String problem) {
        LinkSession session = screen.session();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("appKey", flow.appKey(session));
        state.put("transactionId", session.applicantId().toString());
        state.put("externalUserId", session.externalUserId());
        state.put("flowId", session.flow().id().toString());
        state.put("mode", session.mode().code());
        state.put("status", session.status().name());
        state.put("stepType", screen.step().name());
        state.put("finished", screen.finished());
        state.put(
                "passedSteps",
                session.steps().stream()
                        .filter(s -> s.status() == StepState.StepStatus.PASSED)
                        .map(s -> s.type().name())
                        .toList());
        state.put("error", problem);
        return json(state);
    }

    /** JSON safe inside a script element: no {@code <} can close it. */
    private static String json(Object value) {
        return JSON.writeValueAsString(value).replace("<", "\\u003c");
    }
}
