package org.openkyc.tenancy.web;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.tenancy.AccountManagement;
import org.openkyc.tenancy.SignUp;
import org.openkyc.tenancy.TeamManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The pages before sign-in: sign-up, sign-in, email verification, password reset, invitations. */
@Controller
class AuthPages {

    private final AccountManagement accounts;
    private final TeamManagement team;

    AuthPages(AccountManagement accounts, TeamManagement team) {
        this.accounts = accounts;
        this.team = team;
    }

    @GetMapping("/signin")
    String signIn(HttpSession session, Model model) {
        model.addAttribute("email", session.getAttribute("openkyc.signin.email"));
        return "auth/signin";
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        model.addAttribute("form", new SignUp("", "", "", "", "", ""));
        return "auth/signup";
    }

    @PostMapping("/signup")
    String signUp(@Valid @ModelAttribute("form") SignUp form, BindingResult result, Locale locale, Model model) {
        if (!result.hasErrors()) {
            try {
                accounts.signUp(form, locale);
                return "redirect:/signup/sent";
            } catch (InvalidInputException e) {
                FormErrors.addTo(result, e);
            } catch (ConflictException e) {
                result.rejectValue("email", "signup.emailTaken", e.getMessage());
            }
        }
        model.addAttribute(
                "form",
                new SignUp(form.fullName(), form.companyName(), form.phone(), form.position(), form.email(), ""));
        return "auth/signup";
    }

    @GetMapping("/signup/sent")
    String signUpSent(Model model) {
        return message(model, "signup.sent.title", "signup.sent.message");
    }

    @PostMapping("/signup/resend")
    String resend(@RequestParam String email) {
        accounts.resendVerification(email);
        return "redirect:/signin?resent";
    }

    @GetMapping("/verify-email")
    String verifyEmail(@RequestParam String token, Model model) {
        try {
            accounts.verifyEmail(token);
            return "redirect:/signin?verified";
        } catch (NotFoundException e) {
            return message(model, "verify.failed.title", "verify.failed.message");
        }
    }

    @GetMapping("/forgot-password")
    String forgotPassword() {
        return "auth/forgot-password";
    }

    @PostMapping("/forgot-password")
    String requestReset(@RequestParam String email, Model model) {
        accounts.requestPasswordReset(email);
        return message(model, "forgot.sent.title", "forgot.sent.message");
    }

    @GetMapping("/reset-password")
    String resetForm(@RequestParam String token, Model model) {
        if (!accounts.passwordResetValid(token)) {
            return message(model, "reset.failed.title", "reset.failed.message");
        }
        model.addAttribute("form", new ResetForm(token, ""));
        return "auth/reset-password";
    }

    @PostMapping("/reset-password")
    String reset(@Valid @ModelAttribute("form") ResetForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                accounts.resetPassword(form.token(), form.password());
                return "redirect:/signin?reset";
            } catch (InvalidInputException e) {
                FormErrors.addTo(result, e);
            } catch (NotFoundException e) {
                return message(model, "reset.failed.title", "reset.failed.message");
            }
        }
        return "auth/reset-password";
    }

    @GetMapping("/invitations/accept")
    String invitation(@RequestParam String token, Model model) {
        try {
            model.addAttribute("invitation", team.pendingInvitation(token));
        } catch (NotFoundException e) {
            return message(model, "invitation.failed.title", "invitation.failed.message");
        }
        model.addAttribute("form", new AcceptForm(token, "", ""));
        return "auth/accept-invitation";
    }

    @PostMapping("/invitations/accept")
    String accept(@Valid @ModelAttribute("form") AcceptForm form, BindingResult result, Model model) {
        try {
            if (!result.hasErrors()) {
                try {
                    team.acceptInvitation(form.token(), form.fullName(), form.password());
                    return "redirect:/signin?joined";
                } catch (InvalidInputException e) {
                    FormErrors.addTo(result, e);
                }
            }
            model.addAttribute("invitation", team.pendingInvitation(form.token()));
        } catch (NotFoundException | ConflictException e) {
            return message(model, "invitation.failed.title", "invitation.failed.message");
        }
        return "auth/accept-invitation";
    }

    private static String message(Model model, String titleKey, String messageKey) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("messageKey", messageKey);
        return "auth/message";
    }

    record ResetForm(String token, @NotBlank String password) {
        @Override
        public String toString() {
            return "ResetForm[hidden]";
        }
    }

    record AcceptForm(
            String token,
            @NotBlank String fullName,
            @NotBlank String password) {
        @Override
        public String toString() {
            return "AcceptForm[fullName=" + fullName + "]";
        }
    }
}
