package org.openkyc.screening.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.Ids;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.screening.AmlScans;
import org.openkyc.screening.ScreeningLists;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workplace's AML Scan page: a form, the recent scans, one scan's results with their explanations, and the
 * details of a listed entity.
 */
@Controller
class AmlPages {

    private final AmlScans scans;
    private final ScreeningLists lists;

    AmlPages(AmlScans scans, ScreeningLists lists) {
        this.scans = scans;
        this.lists = lists;
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
        }
    }

    /** One listed entity as the loaded lists hold it: every name, programme, date, country and identifier. */
    @GetMapping("/aml/entities/{key}")
    String entity(Actor actor, @PathVariable String key, Model model) {
        actor.require(Permission.AML_SCANS);
        model.addAttribute(
                "entity", lists.index().entity(key).orElseThrow(() -> new NotFoundException("No such listed entity.")));
        return "screening/entity";
    }

    @GetMapping("/aml/scans/{id}")
    String result(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("scan", scans.scan(actor, Ids.parse(id)));
        return "screening/scan";
    }
}
