package org.openkyc.hosted.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.LinkSession;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.TooManyRequestsException;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.core.web.PageLocale;
import org.openkyc.hosted.CodeCheck;
import org.openkyc.hosted.CountryNotAllowedException;
import org.openkyc.hosted.HostedFlow;
import org.openkyc.hosted.PhoneGateway;
import org.openkyc.hosted.WalletOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages an access link opens, one step at a time. Every action posts and redirects back to the link, which
 * shows wherever the applicant now stands; repeating an action is harmless.
 */
@Controller
class HostedPages {

    private final HostedFlow flow;

    HostedPages(HostedFlow flow) {
        this.flow = flow;
    }

    @GetMapping("/verify/{token}")
    String page(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return show(token, lang, false, request, response, model);
    }

    /** After Finish: the thank-you page, sending the applicant on to the application's redirect URL if it has one. */
    @GetMapping("/verify/{token}/done")
    String done(
            @PathVariable String token,
            @RequestParam(required = false) @Nullable String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        return show(token, lang, true, request, response, model);
    }

    private String show(
            String token,
            @Nullable String lang,
            boolean done,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        HostedFlow.Opened opened = flow.open(token, ClientInfo.of(request));
        Locale locale =
                lang != null && HostedFlow.LANGUAGES.contains(lang) ? Locale.forLanguageTag(lang) : opened.locale();
        PageLocale.set(request, locale);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("languages", HostedFlow.LANGUAGES);
        model.addAttribute("token", token);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        if (opened.state() != LinkSession.State.OPEN || opened.screen() == null) {
            response.setStatus(
                    opened.state() == LinkSession.State.UNKNOWN
                            ? HttpStatus.NOT_FOUND.value()
                            : HttpStatus.GONE.value());
            model.addAttribute("state", opened.state().name());
            return "hosted/closed";
        }
        model.addAttribute("screen", opened.screen());
        String blocked = opened.screen().blockedCountry();
        model.addAttribute(
                "blockedCountryName",
                blocked == null ? "" : Locale.of("", blocked).getDisplayCountry(locale));
        model.addAttribute("walletChallenge", flow.pendingWallet(opened.screen().session()));
        model.addAttribute("style", opened.screen().flow().style());
        model.addAttribute(
                "continueTo",
                done && opened.screen().finished()
                        ? flow.redirectUrl(opened.screen().session()).orElse(null)
                        : null);
        return "hosted/flow";
    }

    @PostMapping("/verify/{token}/start")
    String start(@PathVariable String token, @RequestParam(defaultValue = "") String lang, HttpServletRequest request) {
        try {
            flow.start(token, ClientInfo.of(request));
        } catch (CountryNotAllowedException e) {
            // the page says so
        }
        return back(token, lang);
    }

    @PostMapping("/verify/{token}/email/code")
    String sendCode(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String lang,
            RedirectAttributes redirect) {
        try {
            flow.sendEmailCode(token, email);
            redirect.addFlashAttribute("notice", "hosted.email.sent");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "problem",
                    e.errors().getFirst().code().equals("disposable")
                            ? "hosted.email.disposable"
                            : "hosted.email.invalid");
            redirect.addFlashAttribute("typed", email);
        } catch (TooManyRequestsException e) {
            redirect.addFlashAttribute("problem", "hosted.email.tooMany");
        }
        return back(token, lang);
    }

    @PostMapping("/verify/{token}/email/verify")
    String verifyCode(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        CodeCheck check = flow.verifyEmailCode(token, code, ClientInfo.of(request));
        if (check != CodeCheck.VERIFIED) {
            redirect.addFlashAttribute("problem", "hosted.code." + check.name());
        }
        return back(token, lang);
    }

    @PostMapping("/verify/{token}/phone/code")
    String sendPhoneCode(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String phone,
            @RequestParam(defaultValue = "") String lang,
            RedirectAttributes redirect) {
        try {
            flow.sendPhoneCode(token, phone);
            redirect.addFlashAttribute("notice", "hosted.phone.sent");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "problem", "hosted.phone." + e.errors().getFirst().code());
            redirect.addFlashAttribute("typed", phone);
        } catch (TooManyRequestsException e) {
            redirect.addFlashAttribute("problem", "hosted.email.tooMany");
        } catch (PhoneGateway.PhoneGatewayException e) {
            redirect.addFlashAttribute("problem", "hosted.phone.notSent");
            redirect.addFlashAttribute("typed", phone);
        }
        return back(token, lang);
    }

    @PostMapping("/verify/{token}/phone/verify")
    String verifyPhoneCode(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        CodeCheck check = flow.verifyPhoneCode(token, code, ClientInfo.of(request));
        if (check != CodeCheck.VERIFIED) {
            redirect.addFlashAttribute("problem", "hosted.code." + check.name());
        }
        return back(token, lang);
    }

    @PostMapping("/verify/{token}/wallet/challenge")
    String walletChallenge(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String network,
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "") String lang,
            RedirectAttributes redirect) {
        try {
            flow.walletChallenge(token, network, address);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("problem", "hosted.wallet.invalid");
            redirect.addFlashAttribute("typed", address);
        }
        return back(token, lang);
    }

    @PostMapping("/verify/{token}/wallet/verify")
    String verifyWallet(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String signature,
            @RequestParam(defaultValue = "") String lang,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        WalletOutcome outcome = flow.verifyWallet(token, signature, ClientInfo.of(request));
        if (outcome != WalletOutcome.VERIFIED) {
            redirect.addFlashAttribute("problem", "hosted.wallet." + outcome.name());
        }
        return back(token, lang);
    }

    @PostMapping("/verify/{token}/finish")
    String finish(
            @PathVariable String token, @RequestParam(defaultValue = "") String lang, HttpServletRequest request) {
        flow.finish(token, ClientInfo.of(request));
        return back(token, lang).replace("/verify/" + token, "/verify/" + token + "/done");
    }

    private static String back(String token, String lang) {
        if (!token.matches("at_[A-Za-z0-9_-]{20,80}")) {
            throw new NotFoundException("No such link.");
        }
        return "redirect:/verify/" + token + (HostedFlow.LANGUAGES.contains(lang) ? "?lang=" + lang : "");
    }
}
