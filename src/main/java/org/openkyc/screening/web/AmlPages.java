package org.openkyc.screening.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.Ids;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.flows.definition.StepSettings.Periodicity;
import org.openkyc.screening.AmlCases;
import org.openkyc.screening.AmlMonitoring;
import org.openkyc.screening.AmlScans;
import org.openkyc.screening.ListVersions;
import org.openkyc.screening.ScreeningLists;
import org.openkyc.screening.ScreeningUnavailableException;
import org.openkyc.screening.matching.ListEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workplace's AML pages: the scan form with the recent scans, one scan's results as cases, Scan Results (every
 * case) and a listed entity's details.
 */
@Controller
class AmlPages {

    private final AmlScans scans;
    private final ScreeningLists lists;
    private final AmlCases cases;
    private final AmlMonitoring monitoring;
    private final ListVersions versions;

    AmlPages(AmlScans scans, ScreeningLists lists, AmlCases cases, AmlMonitoring monitoring, ListVersions versions) {
        this.scans = scans;
        this.lists = lists;
        this.cases = cases;
        this.monitoring = monitoring;
        this.versions = versions;
    }

    @GetMapping("/aml")
    String page(Actor actor, Model model) {
        model.addAttribute("scans", scans.scans(actor, 0, 20));
        return "screening/scans";
    }

    @PostMapping("/aml/scans")
    String scan(
            Actor actor,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "INDIVIDUAL") String entityType,
            @RequestParam(defaultValue = "NAME") String searchBy,
            @RequestParam(required = false) @Nullable Integer birthYear,
            @RequestParam(defaultValue = "80") int minMatchRate,
            @RequestParam(defaultValue = "") String countries,
            @RequestParam(defaultValue = "false") boolean deepSearch,
            RedirectAttributes redirect) {
        List<String> codes = new ArrayList<>();
        for (String country : countries.split(",")) {
            if (!country.isBlank()) {
                codes.add(country.strip());
            }
        }
        try {
            AmlScans.Scan scan = scans.scan(
                    actor,
                    new AmlScans.ScanRequest(
                            name, entityType, searchBy, birthYear, null, null, codes, minMatchRate, deepSearch));
            return "redirect:/aml/scans/" + scan.id();
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "flashError", "aml.problem." + e.errors().getFirst().field());
            return "redirect:/aml";
        } catch (ScreeningUnavailableException e) {
            redirect.addFlashAttribute("unavailable", e.missing());
            return "redirect:/aml";
        }
    }

    /**
     * One listed entity as the loaded lists hold it: every name, programme, date, country and identifier; an entity
     * no longer listed is shown as the last version that listed it had it.
     */
    @GetMapping("/aml/entities/{key}")
    String entity(Actor actor, @PathVariable String key, Model model) {
        if (!actor.can(Permission.APPLICANTS_REVIEW)) {
            actor.require(Permission.AML_SCANS);
        }
        Optional<ListEntity> listed = lists.index().entity(key);
        model.addAttribute("listedNow", listed.isPresent());
        model.addAttribute(
                "entity",
                listed.or(() -> versions.stored(key))
                        .orElseThrow(() -> new NotFoundException("No such listed entity.")));
        return "screening/entity";
    }

    /** A scan's results as cases: each with its status, comments and details, and the scan's monitoring. */
    @GetMapping("/aml/scans/{id}")
    String result(Actor actor, @PathVariable String id, Model model) {
        AmlScans.Scan scan = scans.scan(actor, Ids.parse(id));
        Map<String, AmlScans.Result> details = new LinkedHashMap<>();
        scan.results().forEach(r -> details.put(r.entityId(), r));
        model.addAttribute("scan", scan);
        model.addAttribute("details", details);
        model.addAttribute("cases", cases.matches(actor.companyId(), AmlCases.Owner.scan(scan.id())));
        model.addAttribute("statuses", AmlCases.MatchStatus.values());
        model.addAttribute("periodicities", Periodicity.values());
        model.addAttribute(
                "monitor",
                monitoring
                        .monitor(actor.companyId(), scan.id())
                        .filter(AmlMonitoring.Monitor::active)
                        .orElse(null));
        return "screening/scan";
    }

    /** Starts, changes or stops the ongoing monitoring of a scan. */
    @PostMapping("/aml/scans/{id}/monitoring")
    String monitor(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String periodicity,
            RedirectAttributes redirect) {
        AmlScans.Scan scan = scans.scan(actor, Ids.parse(id));
        Periodicity every = null;
        if (!periodicity.isBlank() && !periodicity.equals("OFF")) {
            try {
                every = Periodicity.valueOf(periodicity);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("periodicity", "periodicity", "must be DAILY, WEEKLY, MONTHLY or OFF");
            }
        }
        monitoring.watchScan(actor, scan, every);
        redirect.addFlashAttribute("flash", every == null ? "aml.monitoringStopped" : "aml.monitoringSaved");
        return "redirect:/aml/scans/" + scan.id();
    }

    /** A reviewer's decision on one of a scan's matches. */
    @PostMapping("/aml/matches/{id}")
    String decide(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        AmlCases.Match match = cases.find(actor, Ids.parse(id));
        if (match.scanId() == null) {
            throw new NotFoundException("No such match.");
        }
        try {
            cases.decide(actor, match.id(), status, comment);
            redirect.addFlashAttribute("flash", "aml.caseDecided");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "aml.decideProblem");
        }
        return "redirect:/aml/scans/" + match.scanId() + "#case-" + match.id();
    }

    /** Scan Results: every case of the company in this mode, from scans and applicants alike. */
    @GetMapping("/aml/results")
    String results(Actor actor, @RequestParam(defaultValue = "") String status, Model model) {
        AmlCases.MatchStatus filter = null;
        if (!status.isBlank()) {
            try {
                filter = AmlCases.MatchStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("status", "status", "is not a match status");
            }
        }
        model.addAttribute("cases", cases.cases(actor, filter, 200));
        model.addAttribute("monitors", monitoring.monitors(actor.companyId(), actor.mode()));
        model.addAttribute("statuses", AmlCases.MatchStatus.values());
        model.addAttribute("status", filter);
        return "screening/results";
    }
}
