package org.openkyc.screening.web;

import java.io.IOException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.OpenKycException;
import org.openkyc.core.Permission;
import org.openkyc.screening.Coverage;
import org.openkyc.screening.ListKind;
import org.openkyc.screening.ListVersions;
import org.openkyc.screening.ScreeningListImports;
import org.openkyc.screening.ScreeningLists;
import org.openkyc.screening.ScreeningSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Screening lists page: what screening covers in plain words, every current list with its kind, dates, age and
 * last failed attempt, each list's versions, and for admins an upload and a refresh from the publishers.
 */
@Controller
class ScreeningListPages {

    private final ScreeningLists lists;
    private final ListVersions versions;
    private final ScreeningListImports imports;
    private final ScreeningSettings settings;

    ScreeningListPages(
            ScreeningLists lists, ListVersions versions, ScreeningListImports imports, ScreeningSettings settings) {
        this.lists = lists;
        this.versions = versions;
        this.imports = imports;
        this.settings = settings;
    }

    @GetMapping("/aml/lists")
    String page(Actor actor, Model model) {
        if (!actor.can(Permission.APPLICANTS_REVIEW)) {
            actor.require(Permission.AML_SCANS);
        }
        Coverage coverage = lists.coverage();
        ScreeningListsApiController.CoverageView view =
                ScreeningListsApiController.view(coverage, versions.lastRefusals());
        model.addAttribute("current", view.lists());
        model.addAttribute("notLoaded", view.notLoaded());
        model.addAttribute("missing", coverage.gaps(Set.of(ListKind.SANCTIONS, ListKind.PEP)));
        model.addAttribute("maxAgeDays", coverage.maxAge().toDays());
        model.addAttribute("canImport", actor.can(Permission.COMPANY));
        model.addAttribute("versions", versions.versions(200));
        model.addAttribute("entities", lists.index().entities());
        return "screening/lists";
    }

    @PostMapping("/aml/lists/import")
    String upload(
            Actor actor,
            @RequestParam(value = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(value = "source", defaultValue = "") String source,
            RedirectAttributes redirect)
            throws IOException {
        actor.require(Permission.COMPANY);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "aml.importFile");
            return "redirect:/aml/lists";
        }
        try {
            imports.importFile(
                    actor,
                    file.getOriginalFilename() == null ? "list" : file.getOriginalFilename(),
                    file.getInputStream(),
                    source);
            redirect.addFlashAttribute("flash", "aml.imported.done");
        } catch (OpenKycException e) {
            redirect.addFlashAttribute("importProblem", e.getMessage());
        }
        return "redirect:/aml/lists";
    }

    @PostMapping("/aml/lists/refresh")
    String refresh(Actor actor, RedirectAttributes redirect) {
        actor.require(Permission.COMPANY);
        if (!settings.refresh().enabled() || settings.sources().isEmpty()) {
            redirect.addFlashAttribute("flashError", "aml.refreshOff");
            return "redirect:/aml/lists";
        }
        lists.refresh(settings.sources());
        redirect.addFlashAttribute("flash", "aml.refreshed");
        return "redirect:/aml/lists";
    }
}
