package org.openkyc.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.openkyc.core.Actor;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.tenancy.AccountDetails;
import org.openkyc.tenancy.AccountManagement;
import org.openkyc.tenancy.MemberView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account settings: personal data, interface language, password and the second factor. */
@Controller
class AccountPages {

    private final AccountManagement accounts;
    private final LocaleResolver locales;

    AccountPages(AccountManagement accounts, LocaleResolver locales) {
        this.accounts = accounts;
        this.locales = locales;
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        MemberView me = accounts.account(actor);
        model.addAttribute("form", new AccountDetails(me.fullName(), me.phone(), me.position(), me.language()));
        return page(me, model);
    }

    @PostMapping("/account")
    String update(
            Actor actor,
            @Valid @ModelAttribute("form") AccountDetails form,
            BindingResult result,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(accounts.account(actor), model);
        }
        accounts.updateAccount(actor, form);
        locales.setLocale(request, response, Locale.forLanguageTag(form.language()));
        redirect.addFlashAttribute("flash", "account.saved");
        return "redirect:/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            Actor actor,
            @RequestParam String currentPassword,
            @RequestParam String newPassword,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            accounts.changePassword(
                    actor, currentPassword, newPassword, request.getSession().getId());
            redirect.addFlashAttribute("flash", "account.passwordChanged");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "flashError", "problem." + e.errors().getFirst().code());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/totp/start")
    String startTotp(Actor actor, Model model, RedirectAttributes redirect) {
        try {
            model.addAttribute("enrolment", accounts.startTotp(actor));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "account.totpAlreadyOn");
            return "redirect:/account";
        }
        MemberView me = accounts.account(actor);
        model.addAttribute("form", new AccountDetails(me.fullName(), me.phone(), me.position(), me.language()));
        return page(me, model);
    }

    @PostMapping("/account/totp/confirm")
    String confirmTotp(Actor actor, @RequestParam String code, RedirectAttributes redirect) {
        try {
            accounts.confirmTotp(actor, code);
            redirect.addFlashAttribute("flash", "account.totpEnabled");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "problem.totpWrong");
        }
        return "redirect:/account";
    }

    @PostMapping("/account/totp/disable")
    String disableTotp(Actor actor, @RequestParam String currentPassword, RedirectAttributes redirect) {
        try {
            accounts.disableTotp(actor, currentPassword);
            redirect.addFlashAttribute("flash", "account.totpDisabled");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "problem.currentPasswordWrong");
        }
        return "redirect:/account";
    }

    private static String page(MemberView me, Model model) {
        model.addAttribute("me", me);
        return "tenancy/account";
    }
}
