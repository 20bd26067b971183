package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.tenancy.CompanyDetails;
import org.openkyc.tenancy.CompanyKeys;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.CompanyView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Company settings and private client keys. */
@RestController
class CompanyApiController {

    private final CompanyManagement companies;

    CompanyApiController(CompanyManagement companies) {
        this.companies = companies;
    }

    @GetMapping("/api/v1/company")
    CompanyView company(Actor actor) {
        return companies.company(actor);
    }

    /** Changes the fields sent; fields left out keep their values. */
    @PatchMapping("/api/v1/company")
    CompanyView update(Actor actor, @Valid @RequestBody CompanyPatch patch) {
        CompanyDetails current = companies.company(actor).details();
        CompanyDetails merged = new CompanyDetails(
                patch.name() == null ? current.name() : patch.name(),
                patch.address() == null ? current.address() : patch.address(),
                patch.phone() == null ? current.phone() : patch.phone(),
                patch.email() == null ? current.email() : patch.email(),
                patch.contact() == null ? current.contact() : patch.contact(),
                patch.info() == null ? current.info() : patch.info());
        if (merged.name().isBlank()) {
            throw InvalidInputException.of("name", "NotBlank", "must not be blank");
        }
        return companies.update(actor, merged);
    }

    record CompanyPatch(
            @Nullable @Size(max = 200) String name,
            @Nullable @Size(max = 500) String address,
            @Nullable @Size(max = 40) String phone,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable @Size(max = 200) String contact,
            @Nullable @Size(max = 2000) String info) {}

    @GetMapping("/api/v1/company/keys")
    CompanyKeys keys(Actor actor) {
        return companies.privateKeys(actor);
    }

    @PostMapping("/api/v1/company/keys/{mode}/rotate")
    CompanyKeys rotate(Actor actor, @PathVariable String mode) {
        return companies.rotatePrivateKey(
                actor, Mode.fromCode(mode).orElseThrow(() -> new NotFoundException("No such mode.")));
    }
}
