package org.openkyc.tenancy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.ForbiddenException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.PlanLimitException;
import org.openkyc.core.security.CurrentActor;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Plan;
import org.openkyc.tenancy.PlatformOperators;
import org.openkyc.tenancy.Retention;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The platform operators' console: every company with its plan, trial and this month's use; plans and trials are set
 * here, status-only KYC switched, and a managed company's workplace opened (with a reason, recorded) and left.
 */
@Controller
class OperatorPages {

    private final PlatformOperators operators;
    private final CompanyManagement companies;

    OperatorPages(PlatformOperators operators, CompanyManagement companies) {
        this.operators = operators;
        this.companies = companies;
    }

    @GetMapping("/operator")
    String console(Actor actor, Model model) {
        model.addAttribute("rows", operators.companies(actor));
        model.addAttribute("plans", Plan.values());
        model.addAttribute("retentions", Retention.values());
        return "tenancy/operator";
    }

    @GetMapping("/operator/companies/{id}/access")
    String access(Actor actor, @PathVariable String id, Model model) {
        operators.require(actor);
        CompanyId company = company(id);
        model.addAttribute("company", companies.view(company));
        model.addAttribute("access", operators.accessLog(company, 500));
        return "tenancy/operator-access";
    }

    @PostMapping("/operator/companies/{id}/plan")
    String plan(Actor actor, @PathVariable String id, @RequestParam String plan, RedirectAttributes redirect) {
        operators.changePlan(actor, company(id), plan(plan));
        redirect.addFlashAttribute("flash", "operator.saved");
        return "redirect:/operator";
    }

    @PostMapping("/operator/companies/{id}/trial")
    String trial(
            Actor actor,
            @PathVariable String id,
            @RequestParam String plan,
            @RequestParam(required = false) @Nullable Integer days,
            RedirectAttributes redirect) {
        try {
            operators.startTrial(actor, company(id), plan(plan), days);
            redirect.addFlashAttribute("flash", "operator.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "operator.trialInvalid");
        }
        return "redirect:/operator";
    }

    @PostMapping("/operator/companies/{id}/status-only")
    String statusOnly(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean statusOnly,
            @RequestParam(defaultValue = "SINGLE_EVENT") String retention,
            RedirectAttributes redirect) {
        Retention kept;
        try {
            kept = Retention.valueOf(retention);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such retention.");
        }
        try {
            operators.statusOnly(actor, company(id), statusOnly, kept);
            redirect.addFlashAttribute("flash", "operator.saved");
        } catch (PlanLimitException e) {
            redirect.addFlashAttribute("flashError", "operator.statusOnlyNotInPlan");
        }
        return "redirect:/operator";
    }

    /** Opens a managed company's workplace for this session; refused (and recorded) for any other. */
    @PostMapping("/operator/companies/{id}/open")
    String open(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        CompanyId company = company(id);
        try {
            operators.open(actor, company, reason);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "operator.reasonRequired");
            return "redirect:/operator";
        } catch (ForbiddenException e) {
            if (!operators.isOperator(actor.requireUser()) || actor.operator()) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", "operator.selfManaged");
            return "redirect:/operator";
        }
        CurrentActor.operate(request.getSession(), company);
        return "redirect:/applicants";
    }

    @PostMapping("/operator/leave")
    String leave(Actor actor, HttpServletRequest request) {
        if (!actor.operator()) {
            operators.require(actor);
        }
        operators.leave(actor);
        CurrentActor.operate(request.getSession(), null);
        return "redirect:/operator";
    }

    private static CompanyId company(String id) {
        try {
            return new CompanyId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such company.");
        }
    }

    private static Plan plan(String plan) {
        try {
            return Plan.valueOf(plan);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("plan", "plan", "is not a plan");
        }
    }
}
