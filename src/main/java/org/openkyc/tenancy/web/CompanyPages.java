package org.openkyc.tenancy.web;

import jakarta.validation.Valid;
import org.openkyc.core.Actor;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.tenancy.CompanyDetails;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.CompanyView;
import org.openkyc.tenancy.Entitlement;
import org.openkyc.tenancy.Metering;
import org.openkyc.tenancy.PlatformOperators;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Company settings; private client keys are revealed on request, to permitted roles only. */
@Controller
class CompanyPages {

    private final CompanyManagement companies;
    private final Metering metering;
    private final PlatformOperators operators;

    CompanyPages(CompanyManagement companies, Metering metering, PlatformOperators operators) {
        this.companies = companies;
        this.metering = metering;
        this.operators = operators;
    }

    @GetMapping("/company")
    String company(Actor actor, Model model) {
        CompanyView company = companies.company(actor);
        model.addAttribute("form", company.details());
        return page(actor, company, model);
    }

    @PostMapping("/company")
    String update(
            Actor actor,
            @Valid @ModelAttribute("form") CompanyDetails form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return page(actor, companies.company(actor), model);
        }
        companies.update(actor, form);
        redirect.addFlashAttribute("flash", "company.saved");
        return "redirect:/company";
    }

    /** An htmx fragment with the private client keys. */
    @PostMapping("/company/keys")
    String keys(Actor actor, Model model) {
        model.addAttribute("keys", companies.privateKeys(actor));
        return "tenancy/company :: keys";
    }

    @PostMapping("/company/keys/{mode}/rotate")
    String rotate(Actor actor, @PathVariable String mode, Model model) {
        model.addAttribute(
                "keys",
                companies.rotatePrivateKey(
                        actor, Mode.fromCode(mode).orElseThrow(() -> new NotFoundException("No such mode."))));
        return "tenancy/company :: keys";
    }

    private String page(Actor actor, CompanyView company, Model model) {
        model.addAttribute("company", company);
        model.addAttribute("usage", metering.usage(company.id()));
        model.addAttribute("entitlements", company.plan().entitlements());
        model.addAttribute("operatorAccess", operators.accessLog(company.id(), 50));
        model.addAttribute("operatorAccessIncluded", company.plan().includes(Entitlement.OPERATOR_ACCESS));
        model.addAttribute("canSeeKeys", actor.can(Permission.COMPANY_KEYS));
        return "tenancy/company";
    }
}
