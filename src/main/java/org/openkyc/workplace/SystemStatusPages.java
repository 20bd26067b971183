package org.openkyc.workplace;

import java.util.List;
import org.openkyc.core.Actor;
import org.openkyc.core.Permission;
import org.openkyc.core.checks.SystemChecks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The System status page: whether each check OpenKYC runs on applicants can run now, and why not. For those who keep
 * the company's settings (administrators); what it shows is the installation's, the same for every company, and
 * holds no personal data.
 */
@Controller
class SystemStatusPages {

    private final SystemChecks checks;

    SystemStatusPages(SystemChecks checks) {
        this.checks = checks;
    }

    @GetMapping("/system-status")
    String status(Actor actor, Model model) {
        actor.require(Permission.COMPANY);
        List<SystemChecks.Status> statuses = checks.all();
        model.addAttribute("checks", statuses);
        model.addAttribute("complianceReady", SystemChecks.complianceReady(statuses));
        return "workplace/system-status";
    }
}
