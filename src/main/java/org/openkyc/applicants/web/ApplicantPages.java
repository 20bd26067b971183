package org.openkyc.applicants.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.AccessLink;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantReports;
import org.openkyc.applicants.ApplicantSearch;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.NewApplicant;
import org.openkyc.applicants.ProfileSection;
import org.openkyc.applicants.ReviewDecision;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.Actor;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.ConflictException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Languages;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.core.UserId;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.flows.FlowId;
import org.openkyc.flows.FlowManagement;
import org.openkyc.flows.definition.FlowType;
import org.openkyc.flows.definition.StepType;
import org.openkyc.tenancy.ApplicationManagement;
import org.openkyc.tenancy.TeamManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The applicants table, the new verification form and the applicant profile with its review actions. */
@Controller
class ApplicantPages {

    private final ApplicantManagement applicants;
    private final ApplicationManagement applications;
    private final FlowManagement flows;
    private final TeamManagement team;
    private final ApplicantReports reports;

    private final ObjectProvider<ProfileSection> sections;

    /** A filled section of the profile. */
    public record Section(String template, @Nullable Object data) {}

    ApplicantPages(
            ApplicantManagement applicants,
            ApplicationManagement applications,
            FlowManagement flows,
            TeamManagement team,
            ApplicantReports reports,
            ObjectProvider<ProfileSection> sections) {
        this.sections = sections;
        this.applicants = applicants;
        this.applications = applications;
        this.flows = flows;
        this.team = team;
        this.reports = reports;
    }

    @GetMapping("/applicants")
    String list(Actor actor, @ModelAttribute("filter") Filter filter, Model model) {
        model.addAttribute(
                "page",
                applicants.search(
                        actor,
                        new ApplicantSearch(
                                blank(filter.externalUserId()),
                                filter.status(),
                                id(filter.flowId(), FlowId::new),
                                id(filter.reviewerId(), UserId::new),
                                blank(filter.country()),
                                filter.from() == null
                                        ? null
                                        : filter.from().atStartOfDay().toInstant(ZoneOffset.UTC),
                                filter.to() == null
                                        ? null
                                        : filter.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                                filter.warnings(),
                                filter.page() == null ? 0 : filter.page(),
                                25,
                                filter.sort())));
        choices(actor, model);
        // Sorting and paging links keep every filter of the current view.
        Map<String, String> sortLinks = new java.util.HashMap<>();
        for (String column : List.of("externalUserId", "status", "createdAt")) {
            String next = column.equals(filter.sort()) ? "-" + column : column;
            sortLinks.put(
                    column,
                    ServletUriComponentsBuilder.fromCurrentRequest()
                            .replaceQueryParam("sort", next)
                            .replaceQueryParam("page")
                            .build()
                            .toUriString());
        }
        int current = filter.page() == null ? 0 : filter.page();
        model.addAttribute("sortLinks", sortLinks);
        model.addAttribute("previousPage", pageLink(current - 1));
        model.addAttribute("nextPage", pageLink(current + 1));
        return "applicants/list";
    }

    private static String pageLink(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("page", page)
                .build()
                .toUriString();
    }

    /** Gives the ticked applicants one reviewer. */
    @PostMapping("/applicants/reviewer")
    String assignMany(
            Actor actor,
            @RequestParam(name = "ids", required = false) @Nullable List<String> ids,
            @RequestParam String bulkReviewerId,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        actor.require(Permission.APPLICANTS_REVIEW);
        UserId reviewer = bulkReviewerId.isBlank() ? null : UserId.parse(bulkReviewerId);
        applicants.assignReviewer(
                actor,
                (ids == null ? List.<String>of() : ids)
                        .stream().map(ApplicantId::parse).toList(),
                reviewer,
                ClientInfo.of(request));
        redirect.addFlashAttribute("flash", "applicants.reviewerAssigned");
        return "redirect:/applicants";
    }

