package org.openkyc.applicants;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.applicants.lifecycle.Lifecycle;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.ConflictException;
import org.openkyc.core.Mode;
import org.openkyc.core.UserId;
import org.openkyc.flows.FlowId;
import org.openkyc.flows.PublishedFlow;
import org.openkyc.flows.definition.StepType;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person's verification through one application. Its status moves only as {@link Lifecycle} allows;
 * steps, warnings and personal data are kept as JSON.
 */
@Table("applicant")
class Applicant {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<StepType> FRAME = Set.of(StepType.INTRO, StepType.THANK_YOU);

    @Id
    private ApplicantId id;

    private CompanyId companyId;
    private Mode mode;
    private ApplicationId applicationId;
    private String externalUserId;
    private FlowId flowId;
    private int flowVersion;
    private ApplicantStatus status;
    private @Nullable String email;
    private @Nullable String phone;
    private String lang;
    private String fixedInfo = "{}";
    private String info = "{}";
    private String steps = "[]";
    private String warnings = "[]";
    private String device = "{}";
    private @Nullable UserId reviewerId;
    private @Nullable ApplicantStatus reviewDecision;
    private @Nullable String reviewComment;
    private String rejectLabels = "[]";
    private @Nullable String country;
    private @Nullable Instant deletionScheduledAt;
    private @Nullable Instant archivedAt;
    private @Nullable Instant erasedAt;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    private Applicant() {}

    Applicant(
            CompanyId companyId,
            Mode mode,
            ApplicationId applicationId,
            String externalUserId,
            PublishedFlow flow,
            @Nullable String email,
            @Nullable String phone,
            String lang,
            Map<String, Object> fixedInfo,
            Instant now) {
        this.id = ApplicantId.random();
        this.companyId = companyId;
        this.mode = mode;
        this.applicationId = applicationId;
        this.externalUserId = externalUserId;
        this.flowId = flow.id();
        this.flowVersion = flow.version();
        this.status = ApplicantStatus.INIT;
        this.email = email;
        this.phone = phone;
        this.lang = lang;
        this.fixedInfo = JSON.writeValueAsString(fixedInfo);
        Object declaredCountry = fixedInfo.get("country");
        this.country = declaredCountry == null ? null : declaredCountry.toString();
        this.steps = JSON.writeValueAsString(stepsOf(flow, List.of()));
        this.createdAt = now;
        this.updatedAt = now;
    }

    ApplicantId id() {
        return id;
    }

    CompanyId companyId() {
        return companyId;
    }

    Mode mode() {
        return mode;
    }

    ApplicationId applicationId() {
        return applicationId;
    }

    ApplicantStatus status() {
        return status;
    }

    FlowId flowId() {
        return flowId;
    }

    int flowVersion() {
        return flowVersion;
    }

    /** Moves the status; a move the lifecycle does not allow is a conflict and changes nothing. */
    ApplicantStatus apply(ApplicantAction action, Instant now) {
        ApplicantStatus from = status;
        status = Lifecycle.next(status, action)
                .orElseThrow(() -> new ConflictException("An applicant in status " + from + " cannot be moved by "
                        + action + "; allowed from " + Lifecycle.allowedFrom(action) + "."));
        updatedAt = now;
        return from;
    }

    void decide(ApplicantStatus decision, @Nullable UserId reviewer, @Nullable String comment, List<String> labels) {
        this.reviewDecision = decision;
        if (reviewer != null) {
            this.reviewerId = reviewer;
        }
        this.reviewComment = comment;
        this.rejectLabels = JSON.writeValueAsString(labels);
    }

    void assign(@Nullable UserId reviewer, Instant now) {
        this.reviewerId = reviewer;
        this.updatedAt = now;
    }

    @Nullable
    UserId reviewerId() {
        return reviewerId;
    }

    /**
     * Moves the applicant to another flow. Steps both flows share keep their state; answers whether a step now
     * waits for the applicant that did not wait before.
     */
    boolean changeFlow(PublishedFlow flow, Instant now) {
        List<StepState> before = steps();
        List<StepState> after = stepsOf(flow, before);
        Set<StepType> waitingBefore =
                before.stream().filter(s -> !s.done()).map(StepState::type).collect(Collectors.toSet());
        this.flowId = flow.id();
        this.flowVersion = flow.version();
        this.steps = JSON.writeValueAsString(after);
        this.updatedAt = now;
        return after.stream().anyMatch(s -> !s.done() && !waitingBefore.contains(s.type()));
    }

    List<StepState> steps() {
        return JSON.readValue(steps, new TypeReference<List<StepState>>() {});
    }

    List<Warning> warnings() {
        return JSON.readValue(warnings, new TypeReference<List<Warning>>() {});
    }

    void raise(Warning warning, Instant now) {
        List<Warning> all = new ArrayList<>(warnings());
        all.add(warning);
        this.warnings = JSON.writeValueAsString(all);
        this.updatedAt = now;
    }

    boolean resolve(String warningId, @Nullable UserId by, String reason, Instant now) {
        List<Warning> all = warnings();
        boolean found = all.stream().anyMatch(w -> w.id().equals(warningId) && w.open());
        this.warnings = JSON.writeValueAsString(all.stream()
                .map(w -> w.id().equals(warningId) && w.open() ? w.resolve(by, reason, now) : w)
                .toList());
        this.updatedAt = now;
        return found;
    }

