package org.openkyc.screening.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.core.Actor;
import org.openkyc.core.Ids;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.screening.AmlCases;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A reviewer's decision on an applicant's AML match, written to the timeline. */
@Controller
class AmlMatchPages {

    private final ApplicantManagement applicants;
    private final AmlCases cases;

    AmlMatchPages(ApplicantManagement applicants, AmlCases cases) {
        this.applicants = applicants;
        this.cases = cases;
    }

    @PostMapping("/applicants/{id}/aml/{matchId}")
    String decide(
            Actor actor,
            @PathVariable String id,
            @PathVariable String matchId,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String comment,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        ApplicantId applicant =
                applicants.applicant(actor, ApplicantId.parse(id)).id();
        actor.require(Permission.APPLICANTS_REVIEW);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("matchId", matchId);
        details.put("status", status);
        details.put("comment", comment.strip());
        try {
            applicants.reviewerCorrection(
                    actor, applicant, "AML_MATCH_DECIDED", details, ClientInfo.of(request), () -> {
                        UUID match = Ids.parse(matchId);
                        if (!applicant.value().equals(cases.find(actor, match).applicantId())) {
                            throw new NotFoundException("No such match.");
                        }
                        return cases.decide(actor, match, status, comment);
                    });
            redirect.addFlashAttribute("flash", "aml.decided");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "aml.decideProblem");
        }
        return "redirect:/applicants/" + applicant.value() + "#aml-check";
    }
}
