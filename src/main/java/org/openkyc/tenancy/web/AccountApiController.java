package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
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

    /** Changes the fields sent; fields left out keep their values. */
    @PatchMapping("/api/v1/account")
    MemberView update(Actor actor, @Valid @RequestBody AccountPatch patch) {
        MemberView me = accounts.account(actor);
        AccountDetails merged = new AccountDetails(
                patch.fullName() == null ? me.fullName() : patch.fullName(),
                patch.phone() == null ? me.phone() : patch.phone(),
                patch.position() == null ? me.position() : patch.position(),
                patch.language() == null ? me.language() : patch.language());
        if (merged.fullName().isBlank()) {
            throw InvalidInputException.of("fullName", "NotBlank", "must not be blank");
        }
        return accounts.updateAccount(actor, merged);
    }

    record AccountPatch(
            @Nullable @Size(max = 200) String fullName,
            @Nullable @Size(max = 40) String phone,
            @Nullable @Size(max = 100) String position,

            @Nullable @Pattern(regexp = "en|de", message = "must be one of en, de")
            String language) {}

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
