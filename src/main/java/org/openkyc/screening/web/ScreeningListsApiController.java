package org.openkyc.screening.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.screening.Coverage;
import org.openkyc.screening.ListKind;
import org.openkyc.screening.ListVersion;
import org.openkyc.screening.ListVersions;
import org.openkyc.screening.ScreeningListImports;
import org.openkyc.screening.ScreeningLists;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** The lists screening holds, and imports of new versions, over the API. */
@RestController
class ScreeningListsApiController {

    private final ScreeningLists lists;
    private final ListVersions versions;
    private final ScreeningListImports imports;

    ScreeningListsApiController(ScreeningLists lists, ListVersions versions, ScreeningListImports imports) {
        this.lists = lists;
        this.versions = versions;
        this.imports = imports;
    }

    /** One list as the API shows it: its current version, its age, and its last failed attempt if any. */
    record ListView(
            String source,
            ListKind kind,
            long version,
            String format,
            @Nullable Instant publishedAt,
            Instant loadedAt,
            Instant confirmedAt,
            int entities,
            long ageDays,
            boolean stale,
            @Nullable Attempt lastFailure) {}

    record Attempt(Instant at, String problem) {}

    /** A list that has no version in use, and why its last attempt failed. */
    record NotLoaded(String source, Instant at, String problem) {}

    /**
     * What screening covers now.
     *
     * @param sanctions whether a screening of sanctions lists may run
     * @param pep whether a screening of sanctions and PEP lists may run
     * @param missing what is missing or stale for a screening of sanctions and PEP lists
     */
    record CoverageView(
            boolean sanctions,
            boolean pep,
            List<String> missing,
            long maxListAgeDays,
            List<ListView> lists,
            List<NotLoaded> notLoaded) {}

    @GetMapping("/api/v1/screening/lists")
    CoverageView lists(Actor actor) {
        actor.require(Permission.AML_SCANS);
        return view(lists.coverage(), versions.lastRefusals());
    }

    /**
     * Imports a list file: multipart {@code file} (within the upload limit), or the file itself as the body with
     * {@code fileName} (up to {@code openkyc.screening.max-import-bytes}); {@code source} names the list.
     */
    @PostMapping("/api/v1/screening/lists/imports")
    @ResponseStatus(HttpStatus.CREATED)
    ListView importList(
            Actor actor,
            HttpServletRequest request,
            @RequestParam(value = "fileName", defaultValue = "list") String fileName,
            @RequestParam(value = "source", required = false) @Nullable String source)
            throws IOException {
        actor.require(Permission.COMPANY);
        ListVersion imported;
        if (request instanceof MultipartHttpServletRequest multipart) {
            MultipartFile file = multipart.getFile("file");
            if (file == null) {
                throw InvalidInputException.of("file", "required", "a list file is required");
            }
            imported = imports.importFile(
                    actor,
                    file.getOriginalFilename() == null ? fileName : file.getOriginalFilename(),
                    file.getInputStream(),
                    source);
        } else {
            imported = imports.importFile(actor, fileName, request.getInputStream(), source);
        }
        return view(imported, lists.coverage(), Map.of());
    }

    static CoverageView view(Coverage coverage, Map<String, ListVersions.Version> refusals) {
        List<String> missing = coverage.gaps(java.util.Set.of(ListKind.SANCTIONS, ListKind.PEP));
        return new CoverageView(
                coverage.covers(java.util.Set.of(ListKind.SANCTIONS)),
                missing.isEmpty(),
                missing,
                coverage.maxAge().toDays(),
                coverage.lists().stream().map(l -> view(l, coverage, refusals)).toList(),
                refusals.values().stream()
                        // a refused import was answered to whoever imported it; downloads and folders fail unseen
                        .filter(r -> !r.origin().startsWith("import:"))
                        .filter(r -> coverage.lists().stream()
                                .noneMatch(l -> l.source().equals(r.list())))
                        .map(r -> new NotLoaded(r.list(), r.importedAt(), String.valueOf(r.problem())))
                        .toList());
    }

    static ListView view(ListVersion list, Coverage coverage, Map<String, ListVersions.Version> refusals) {
        ListVersions.Version refused = refusals.get(list.source());
        return new ListView(
                list.source(),
                list.kind(),
                list.version(),
                list.format(),
                list.published(),
                list.loadedAt(),
                list.confirmedAt(),
                list.entities(),
                list.age(coverage.at()).toDays(),
                coverage.stale(list),
                refused == null || refused.importedAt().isBefore(list.confirmedAt())
                        ? null
                        : new Attempt(refused.importedAt(), String.valueOf(refused.problem())));
    }
}