    /** Marks a step of the applicant's flow passed; false when the flow has no such step. */
    boolean pass(StepType type, @Nullable String result, Instant now) {
        return record(type, StepState.StepStatus.PASSED, result, now);
    }

    boolean record(StepType type, StepState.StepStatus status, @Nullable String result, Instant now) {
        List<StepState> all = steps();
        if (all.stream().noneMatch(s -> s.type() == type)) {
            return false;
        }
        this.steps = JSON.writeValueAsString(all.stream()
                .map(s -> s.type() == type ? new StepState(type, status, result) : s)
                .toList());
        this.updatedAt = now;
        return true;
    }

    @Nullable
    Instant deletionScheduledAt() {
        return deletionScheduledAt;
    }

    /** Schedules the erasure of the applicant's data; a second request keeps the first date. */
    Instant scheduleDeletion(Instant at, Instant now) {
        if (deletionScheduledAt == null) {
            deletionScheduledAt = at;
            updatedAt = now;
        }
        return deletionScheduledAt;
    }

    /** Cancels a scheduled erasure; false when none was scheduled. */
    boolean cancelDeletion(Instant now) {
        if (deletionScheduledAt == null || erasedAt != null) {
            return false;
        }
        deletionScheduledAt = null;
        updatedAt = now;
        return true;
    }

    /** Where the applicant started the flow from. */
    void startedOn(Map<String, Object> details, Instant now) {
        this.device = JSON.writeValueAsString(details);
        this.updatedAt = now;
    }

    @Nullable
    String country() {
        return country;
    }

    void verifiedPhone(String number, Instant now) {
        this.phone = number;
        this.updatedAt = now;
    }

    void verifiedEmail(String address, Instant now) {
        this.email = address;
        this.updatedAt = now;
    }

    /** Declined with only retry labels: the applicant may submit again. */
    boolean declinedWithRetry() {
        return status == ApplicantStatus.DECLINED
                && ReviewDecision.retryAllowed(JSON.readValue(rejectLabels, new TypeReference<List<String>>() {}));
    }

    /** Every step waits for the applicant again, for a new submission after a decline that allows a retry. */
    /** Puts one step back to the start; answers whether the flow has it. */
    boolean restartStep(StepType type, Instant now) {
        List<StepState> current = steps();
        if (current.stream().noneMatch(s -> s.type() == type)) {
            return false;
        }
        this.steps = JSON.writeValueAsString(current.stream()
                .map(step -> step.type() == type ? StepState.notStarted(type) : step)
                .toList());
        this.updatedAt = now;
        return true;
    }

    void restartSteps(Instant now) {
        this.steps = JSON.writeValueAsString(
                steps().stream().map(step -> StepState.notStarted(step.type())).toList());
        this.updatedAt = now;
    }

    ApplicantEvents.Subject subject() {
        return new ApplicantEvents.Subject(
                id,
                companyId,
                mode,
                applicationId,
                externalUserId,
                status,
                warnings().stream().filter(Warning::open).map(Warning::code).toList());
    }

    boolean hasOpenWarnings() {
        return warnings().stream().anyMatch(Warning::open);
    }

    ApplicantView view() {
        List<Warning> all = new ArrayList<>(warnings());
        all.sort((a, b) -> Boolean.compare(b.open(), a.open()));
        return new ApplicantView(
                id,
                externalUserId,
                applicationId,
                status,
                flowId,
                flowVersion,
                createdAt,
                updatedAt,
                email,
                phone,
                lang,
                map(fixedInfo),
                map(info),
                new ApplicantView.Review(
                        reviewDecision,
                        reviewerId,
                        reviewComment,
                        JSON.readValue(rejectLabels, new TypeReference<List<String>>() {}),
                        all),
                steps(),
                map(device),
                List.of(),
                deletionScheduledAt,
                archivedAt,
                erasedAt);
    }

    /**
     * Erases what the applicant told and showed about themselves (contact details, personal information, device,
     * the review comment and step results), keeping the status, the steps' progress and the decision's labels.
     */
    void archive(Instant now) {
        clearPersonalData(now);
        this.archivedAt = now;
    }

    /**
     * Erases every personal field for good, the external user id too (it may be an email address): what stays is a
     * tombstone with the ids, the flow, the status, the decision's labels and the sealed timeline.
     */
    void erase(Instant now) {
        clearPersonalData(now);
        this.externalUserId = "erased:" + id;
        this.warnings = "[]";
        this.erasedAt = now;
    }

    private void clearPersonalData(Instant now) {
        this.email = null;
        this.phone = null;
        this.fixedInfo = "{}";
        this.info = "{}";
        this.device = "{}";
        this.reviewComment = null;
        this.country = null;
        this.steps = JSON.writeValueAsString(steps().stream()
                .map(s -> new StepState(s.type(), s.status(), null))
                .toList());
        this.updatedAt = now;
    }

    @Nullable
    Instant erasedAt() {
        return erasedAt;
    }

    @Nullable
    Instant archivedAt() {
        return archivedAt;
    }

    private static List<StepState> stepsOf(PublishedFlow flow, List<StepState> kept) {
        Map<StepType, StepState> byType = kept.stream().collect(Collectors.toMap(StepState::type, s -> s, (a, b) -> a));
        return flow.definition().stepTypes().stream()
                .filter(type -> !FRAME.contains(type))
                .map(type -> byType.getOrDefault(type, StepState.notStarted(type)))
                .toList();
    }

    private static Map<String, Object> map(String json) {
        return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
    }
}
