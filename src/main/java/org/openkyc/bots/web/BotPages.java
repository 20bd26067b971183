package org.openkyc.bots.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.openkyc.applicants.ApplicantManagement.BotVerdict;
import org.openkyc.bots.BotRule;
import org.openkyc.bots.BotRules;
import org.openkyc.bots.Finding;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.core.PlanLimitException;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Entitlement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The KYC bots page: what the plan includes, and the Advanced KYC Bot's switch and rules. The form sends the rules as
 * rows {@code finding[i]}, {@code minMatchRate[i]}, {@code sameName[i]}, {@code verdict[i]}, {@code message[i]}; an AML
 * row without a rate is left out.
 */
@Controller
class BotPages {

    private final BotRules rules;
    private final CompanyManagement companies;

    BotPages(BotRules rules, CompanyManagement companies) {
        this.rules = rules;
        this.companies = companies;
    }

    @GetMapping("/bots")
    String page(Actor actor, Model model) {
        BotRules.Settings settings = rules.settings(actor);
        List<BotRule> rows = new ArrayList<>(settings.rules());
        model.addAttribute("settings", settings);
        model.addAttribute("rows", rows);
        model.addAttribute("verdicts", BotVerdict.values());
        model.addAttribute("kycBot", companies.entitled(actor.companyId(), Entitlement.KYC_BOT));
        model.addAttribute("advancedBot", companies.entitled(actor.companyId(), Entitlement.ADVANCED_KYC_BOT));
        model.addAttribute("canEdit", actor.can(Permission.WORKFLOWS));
        return "bots/bots";
    }

    @PostMapping("/bots")
    String save(Actor actor, HttpServletRequest request, RedirectAttributes redirect) {
        List<BotRule> read = new ArrayList<>();
        for (int i = 0; request.getParameter("finding[" + i + "]") != null; i++) {
            String rate = request.getParameter("minMatchRate[" + i + "]");
            Finding finding = Finding.valueOf(request.getParameter("finding[" + i + "]"));
            if (finding == Finding.AML_MATCH && (rate == null || rate.isBlank())) {
                continue;
            }
            String message = request.getParameter("message[" + i + "]");
            try {
                read.add(new BotRule(
                        finding,
                        rate == null || rate.isBlank() ? 0 : Integer.parseInt(rate.strip()),
                        "true".equals(request.getParameter("sameName[" + i + "]")),
                        BotVerdict.valueOf(request.getParameter("verdict[" + i + "]")),
                        message == null || message.isBlank() ? null : message.strip()));
            } catch (IllegalArgumentException e) {
                redirect.addFlashAttribute("flashError", "bots.invalid");
                return "redirect:/bots";
            }
        }
        if ("defaults".equals(request.getParameter("reset"))) {
            read = new ArrayList<>(BotRules.DEFAULTS);
        }
        try {
            rules.save(actor, new BotRules.Settings("true".equals(request.getParameter("advanced")), read));
            redirect.addFlashAttribute("flash", "bots.saved");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "bots.invalid");
        } catch (PlanLimitException e) {
            redirect.addFlashAttribute("flashError", "bots.notInPlan");
        }
        return "redirect:/bots";
    }
}