    @GetMapping("/applicants/new")
    String newVerification(Actor actor, Model model) {
        actor.require(Permission.APPLICANTS_REVIEW);
        model.addAttribute("form", new VerificationForm(null, null, "", "en", 72));
        choices(actor, model);
        return "applicants/new";
    }

    /**
     * Creates the verification and its link. An externalUserId the application already has gets a new link to
     * its unfinished flow instead; a finished one is refused.
     */
    @PostMapping("/applicants/new")
    String createVerification(
            Actor actor,
            @Valid @ModelAttribute("form") VerificationForm form,
            BindingResult result,
            HttpServletRequest request,
            Model model) {
        actor.require(Permission.APPLICANTS_REVIEW);
        if (!result.hasErrors()) {
            try {
                ApplicantView applicant = existing(actor, form)
                        .orElseGet(() -> applicants.create(
                                actor,
                                new NewApplicant(
                                        form.externalUserId().strip(),
                                        blank(form.applicationId()),
                                        blank(form.flowId()),
                                        null,
                                        null,
                                        form.applicantLang(),
                                        Map.of()),
                                ClientInfo.of(request)));
                AccessLink link = applicants.accessLink(
                        actor,
                        applicant.id(),
                        Duration.ofHours(form.lifetimeHours()),
                        form.applicantLang(),
                        ClientInfo.of(request));
                model.addAttribute("link", link);
                model.addAttribute("applicant", applicant);
                return "applicants/link";
            } catch (InvalidInputException e) {
                e.errors().forEach(error -> result.reject("problem." + error.code(), error.message()));
            } catch (ConflictException e) {
                result.rejectValue("externalUserId", "applicants.finished", e.getMessage());
            }
        }
        choices(actor, model);
        return "applicants/new";
    }

