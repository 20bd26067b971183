package org.openkyc.applicants.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.AccessLink;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantPage;
import org.openkyc.applicants.ApplicantReports;
import org.openkyc.applicants.ApplicantSearch;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.Comment;
import org.openkyc.applicants.NewApplicant;
import org.openkyc.applicants.ReviewDecision;
import org.openkyc.applicants.TimelineCheck;
import org.openkyc.applicants.TimelineEntry;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.UserId;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.flows.FlowId;
import org.openkyc.flows.definition.StepType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The applicant resources of the contract, plus review work and the timeline. */
@RestController
class ApplicantApiController {

    private final ApplicantManagement applicants;
    private final ApplicantReports reports;

    ApplicantApiController(ApplicantManagement applicants, ApplicantReports reports) {
        this.applicants = applicants;
        this.reports = reports;
    }

    /** Schedules the erasure of the applicant's data 20 days out; it can be restored until then. */
    @DeleteMapping("/api/v1/applicants/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> delete(Actor actor, @PathVariable String id, HttpServletRequest http) {
        ApplicantId applicant = ApplicantId.parse(id);
        Instant at = applicants.scheduleDeletion(actor, applicant, ClientInfo.of(http));
        return Map.of("id", applicant.toString(), "deletionScheduledAt", at);
    }

    /** Cancels a scheduled deletion (409 when none is scheduled). */
    /** Status-only KYC's archive: a decided applicant's personal data is erased now; status and certificates stay. */
    @PostMapping("/api/v1/applicants/{id}/archive")
    ApplicantView archive(Actor actor, @PathVariable String id, HttpServletRequest http) {
        return applicants.archive(actor, ApplicantId.parse(id), ClientInfo.of(http));
    }

    @PostMapping("/api/v1/applicants/{id}/restore")
    ApplicantView restore(Actor actor, @PathVariable String id, HttpServletRequest http) {
        return applicants.restore(actor, ApplicantId.parse(id), ClientInfo.of(http));
    }

    /** The report ZIP: {@code report.pdf}, {@code history.json}, {@code history.csv}. */
    @GetMapping("/api/v1/applicants/{id}/report")
    void report(Actor actor, @PathVariable String id, HttpServletResponse response) throws IOException {
        ReportDownloads.send(reports, actor, ApplicantId.parse(id), response);
    }

    @PostMapping("/api/v1/applicants")
    @ResponseStatus(HttpStatus.CREATED)
    ApplicantView create(Actor actor, @Valid @RequestBody NewApplicant request, HttpServletRequest http) {
        return applicants.create(actor, request, ClientInfo.of(http));
    }

