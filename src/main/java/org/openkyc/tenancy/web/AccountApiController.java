package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.openkyc.core.Actor;
import org.openkyc.tenancy.AccountDetails;
import org.openkyc.tenancy.AccountManagement;
import org.openkyc.tenancy.MemberView;
import org.openkyc.tenancy.TotpEnrolment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account. */
@RestController
class AccountApiController {

    private final AccountManagement accounts;

    AccountApiController(AccountManagement accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/account")
    MemberView account(Actor actor) {
        return accounts.account(actor);
    }

    @PatchMapping("/api/v1/account")
    MemberView update(Actor actor, @Valid @RequestBody AccountDetails details) {
        return accounts.updateAccount(actor, details);
    }

    /** Starts setting up the second factor; it is on once confirmed with a code. */
    @PostMapping("/api/v1/account/totp")
    TotpEnrolment startTotp(Actor actor) {
        return accounts.startTotp(actor);
    }

    @PostMapping("/api/v1/account/totp/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void confirmTotp(Actor actor, @Valid @RequestBody Code code) {
        accounts.confirmTotp(actor, code.code());
    }

    @DeleteMapping("/api/v1/account/totp")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disableTotp(Actor actor, @Valid @RequestBody CurrentPassword password) {
        accounts.disableTotp(actor, password.currentPassword());
    }

    record Code(@NotBlank String code) {}

    record CurrentPassword(@NotBlank String currentPassword) {
        @Override
        public String toString() {
            return "CurrentPassword[hidden]";
        }
    }
}