    @GetMapping("/applicants/{id}")
    String profile(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "info") String tab, Model model) {
        ApplicantView applicant = applicants.applicant(actor, ApplicantId.parse(id));
        model.addAttribute("applicant", applicant);
        if (applicants.hidesPersonalData(actor)) {
            model.addAttribute("canDelete", actor.can(Permission.APPLICANTS_DELETE));
            model.addAttribute("canLink", actor.can(Permission.APPLICANTS_REVIEW));
            model.addAttribute(
                    "sections",
                    sections.orderedStream()
                            .filter(s -> !s.personalData())
                            .sorted(java.util.Comparator.comparingInt(ProfileSection::order))
                            .map(s -> new Section(s.template(), s.data(actor, applicant)))
                            .filter(s -> s.data() != null)
                            .toList());
            return "applicants/status-only";
        }
        model.addAttribute(
                "tab",
                switch (tab) {
                    case "timeline", "comments" -> tab;
                    default -> "info";
                });
        model.addAttribute("comments", applicants.comments(actor, applicant.id()));
        model.addAttribute("stepHistory", applicants.stepHistory(actor, applicant.id()));
        model.addAttribute("onDemandFlows", flows.flowNames(actor.companyId(), actor.mode(), FlowType.ON_DEMAND));
        model.addAttribute("timeline", applicants.timeline(actor, applicant.id()));
        model.addAttribute("check", applicants.verifyTimeline(actor, applicant.id()));
        Map<UserId, String> members = team.activeMembers(actor.companyId());
        Map<String, String> actorNames = new java.util.HashMap<>();
        members.forEach((user, name) -> actorNames.put(user.toString(), name));
        model.addAttribute("reviewers", members);
        model.addAttribute("actorNames", actorNames);
        model.addAttribute("canReview", actor.can(Permission.APPLICANTS_REVIEW));
        model.addAttribute("canDelete", actor.can(Permission.APPLICANTS_DELETE));
        model.addAttribute("languages", Languages.SUPPORTED);
        model.addAttribute(
                "sections",
                sections.orderedStream()
                        .sorted(java.util.Comparator.comparingInt(ProfileSection::order))
                        .map(s -> new Section(s.template(), s.data(actor, applicant)))
                        .filter(s -> s.data() != null)
                        .toList());
        return "applicants/profile";
    }

    /** The report ZIP, as the API serves it. */
    @GetMapping("/applicants/{id}/report")
    void report(Actor actor, @PathVariable String id, HttpServletResponse response) throws IOException {
        ReportDownloads.send(reports, actor, ApplicantId.parse(id), response);
    }

    @PostMapping("/applicants/{id}/delete")
    String delete(Actor actor, @PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(
                id, redirect, () -> applicants.scheduleDeletion(actor, ApplicantId.parse(id), ClientInfo.of(request)));
    }

    @PostMapping("/applicants/{id}/restore")
    String restore(Actor actor, @PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, redirect, () -> applicants.restore(actor, ApplicantId.parse(id), ClientInfo.of(request)));
    }

    @PostMapping("/applicants/{id}/review/start")
    String startReview(Actor actor, @PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(id, redirect, () -> applicants.startReview(actor, ApplicantId.parse(id), ClientInfo.of(request)));
    }

    /** Moves a step's results to its history; the applicant does the step again. */
    @PostMapping("/applicants/{id}/steps/{step}/deactivate")
    String deactivateStep(
            Actor actor,
            @PathVariable String id,
            @PathVariable String step,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> applicants.deactivateStep(actor, ApplicantId.parse(id), stepType(step), ClientInfo.of(request)));
    }

    /** Brings a result back from a step's history as its current one. */
    @PostMapping("/applicants/{id}/steps/{step}/activate")
    String activateStep(
            Actor actor,
            @PathVariable String id,
            @PathVariable String step,
            @RequestParam String result,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UUID chosen;
        try {
            chosen = UUID.fromString(result);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such result in the step's history.");
        }
        return act(
                id,
                redirect,
                () -> applicants.activateStep(
                        actor, ApplicantId.parse(id), stepType(step), chosen, ClientInfo.of(request)));
    }

    private static StepType stepType(String step) {
        try {
            return StepType.valueOf(step);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No such step.");
        }
    }

    /** A reviewer rejects one step's data (an expired document, say) and asks the applicant for it again. */
    @PostMapping("/applicants/{id}/resubmission")
    String resubmission(
            Actor actor,
            @PathVariable String id,
            @RequestParam String step,
            @RequestParam(defaultValue = "") String message,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        StepType type;
        try {
            type = StepType.valueOf(step);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("flashError", "problem.unknown");
            return "redirect:/applicants/" + ApplicantId.parse(id);
        }
        return act(
                id,
                redirect,
                () -> applicants.requestResubmission(
                        actor, ApplicantId.parse(id), type, message, ClientInfo.of(request)));
    }

    @PostMapping("/applicants/{id}/review")
    String review(
            Actor actor,
            @PathVariable String id,
            @RequestParam ApplicantStatus decision,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(defaultValue = "") String rejectLabels,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        List<String> labels = Arrays.stream(rejectLabels.split(","))
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        return act(
                id,
                redirect,
                () -> applicants.review(
                        actor,
                        ApplicantId.parse(id),
                        new ReviewDecision(decision, blank(comment), labels),
                        ClientInfo.of(request)));
    }

    @PostMapping("/applicants/{id}/reviewer")
    String assign(
            Actor actor,
            @PathVariable String id,
            @RequestParam String reviewerId,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        UserId reviewer = reviewerId.isBlank() ? null : UserId.parse(reviewerId);
        return act(
                id,
                redirect,
                () -> applicants.assignReviewer(actor, ApplicantId.parse(id), reviewer, ClientInfo.of(request)));
    }

    @PostMapping("/applicants/{id}/warnings/{warningId}/resolve")
    String resolve(
            Actor actor,
            @PathVariable String id,
            @PathVariable String warningId,
            @RequestParam(defaultValue = "") String reason,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                () -> applicants.resolveWarning(
                        actor, ApplicantId.parse(id), warningId, reason, ClientInfo.of(request)));
    }

    @PostMapping("/applicants/{id}/comments")
    String comment(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "") String text,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            applicants.comment(actor, ApplicantId.parse(id), text, ClientInfo.of(request));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "applicants.commentEmpty");
        }
        return "redirect:/applicants/" + ApplicantId.parse(id) + "?tab=comments";
    }

    /** Request Additional Information: a link to an on-demand flow, shown once on the profile. */
    @PostMapping("/applicants/{id}/additional-requests")
    String requestAdditionalInformation(
            Actor actor,
            @PathVariable String id,
            @RequestParam String flowId,
            @RequestParam(defaultValue = "en") String applicantLang,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            AccessLink link = applicants.requestAdditionalInformation(
                    actor,
                    ApplicantId.parse(id),
                    FlowId.parse(flowId),
                    Duration.ofDays(7),
                    applicantLang,
                    ClientInfo.of(request));
            redirect.addFlashAttribute("link", link);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "problem.unknown");
        }
        return "redirect:/applicants/" + ApplicantId.parse(id);
    }

    /** Generate Link: a new link to the applicant's flow, shown once on the profile. */
    @PostMapping("/applicants/{id}/link")
    String link(
            Actor actor,
            @PathVariable String id,
            @RequestParam(defaultValue = "72") int lifetimeHours,
            @RequestParam(defaultValue = "en") String applicantLang,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            AccessLink link = applicants.accessLink(
                    actor,
                    ApplicantId.parse(id),
                    Duration.ofHours(Math.max(1, Math.min(lifetimeHours, 720))),
                    applicantLang,
                    ClientInfo.of(request));
            redirect.addFlashAttribute("link", link);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "applicants.noMoreSubmissions");
        }
        return "redirect:/applicants/" + ApplicantId.parse(id);
    }

    private String act(String id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", "applicants.saved");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", "applicants.notNow");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "flashError", "problem." + e.errors().getFirst().code());
        }
        return "redirect:/applicants/" + ApplicantId.parse(id);
    }

    private Optional<ApplicantView> existing(Actor actor, VerificationForm form) {
        ApplicationId application = applications
                .applicationIn(actor.companyId(), actor.mode(), id(form.applicationId(), ApplicationId::new))
                .orElse(null);
        return applicants
                .search(
                        actor,
                        new ApplicantSearch(
                                form.externalUserId().strip(), null, null, null, null, null, null, null, 0, 10, null))
                .items()
                .stream()
                .filter(a -> a.applicationId().equals(application))
                .findFirst()
                .map(a -> {
                    if (a.status() != ApplicantStatus.INIT && a.status() != ApplicantStatus.INCOMPLETE) {
                        throw new ConflictException("This applicant has finished their flow.");
                    }
                    return a;
                });
    }

    private void choices(Actor actor, Model model) {
        model.addAttribute("statuses", ApplicantStatus.values());
        model.addAttribute("flows", flows.flowNames(actor.companyId(), actor.mode(), FlowType.REGULAR));
        model.addAttribute("applications", applications.applicationNames(actor.companyId(), actor.mode()));
        model.addAttribute("reviewers", team.activeMembers(actor.companyId()));
        model.addAttribute("languages", Languages.SUPPORTED);
        model.addAttribute("canReview", actor.can(Permission.APPLICANTS_REVIEW));
    }

    private static <T> @Nullable T id(@Nullable String value, java.util.function.Function<UUID, T> wrap) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return wrap.apply(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The table's filters, from the query string. */
    record Filter(
            @Nullable String externalUserId,
            @Nullable ApplicantStatus status,
            @Nullable String flowId,
            @Nullable String reviewerId,
            @Nullable String country,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate from,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate to,

            @Nullable Boolean warnings,
            @Nullable Integer page,
            @Nullable String sort) {}

    /** The New Verification form. */
    record VerificationForm(
            @Nullable String applicationId,
            @Nullable String flowId,
            @NotBlank @Size(max = 200) String externalUserId,
            @NotBlank String applicantLang,
            @NotNull @Min(1) @Max(720) Integer lifetimeHours) {}
}