    @GetMapping("/api/v1/applicants")
    ApplicantPage search(
            Actor actor,
            @RequestParam(required = false) @Nullable String externalUserId,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String flowId,
            @RequestParam(required = false) @Nullable String reviewerId,
            @RequestParam(required = false) @Nullable String country,
            @RequestParam(required = false) @Nullable Instant createdFrom,
            @RequestParam(required = false) @Nullable Instant createdTo,
            @RequestParam(required = false) @Nullable Boolean withOpenWarnings,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) @Nullable String sort) {
        return applicants.search(
                actor,
                new ApplicantSearch(
                        externalUserId,
                        status == null ? null : status(status),
                        flowId == null ? null : new FlowId(uuid("flowId", flowId)),
                        reviewerId == null ? null : new UserId(uuid("reviewerId", reviewerId)),
                        country,
                        createdFrom,
                        createdTo,
                        withOpenWarnings,
                        page,
                        size,
                        sort));
    }

    @GetMapping("/api/v1/applicants/{id}")
    ApplicantView applicant(Actor actor, @PathVariable String id) {
        return applicants.applicant(actor, ApplicantId.parse(id));
    }

    @PostMapping("/api/v1/applicants/{id}/access-tokens")
    AccessLink accessToken(
            Actor actor, @PathVariable String id, @RequestBody LinkRequest request, HttpServletRequest http) {
        long ttl = request.ttlSeconds() == null ? 3600 : request.ttlSeconds();
        return applicants.accessLink(
                actor, ApplicantId.parse(id), Duration.ofSeconds(ttl), request.lang(), ClientInfo.of(http));
    }

    /** Request Additional Information: a link to an on-demand flow; the applicant's flow and status stay. */
    @PostMapping("/api/v1/applicants/{id}/additional-requests")
    AccessLink requestAdditionalInformation(
            Actor actor,
            @PathVariable String id,
            @Valid @RequestBody AdditionalRequest request,
            HttpServletRequest http) {
        long ttl = request.ttlSeconds() == null ? 7 * 24 * 3600 : request.ttlSeconds();
        return applicants.requestAdditionalInformation(
                actor,
                ApplicantId.parse(id),
                new FlowId(uuid("flowId", request.flowId())),
                Duration.ofSeconds(ttl),
                request.lang(),
                ClientInfo.of(http));
    }

    @GetMapping("/api/v1/applicants/{id}/comments")
    List<Comment> comments(Actor actor, @PathVariable String id) {
        return applicants.comments(actor, ApplicantId.parse(id));
    }

    @PostMapping("/api/v1/applicants/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Comment comment(
            Actor actor, @PathVariable String id, @Valid @RequestBody NewComment request, HttpServletRequest http) {
        return applicants.comment(actor, ApplicantId.parse(id), request.text(), ClientInfo.of(http));
    }

    @PutMapping("/api/v1/applicants/{id}/flow")
    ApplicantView changeFlow(
            Actor actor, @PathVariable String id, @Valid @RequestBody FlowChange request, HttpServletRequest http) {
        return applicants.changeFlow(
                actor, ApplicantId.parse(id), new FlowId(uuid("flowId", request.flowId())), ClientInfo.of(http));
    }

    @PostMapping("/api/v1/applicants/{id}/review")
    ApplicantView review(
            Actor actor,
            @PathVariable String id,
            @Valid @RequestBody ReviewDecision decision,
            HttpServletRequest http) {
        return applicants.review(actor, ApplicantId.parse(id), decision, ClientInfo.of(http));
    }

    /** Which step to do again, and what to tell the applicant. */
    record Resubmission(
            @NotNull StepType step,
            @NotNull @Size(min = 1, max = 2000) String message) {}

    /** A reviewer asks the applicant to do a step again. */
    @PostMapping("/api/v1/applicants/{id}/resubmission")
    ApplicantView resubmission(
            Actor actor, @PathVariable String id, @Valid @RequestBody Resubmission request, HttpServletRequest http) {
        return applicants.requestResubmission(
                actor, ApplicantId.parse(id), request.step(), request.message(), ClientInfo.of(http));
    }

    /** A reviewer starts looking at the applicant. */
    @PostMapping("/api/v1/applicants/{id}/review/start")
    ApplicantView startReview(Actor actor, @PathVariable String id, HttpServletRequest http) {
        return applicants.startReview(actor, ApplicantId.parse(id), ClientInfo.of(http));
    }

    @PutMapping("/api/v1/applicants/{id}/reviewer")
    ApplicantView assign(
            Actor actor, @PathVariable String id, @RequestBody ReviewerChange request, HttpServletRequest http) {
        UserId reviewer = request.reviewerId() == null ? null : new UserId(uuid("reviewerId", request.reviewerId()));
        return applicants.assignReviewer(actor, ApplicantId.parse(id), reviewer, ClientInfo.of(http));
    }

    @PostMapping("/api/v1/applicants/{id}/warnings/{warningId}/resolve")
    ApplicantView resolve(
            Actor actor,
            @PathVariable String id,
            @PathVariable String warningId,
            @Valid @RequestBody Resolution request,
            HttpServletRequest http) {
        return applicants.resolveWarning(
                actor, ApplicantId.parse(id), warningId, request.reason(), ClientInfo.of(http));
    }

    @GetMapping("/api/v1/applicants/{id}/timeline")
    List<TimelineEntry> timeline(Actor actor, @PathVariable String id) {
        return applicants.timeline(actor, ApplicantId.parse(id));
    }

    /** Checks the timeline's hash chain and names every altered or missing entry. */
    @GetMapping("/api/v1/applicants/{id}/timeline/verification")
    TimelineCheck verify(Actor actor, @PathVariable String id) {
        return applicants.verifyTimeline(actor, ApplicantId.parse(id));
    }

    private static ApplicantStatus status(String value) {
        try {
            return ApplicantStatus.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("status", "unknown", "is not an applicant status");
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "unknown", "is not a known id");
        }
    }

    record LinkRequest(@Nullable Long ttlSeconds, @Nullable String lang) {}

    record FlowChange(@NotBlank String flowId) {}

    record AdditionalRequest(
            @NotBlank String flowId,
            @Nullable Long ttlSeconds,
            @Nullable String lang) {}

    record NewComment(@NotBlank String text) {}

    record ReviewerChange(@Nullable String reviewerId) {}

    record Resolution(@NotBlank String reason) {}
}
