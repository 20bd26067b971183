package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import org.openkyc.core.Actor;
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

    @PatchMapping("/api/v1/company")
    CompanyView update(Actor actor, @Valid @RequestBody CompanyDetails details) {
        return companies.update(actor, details);
    }

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
