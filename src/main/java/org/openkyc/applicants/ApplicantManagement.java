package org.openkyc.applicants;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.TimelineEntry.ActorType;
import org.openkyc.applicants.lifecycle.ApplicantAction;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.applicants.lifecycle.Lifecycle;
import org.openkyc.core.Actor;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.ConflictException;
import org.openkyc.core.ForbiddenException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Links;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.core.UserId;
import org.openkyc.core.crypto.Tokens;
import org.openkyc.core.web.ClientInfo;
import org.openkyc.flows.FlowId;
import org.openkyc.flows.FlowManagement;
import org.openkyc.flows.PublishedFlow;
import org.openkyc.flows.definition.FlowType;
import org.openkyc.flows.definition.StepType;
import org.openkyc.tenancy.ApplicationManagement;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Metering;
import org.openkyc.tenancy.TeamManagement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifications: creating them, links for applicants, flow changes, reviews and warnings, and the timeline.
 * A private key acts on its own application's applicants; workplace users on all of their company's in the
 * selected mode. Every status change goes through {@link org.openkyc.applicants.lifecycle.Lifecycle}, is
 * written to the timeline and published as an {@link ApplicantEvents.ApplicantStatusChanged}, all in one
 * transaction.
 */
@Service
public class ApplicantManagement {

    static final Duration MIN_LINK_LIFETIME = Duration.ofSeconds(60);
    static final Duration MAX_LINK_LIFETIME = Duration.ofDays(30);

    /** How long a scheduled deletion can still be cancelled. */
    public static final Duration DELETION_GRACE = Duration.ofDays(20);

    private static final Set<ApplicantStatus> ARCHIVABLE =
            EnumSet.of(ApplicantStatus.APPROVED, ApplicantStatus.DECLINED, ApplicantStatus.BLOCKED);

    private final Applicants applicants;
    private final Timeline timeline;
    private final FlowManagement flows;
    private final ApplicationManagement applications;
    private final TeamManagement team;
    private final Metering metering;
    private final CompanyManagement companies;
    private final PersonalDataRows personalData;
    private final ObjectProvider<StepResults> stepResults;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Links links;
    private final Clock clock;

    ApplicantManagement(
            Applicants applicants,
            Timeline timeline,
            FlowManagement flows,
            ApplicationManagement applications,
            TeamManagement team,
            Metering metering,
            CompanyManagement companies,
            PersonalDataRows personalData,
            ObjectProvider<StepResults> stepResults,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            Links links,
            Clock clock) {
        this.applicants = applicants;
        this.timeline = timeline;
        this.flows = flows;
        this.applications = applications;
        this.team = team;
        this.metering = metering;
        this.companies = companies;
        this.personalData = personalData;
        this.stepResults = stepResults;
        this.events = events;
        this.jdbc = jdbc;
        this.links = links;
        this.clock = clock;
    }

    @Transactional
    public ApplicantView create(Actor actor, NewApplicant request, ClientInfo client) {
        requireWrite(actor);
        ApplicationId application = actor.applicationId() != null
                ? actor.applicationId()
                : applications
                        .applicationIn(
                                actor.companyId(),
                                actor.mode(),
                                request.applicationId() == null
                                        ? null
                                        : new ApplicationId(field("applicationId", request.applicationId())))
                        .orElseThrow(() -> InvalidInputException.of(
                                "applicationId", "unknown", "is not an application of this mode"));
        PublishedFlow flow = request.flowId() == null
                ? flows.defaultFlow(actor.companyId(), actor.mode())
                        .orElseThrow(() -> InvalidInputException.of(
                                "flowId", "required", "this mode has no default flow yet; name one"))
                : flows.published(actor.companyId(), actor.mode(), new FlowId(field("flowId", request.flowId())))
                        .orElseThrow(() -> InvalidInputException.of("flowId", "unknown", "is not a flow of this mode"));
        if (flow.definition().type() != FlowType.REGULAR) {
            throw InvalidInputException.of("flowId", "onDemand", "an on-demand flow cannot start a verification");
        }
        String externalUserId = request.externalUserId().strip();
        if (applicants.existsByApplicationIdAndExternalUserId(application, externalUserId)) {
            throw new ConflictException("This application already has an applicant with this externalUserId.");
        }
        metering.countVerification(actor.companyId(), actor.mode());
        Instant now = clock.instant();
        Applicant applicant = applicants.save(new Applicant(
                actor.companyId(),
                actor.mode(),
                application,
                externalUserId,
                flow,
                blankToNull(request.email()),
                blankToNull(request.phone()),
                request.lang() == null ? "en" : request.lang(),
                request.fixedInfo() == null ? Map.of() : request.fixedInfo(),
                now));
        record(
                applicant,
                actor,
                "CREATED",
                Map.of("flowId", flow.id().toString(), "flowVersion", flow.version()),
                client);
        events.publishEvent(new ApplicantEvents.ApplicantCreated(applicant.subject(), now));
        return applicant.view();
    }

    public ApplicantView applicant(Actor actor, ApplicantId id) {
        requireRead(actor);
        ApplicantView view = load(actor, id).view();
        return hidesPersonalData(actor) ? view.withoutPersonalData() : view;
    }

    /**
     * Whether the actor sees no personal data: a status-only company's own users and keys do not; the platform
     * operators who review for it do.
     */
    public boolean hidesPersonalData(Actor actor) {
        return !actor.operator() && companies.statusOnly(actor.companyId());
    }

    /** In a status-only company the platform operators review; its own users and keys see statuses only. */
    private void requireSightOfPersonalData(Actor actor) {
        if (hidesPersonalData(actor)) {
            throw new ForbiddenException("The company uses status-only KYC: applicants' personal data and reviews"
                    + " are for the platform operators.");
        }
    }

    public ApplicantPage search(Actor actor, ApplicantSearch search) {
        requireRead(actor);
        int size = Math.max(1, Math.min(search.size(), 100));
        int page = Math.max(0, search.page());
        StringBuilder where = new StringBuilder("company_id = :company AND mode = :mode");
        Map<String, Object> params = new HashMap<>();
        params.put("company", actor.companyId().value());
        params.put("mode", actor.mode().name());
        if (actor.applicationId() != null) {
            where.append(" AND application_id = :application");
            params.put("application", actor.applicationId().value());
        }
        if (search.externalUserId() != null) {
            where.append(" AND external_user_id = :external");
            params.put("external", search.externalUserId());
        }
        if (search.status() != null) {
            where.append(" AND status = :status");
            params.put("status", search.status().name());
        }
        if (search.flowId() != null) {
            where.append(" AND flow_id = :flow");
            params.put("flow", search.flowId().value());
        }
        if (search.reviewerId() != null) {
            where.append(" AND reviewer_id = :reviewer");
            params.put("reviewer", search.reviewerId().value());
        }
        if (search.country() != null) {
            where.append(" AND upper(country) = :country");
            params.put("country", search.country().toUpperCase(Locale.ROOT));
        }
        if (search.createdFrom() != null) {
            where.append(" AND created_at >= :from");
            params.put("from", Timestamp.from(search.createdFrom()));
        }
        if (search.createdTo() != null) {
            where.append(" AND created_at < :to");
            params.put("to", Timestamp.from(search.createdTo()));
        }
        if (search.withOpenWarnings() != null) {
            where.append(search.withOpenWarnings() ? " AND" : " AND NOT")
                    .append(" jsonb_path_exists(warnings::jsonb, '$[*] ? (@.resolution == null)')");
        }
        long total = jdbc.sql("SELECT count(*) FROM applicant WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<UUID> ids = jdbc.sql("SELECT id FROM applicant WHERE " + where + " ORDER BY " + search.orderBy()
                        + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(UUID.class)
                .list();
        Map<ApplicantId, Applicant> found = applicants
                .findAllById(ids.stream().map(ApplicantId::new).toList())
                .stream()
                .collect(Collectors.toMap(Applicant::id, Function.identity()));
        boolean hidden = hidesPersonalData(actor);
        List<ApplicantView> items = ids.stream()
                .map(id -> found.get(new ApplicantId(id)).view())
                .map(view -> hidden ? view.withoutPersonalData() : view)
                .toList();
        return new ApplicantPage(items, page, size, total);
    }

    /**
     * A link that opens the hosted flow; only its fingerprint is stored. After a decline that allows a retry the
     * link reopens the verification with every step waiting again; after a final decline or a block there is no
     * link (409).
     */
    @Transactional
    public AccessLink accessLink(
            Actor actor, ApplicantId id, Duration lifetime, @Nullable String lang, ClientInfo client) {
        requireWrite(actor);
        if (lifetime.compareTo(MIN_LINK_LIFETIME) < 0 || lifetime.compareTo(MAX_LINK_LIFETIME) > 0) {
            throw InvalidInputException.of("ttlSeconds", "range", "must be 60 seconds to 30 days");
        }
        Applicant applicant = load(actor, id);
        requireOpenToSubmissions(applicant);
        AccessLink link = issueLink(applicant, lifetime, lang, null);
        record(
                applicant,
                actor,
                "LINK_CREATED",
                Map.of("expiresAt", link.expiresAt().toString()),
                client);
        if (applicant.status() == ApplicantStatus.DECLINED) {
            applicant.restartSteps(clock.instant());
            move(applicant, ApplicantAction.REOPEN, actor, client, Map.of("reason", "retry after decline"));
        }
        return link;
    }

    /** A final decline or a block ends the verification: no more links, no reopening. */
    private static void requireOpenToSubmissions(Applicant applicant) {
        if (applicant.erasedAt() != null) {
            throw new ConflictException("This applicant was erased; it takes no further submissions.");
        }
        if (isClosedForGood(applicant)) {
            throw new ConflictException("This verification is " + applicant.status()
                    + " for good (a final decline or a block); it takes no further submissions.");
        }
    }

    private static boolean isClosedForGood(Applicant applicant) {
        return applicant.status() == ApplicantStatus.BLOCKED
                || applicant.status() == ApplicantStatus.DECLINED && !applicant.declinedWithRetry();
    }

    private AccessLink issueLink(
            Applicant applicant, Duration lifetime, @Nullable String lang, @Nullable PublishedFlow onDemand) {
        String token = "at_" + Tokens.random(32);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        jdbc.sql(
                        "INSERT INTO applicant_access_token (token_hash, applicant_id, lang, expires_at, created_at, flow_id, flow_version)"
                                + " VALUES (:hash, :applicant, :lang, :expires, :now, :flow, :version)")
                .param("hash", Tokens.fingerprint(token))
                .param("applicant", applicant.id().value())
                .param("lang", lang == null ? applicant.view().lang() : lang)
                .param("expires", Timestamp.from(expiresAt))
                .param("now", Timestamp.from(now))
                .param("flow", onDemand == null ? null : onDemand.id().value())
                .param("version", onDemand == null ? null : onDemand.version())
                .update();
        return new AccessLink(token, links.to("/verify/" + token), expiresAt);
    }

    /**
     * Request Additional Information: a link to an on-demand flow. The applicant's own flow and status stay as
     * they are.
     */
    @Transactional
    public AccessLink requestAdditionalInformation(
            Actor actor,
            ApplicantId id,
            FlowId onDemandFlow,
            Duration lifetime,
            @Nullable String lang,
            ClientInfo client) {
        requireWrite(actor);
        requireSightOfPersonalData(actor);
        if (lifetime.compareTo(MIN_LINK_LIFETIME) < 0 || lifetime.compareTo(MAX_LINK_LIFETIME) > 0) {
            throw InvalidInputException.of("ttlSeconds", "range", "must be 60 seconds to 30 days");
        }
        Applicant applicant = load(actor, id);
        requireOpenToSubmissions(applicant);
        PublishedFlow flow = flows.published(actor.companyId(), actor.mode(), onDemandFlow)
                .filter(f -> f.definition().type() == FlowType.ON_DEMAND)
                .orElseThrow(
                        () -> InvalidInputException.of("flowId", "unknown", "is not an on-demand flow of this mode"));
        AccessLink link = issueLink(applicant, lifetime, lang, flow);
        record(
                applicant,
                actor,
                "ADDITIONAL_INFO_REQUESTED",
                Map.of(
                        "flowId",
                        flow.id().toString(),
                        "expiresAt",
                        link.expiresAt().toString()),
                client);
        return link;
    }

    public List<Comment> comments(Actor actor, ApplicantId id) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_VIEW);
        load(actor, id);
        return jdbc.sql(
                        "SELECT id, author_id, text, created_at FROM applicant_comment WHERE applicant_id = :id ORDER BY created_at, id")
                .param("id", id.value())
                .query((rows, i) -> new Comment(
                        rows.getObject("id", UUID.class),
                        new UserId(rows.getObject("author_id", UUID.class)),
                        rows.getString("text"),
                        rows.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional
    public Comment comment(Actor actor, ApplicantId id, String text, ClientInfo client) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_VIEW);
        String clean = text.strip();
        if (clean.isEmpty() || clean.length() > 5000) {
            throw InvalidInputException.of("text", "Size", "must be 1 to 5000 characters");
        }
        Applicant applicant = load(actor, id);
        Comment comment = new Comment(UUID.randomUUID(), actor.requireUser(), clean, clock.instant());
        jdbc.sql(
                        "INSERT INTO applicant_comment (id, applicant_id, author_id, text, created_at) VALUES (:id, :applicant, :author, :text, :at)")
                .param("id", comment.id())
                .param("applicant", id.value())
                .param("author", comment.authorId().value())
                .param("text", clean)
                .param("at", Timestamp.from(comment.createdAt()))
                .update();
        record(applicant, actor, "COMMENTED", Map.of("commentId", comment.id().toString()), client);
        return comment;
    }

    /** Moves the applicant to another flow; shared steps that are done stay done. */
    @Transactional
    public ApplicantView changeFlow(Actor actor, ApplicantId id, FlowId flowId, ClientInfo client) {
        requireSightOfPersonalData(actor);
        requireWrite(actor);
        Applicant applicant = load(actor, id);
        PublishedFlow flow = flows.published(actor.companyId(), actor.mode(), flowId)
                .filter(f -> f.definition().type() == FlowType.REGULAR)
                .orElseThrow(() -> InvalidInputException.of("flowId", "unknown", "is not a regular flow of this mode"));
        FlowId before = applicant.flowId();
        boolean stepsWait = applicant.changeFlow(flow, clock.instant());
        applicants.save(applicant);
        record(applicant, actor, "FLOW_CHANGED", Map.of("from", before.toString(), "to", flowId.toString()), client);
        ApplicantStatus status = applicant.status();
        if (stepsWait
                && status != ApplicantStatus.INIT
                && status != ApplicantStatus.INCOMPLETE
                && !isClosedForGood(applicant)) {
            move(applicant, ApplicantAction.REOPEN, actor, client, Map.of("reason", "flow changed"));
        }
        return applicant.view();
    }

    /**
     * A reviewer rejects one step's data (an expired or unreadable document, say) and asks the applicant for it again:
     * the step starts over and the verification waits for the applicant (INCOMPLETE), also when it was APPROVED; once
     * the applicant has done the step again it is COMPLETED for review, which the webhooks tell the company.
     */
    @Transactional
    public ApplicantView requestResubmission(
            Actor actor, ApplicantId id, StepType step, String message, ClientInfo client) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_REVIEW);
        Applicant applicant = load(actor, id);
        if (message.isBlank() || message.length() > 2000) {
            throw InvalidInputException.of("message", "size", "say in 1 to 2000 characters what to send again");
        }
        if (Lifecycle.next(applicant.status(), ApplicantAction.REOPEN).isEmpty()) {
            throw new ConflictException("A verification that is " + applicant.status() + " cannot be asked again.");
        }
        if (!applicant.restartStep(step, clock.instant())) {
            throw InvalidInputException.of("step", "notInFlow", "is not a step of the applicant's flow");
        }
        applicants.save(applicant);
        record(
                applicant,
                actor,
                "RESUBMISSION_REQUESTED",
                Map.of("step", step.name(), "message", message.strip()),
                client);
        move(applicant, ApplicantAction.REOPEN, actor, client, Map.of("reason", "resubmission of " + step.name()));
        return applicant.view();
    }

    /** A reviewer starts looking: the applicant moves to IN_REVIEW and gets them as reviewer if it had none. */
    @Transactional
    public ApplicantView startReview(Actor actor, ApplicantId id, ClientInfo client) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_REVIEW);
        Applicant applicant = load(actor, id);
        if (applicant.reviewerId() == null) {
            applicant.assign(actor.userId(), clock.instant());
            applicants.save(applicant);
            record(applicant, actor, "REVIEWER_ASSIGNED", Map.of("reviewerId", String.valueOf(actor.userId())), client);
        }
        move(applicant, ApplicantAction.START_REVIEW, actor, client, Map.of());
        return applicant.view();
    }

    /** Approves or declines; only from COMPLETED, ON_HOLD or IN_REVIEW. */
    @Transactional
    public ApplicantView review(Actor actor, ApplicantId id, ReviewDecision decision, ClientInfo client) {
        requireSightOfPersonalData(actor);
        requireWrite(actor);
        Applicant applicant = load(actor, id);
        ApplicantAction action =
                decision.decision() == ApplicantStatus.APPROVED ? ApplicantAction.APPROVE : ApplicantAction.DECLINE;
        if (decision.decision() != ApplicantStatus.APPROVED && decision.decision() != ApplicantStatus.DECLINED) {
            throw InvalidInputException.of("decision", "decision", "must be APPROVED or DECLINED");
        }
        applicant.decide(decision.decision(), actor.userId(), decision.comment(), decision.rejectLabels());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("comment", decision.comment() == null ? "" : decision.comment());
        details.put("rejectLabels", decision.rejectLabels());
        move(applicant, action, actor, client, details);
        return applicant.view();
    }

    /** Assigns a reviewer (an active member of the company), or none. */
    @Transactional
    public ApplicantView assignReviewer(Actor actor, ApplicantId id, @Nullable UserId reviewer, ClientInfo client) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_REVIEW);
        Applicant applicant = load(actor, id);
        if (reviewer != null
                && team.activeMemberName(actor.companyId(), reviewer).isEmpty()) {
            throw InvalidInputException.of("reviewerId", "unknown", "is not an active member of this company");
        }
        applicant.assign(reviewer, clock.instant());
        applicants.save(applicant);
        record(applicant, actor, "REVIEWER_ASSIGNED", Map.of("reviewerId", String.valueOf(reviewer)), client);
        return applicant.view();
    }

    /** Gives several applicants one reviewer, all or none. */
    @Transactional
    public void assignReviewer(Actor actor, List<ApplicantId> ids, @Nullable UserId reviewer, ClientInfo client) {
        ids.forEach(id -> assignReviewer(actor, id, reviewer, client));
    }

    /**
     * For modules whose checks a reviewer corrects (a field of a document, say): runs the correction for an applicant
     * the reviewer may review, and writes it to the timeline in the same transaction. Answers what the correction
     * answered.
     */
    @Transactional
    public <T> T reviewerCorrection(
            Actor actor,
            ApplicantId id,
            String action,
            Map<String, Object> details,
            ClientInfo client,
            java.util.function.Supplier<T> correction) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_REVIEW);
        Applicant applicant = load(actor, id);
        T result = correction.get();
        record(applicant, actor, action, details, client);
        return result;
    }

    /** Settles a warning with a reason, as a reviewer. */
    @Transactional
    public ApplicantView resolveWarning(
            Actor actor, ApplicantId id, String warningId, String reason, ClientInfo client) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_REVIEW);
        if (reason.isBlank()) {
            throw InvalidInputException.of("reason", "NotBlank", "say why the warning is settled");
        }
        Applicant applicant = load(actor, id);
        if (!applicant.resolve(warningId, actor.requireUser(), reason.strip(), clock.instant())) {
            throw new NotFoundException("No open warning with this id.");
        }
        applicants.save(applicant);
        record(applicant, actor, "WARNING_RESOLVED", Map.of("warningId", warningId, "reason", reason.strip()), client);
        return applicant.view();
    }

    /** For the modules that run flows and checks: a status move done by the applicant or the system. */
    @Transactional
    public ApplicantView advance(ApplicantId id, ApplicantAction action, ActorType by, Map<String, Object> details) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        moveAs(applicant, action, by, null, ClientInfo.NONE, details);
        // Listeners (the KYC Bots, deduplication) may have moved it on.
        return system(id);
    }

    /** For the KYC bots: settles warnings that newer checks answered, with the reason, in the timeline. */
    @Transactional
    public void settleWarnings(ApplicantId id, List<String> warningIds, String bot, String reason) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        Instant now = clock.instant();
        for (String warningId : warningIds) {
            if (applicant.resolve(warningId, null, reason, now)) {
                timeline.append(
                        id,
                        ActorType.SYSTEM,
                        bot,
                        "WARNING_RESOLVED",
                        Map.of("warningId", warningId, "reason", reason),
                        ClientInfo.NONE);
            }
        }
        applicants.save(applicant);
    }

    /** Whether a bot's decision was carried out, and the applicant's new link when it asked for a resubmission. */
    public record BotResult(boolean carriedOut, @Nullable AccessLink link) {}

    /** What a KYC bot decided for a verification. */
    public enum BotVerdict {
        APPROVE,
        RESUBMIT,
        REVIEW,
        REJECT,
        BLOCK
    }

    /**
     * For the KYC bots: carries out a bot's decision with its explanation in the timeline. APPROVE approves a
     * COMPLETED or ON_HOLD verification, REJECT declines it for good, BLOCK blocks it for a manual audit, REVIEW leaves
     * it to a person, and RESUBMIT starts {@code steps} over and answers a new link (a week long) for the applicant to
     * send them again. A decision the status no longer allows is not carried out and changes nothing.
     */
    @Transactional
    public BotResult botDecision(
            ApplicantId id,
            String bot,
            BotVerdict verdict,
            String explanation,
            Set<StepType> steps,
            @Nullable String message) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        ApplicantAction action = switch (verdict) {
            case APPROVE -> ApplicantAction.AUTO_APPROVE;
            case RESUBMIT -> ApplicantAction.REOPEN;
            case REJECT -> ApplicantAction.DECLINE;
            case BLOCK -> ApplicantAction.BLOCK;
            case REVIEW -> null;
        };
        if (action != null && Lifecycle.next(applicant.status(), action).isEmpty()) {
            return new BotResult(false, null);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bot", bot);
        details.put("decision", verdict.name());
        details.put("explanation", explanation);
        if (message != null) {
            details.put("message", message);
        }
        if (verdict == BotVerdict.RESUBMIT) {
            details.put("steps", steps.stream().map(StepType::name).sorted().toList());
        }
        timeline.append(id, ActorType.SYSTEM, bot, "BOT_DECISION", details, ClientInfo.NONE);
        Instant now = clock.instant();
        AccessLink link = null;
        switch (verdict) {
            case REVIEW -> {
                return new BotResult(true, null);
            }
            case RESUBMIT -> {
                steps.forEach(step -> applicant.restartStep(step, now));
                link = issueLink(applicant, Duration.ofDays(7), null, null);
            }
            case REJECT -> applicant.decide(ApplicantStatus.DECLINED, null, explanation, List.of("FINAL_" + bot));
            default -> {}
        }
        moveAs(applicant, action, ActorType.SYSTEM, bot, ClientInfo.NONE, Map.of("reason", explanation));
        return new BotResult(true, link);
    }

    /**
     * For the modules that run flows and checks: the applicant passed a step of their flow. An applicant who
     * had not started yet has now started.
     */
    @Transactional
    public ApplicantView passStep(ApplicantId id, StepType step, @Nullable String result, ActorType by) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        Instant now = clock.instant();
        if (!applicant.pass(step, result, now)) {
            throw InvalidInputException.of("step", "notInFlow", "is not a step of the applicant's flow");
        }
        applicants.save(applicant);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step.name());
        details.put("result", result == null ? "" : result);
        timeline.append(id, by, null, "STEP_PASSED", details, ClientInfo.NONE);
        if (applicant.status() == ApplicantStatus.INIT) {
            moveAs(applicant, ApplicantAction.START, by, null, ClientInfo.NONE, Map.of());
        }
        events.publishEvent(new ApplicantEvents.ApplicantStepPassed(applicant.subject(), step, now));
        return applicant.view();
    }

    /**
     * For the modules that run checks: the applicant did their part of a step, and its check asks for a person (a
     * document that is not valid, a proof of address to consider). The flow goes on; the applicant is put on hold when
     * they finish.
     */
    @Transactional
    public ApplicantView submitStep(ApplicantId id, StepType step, @Nullable String result, ActorType by) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        if (!applicant.record(step, StepState.StepStatus.SUBMITTED, result, clock.instant())) {
            throw InvalidInputException.of("step", "notInFlow", "is not a step of the applicant's flow");
        }
        applicants.save(applicant);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("step", step.name());
        details.put("result", result == null ? "" : result);
        timeline.append(id, by, null, "STEP_SUBMITTED", details, ClientInfo.NONE);
        return applicant.view();
    }

    /** For the hosted flow: what an access token opens, if it still opens anything. */
    @Transactional(readOnly = true)
    public LinkSession.Lookup openLink(String token) {
        LinkRow row = jdbc.sql("SELECT applicant_id, lang, expires_at, revoked_at, flow_id, flow_version"
                        + " FROM applicant_access_token WHERE token_hash = :hash")
                .param("hash", Tokens.fingerprint(token))
                .query((r, n) -> new LinkRow(
                        r.getObject("applicant_id", UUID.class),
                        r.getString("lang"),
                        r.getTimestamp("expires_at").toInstant(),
                        r.getTimestamp("revoked_at") != null,
                        r.getObject("flow_id", UUID.class),
                        (Integer) r.getObject("flow_version")))
                .optional()
                .orElse(null);
        if (row == null) {
            return new LinkSession.Lookup(LinkSession.State.UNKNOWN, "en", null);
        }
        if (row.revoked()) {
            return new LinkSession.Lookup(LinkSession.State.REVOKED, row.lang(), null);
        }
        if (!clock.instant().isBefore(row.expiresAt())) {
            return new LinkSession.Lookup(LinkSession.State.EXPIRED, row.lang(), null);
        }
        Applicant applicant =
                applicants.findById(new ApplicantId(row.applicantId())).orElseThrow();
        UUID onDemandFlow = row.flowId();
        Integer onDemandVersion = row.flowVersion();
        PublishedFlow flow = (onDemandFlow != null && onDemandVersion != null
                        ? flows.published(
                                applicant.companyId(), applicant.mode(), new FlowId(onDemandFlow), onDemandVersion)
                        : flows.published(
                                applicant.companyId(), applicant.mode(), applicant.flowId(), applicant.flowVersion()))
                .orElseThrow(() -> new IllegalStateException("The link's flow version is gone"));
        ApplicantView view = applicant.view();
        return new LinkSession.Lookup(
                LinkSession.State.OPEN,
                row.lang(),
                new LinkSession(
                        applicant.id(),
                        applicant.companyId(),
                        applicant.mode(),
                        view.applicationId(),
                        view.externalUserId(),
                        row.lang(),
                        flow,
                        onDemandFlow != null,
                        applicant.status(),
                        view.steps(),
                        view.email(),
                        view.phone(),
                        applicant.country(),
                        view.fixedInfo(),
                        view.info(),
                        row.expiresAt()));
    }

    private record LinkRow(
            UUID applicantId,
            String lang,
            Instant expiresAt,
            boolean revoked,
            @Nullable UUID flowId,
            @Nullable Integer flowVersion) {}

    /**
     * For the hosted flow: the applicant opened their flow; a first opening moves INIT to INCOMPLETE and records the
     * country their address is in ({@code null} when unknown). When the flow limits countries and the country is
     * unknown, a warning asks a reviewer to look.
     */
    @Transactional
    public void applicantStarted(
            ApplicantId id,
            ClientInfo client,
            @Nullable String ipCountry,
            Map<String, Object> ipIntelligence,
            boolean restricted) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        if (applicant.status() == ApplicantStatus.INIT) {
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("ip", client.ip());
            device.put("ipCountry", ipCountry);
            device.put("os", client.os());
            device.put("browser", client.browser());
            device.put("startedAt", clock.instant().toString());
            device.put("ipIntelligence", ipIntelligence);
            applicant.startedOn(device, clock.instant());
            moveAs(
                    applicant,
                    ApplicantAction.START,
                    ActorType.APPLICANT,
                    null,
                    client,
                    Map.of("ipCountry", ipCountry == null ? "unknown" : ipCountry));
            List<String> flags = Stream.of("hosting", "vpn", "proxy", "tor")
                    .filter(flag -> Boolean.TRUE.equals(ipIntelligence.get(flag)))
                    .toList();
            if (!flags.isEmpty()) {
                raiseWarning(
                        id,
                        "IP_ANONYMISED",
                        "The applicant's address is " + String.join(", ", flags)
                                + ": they may not be where the address says.");
            }
            if (restricted && ipCountry == null) {
                raiseWarning(
                        id,
                        "IP_COUNTRY_UNKNOWN",
                        "The flow limits countries, and the country of the applicant's address could not be told.");
            }
        }
    }

    /** For the hosted flow: the applicant proved they own this address; it becomes the applicant's email. */
    @Transactional
    public void emailVerified(ApplicantId id, String email, String result, ClientInfo client) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        applicant.verifiedEmail(email, clock.instant());
        applicants.save(applicant);
        timeline.append(id, ActorType.APPLICANT, null, "EMAIL_VERIFIED", Map.of("email", email), client);
        passStep(id, StepType.EMAIL, result, ActorType.APPLICANT);
    }

    /**
     * For the hosted flow: the applicant proved they hold this number; it becomes the applicant's phone, and the
     * step's result names what the checks found (region, number type, and the HLR answer when the flow asked).
     */
    @Transactional
    public void phoneVerified(ApplicantId id, String number, String result, ClientInfo client) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        applicant.verifiedPhone(number, clock.instant());
        applicants.save(applicant);
        timeline.append(
                id, ActorType.APPLICANT, null, "PHONE_VERIFIED", Map.of("phone", number, "result", result), client);
        passStep(id, StepType.PHONE, result, ActorType.APPLICANT);
    }

    /**
     * For the hosted flow: the applicant named a crypto address, and proved by a signature that they control it when
     * the flow asked for proof. With the address's AML screening ({@code aml}, when the flow asks for it), a CONSIDER
     * leaves the step for a person and raises a {@code WALLET_AML} warning.
     */
    @Transactional
    public void walletVerified(
            ApplicantId id,
            String network,
            String address,
            boolean proven,
            @Nullable WalletAml aml,
            ClientInfo client) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("network", network);
        details.put("address", address);
        details.put("ownershipProven", proven);
        if (aml != null) {
            if (aml.score() != null) {
                details.put("amlScore", aml.score());
            }
            details.put("amlClear", aml.clear());
        }
        timeline.append(id, ActorType.APPLICANT, null, "WALLET_VERIFIED", details, client);
        String result =
                network + " " + address + (proven ? "; ownership proven by signature" : "; ownership not asked for")
                        + (aml == null ? "" : "; " + aml.summary());
        if (aml != null && !aml.clear()) {
            submitStep(id, StepType.CRYPTO_WALLET, result, ActorType.APPLICANT);
            raiseWarning(id, "WALLET_AML", "The crypto address " + address + " has an " + aml.summary() + ".");
            return;
        }
        passStep(id, StepType.CRYPTO_WALLET, result, ActorType.APPLICANT);
    }

    /**
     * A crypto address's AML screening, as the screening module scored it.
     *
     * @param score null when no source has data on the address
     * @param clear whether the step passes without a person: a CLEAR score, or an unknown address on a flow that
     *     accepts those
     */
    public record WalletAml(@Nullable Integer score, boolean clear, String summary) {}

    /**
     * For the hosted flow: the applicant finished their part. Once every step of the flow is done the status moves
     * to IN_PROGRESS, and when every step was already checked while the applicant went through it, on to
     * COMPLETED (and approved when the flow approves automatically). Calling it again changes nothing.
     */
    @Transactional
    public ApplicantStatus applicantFinished(ApplicantId id, ClientInfo client) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        if (applicant.status() != ApplicantStatus.INIT && applicant.status() != ApplicantStatus.INCOMPLETE) {
            return applicant.status();
        }
        if (!applicant.steps().stream().allMatch(StepState::done)) {
            throw new ConflictException("Some steps of the flow are not done yet.");
        }
        moveAs(applicant, ApplicantAction.SUBMIT, ActorType.APPLICANT, null, client, Map.of());
        if (applicant.steps().stream().anyMatch(s -> s.status() == StepState.StepStatus.SUBMITTED)
                && applicant.hasOpenWarnings()) {
            return advance(id, ApplicantAction.CHECKS_FLAGGED, ActorType.SYSTEM, Map.of())
                    .status();
        }
        if (applicant.steps().stream().allMatch(s -> s.status() == StepState.StepStatus.PASSED)) {
            return advance(id, ApplicantAction.CHECKS_PASSED, ActorType.SYSTEM, Map.of())
                    .status();
        }
        return applicant.status();
    }

    /** For the modules that act on their own (deduplication, monitoring): an applicant as it stands. */
    @Transactional(readOnly = true)
    public ApplicantView system(ApplicantId id) {
        return applicants
                .findById(id)
                .orElseThrow(() -> new NotFoundException("No such applicant."))
                .view();
    }

    /** The wallet step's verifications, oldest first: network, address, whether ownership was proven, AML score. */
    @Transactional(readOnly = true)
    public List<TimelineEntry> walletVerifications(ApplicantId id) {
        return timeline.entries(id).stream()
                .filter(e -> e.action().equals("WALLET_VERIFIED"))
                .toList();
    }

    /** The crypto addresses the applicant gave in the wallet step, as {@code NETWORK:address}. */
    @Transactional(readOnly = true)
    public List<String> wallets(ApplicantId id) {
        return timeline.entries(id).stream()
                .filter(e -> e.action().equals("WALLET_VERIFIED"))
                .map(e -> e.details().get("network") + ":" + e.details().get("address"))
                .distinct()
                .toList();
    }

    /** For the modules that run checks: something a person must look at. */
    @Transactional
    public Warning raiseWarning(ApplicantId id, String code, String message) {
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        Warning warning = new Warning(UUID.randomUUID().toString(), code, message, clock.instant(), null, null, null);
        applicant.raise(warning, clock.instant());
        applicants.save(applicant);
        timeline.append(
                id,
                ActorType.SYSTEM,
                null,
                "WARNING_RAISED",
                Map.of("code", code, "message", message),
                ClientInfo.NONE);
        return warning;
    }

    /**
     * For ongoing monitoring: a check found something new about an applicant. The warning is raised, and a
     * verification that had finished (COMPLETED or APPROVED) is put on hold for a person.
     */
    @Transactional
    public ApplicantStatus monitoringAlert(ApplicantId id, String code, String message) {
        raiseWarning(id, code, message);
        Applicant applicant = applicants.findById(id).orElseThrow(() -> new NotFoundException("No such applicant."));
        if (Lifecycle.next(applicant.status(), ApplicantAction.MONITORING_FLAGGED)
                .isPresent()) {
            moveAs(
                    applicant,
                    ApplicantAction.MONITORING_FLAGGED,
                    ActorType.SYSTEM,
                    null,
                    ClientInfo.NONE,
                    Map.of("code", code));
        }
        return applicant.status();
    }

    /** A step of the applicant's flow with its results that are no longer current. */
    public record StepHistory(StepType step, boolean active, List<StepResults.Historical> history) {}

    /** The history of each step of the applicant's flow that keeps results. */
    public List<StepHistory> stepHistory(Actor actor, ApplicantId id) {
        requireSightOfPersonalData(actor);
        requireRead(actor);
        Applicant applicant = load(actor, id);
        List<StepHistory> all = new ArrayList<>();
        for (StepState state : applicant.steps()) {
            List<StepResults> tables = resultsOf(state.type());
            if (!tables.isEmpty()) {
                all.add(new StepHistory(
                        state.type(),
                        state.status() != StepState.StepStatus.NOT_STARTED,
                        tables.stream()
                                .flatMap(t -> t.history(actor.companyId(), id.value()).stream())
                                .toList()));
            }
        }
        return all;
    }

    /**
     * A reviewer deactivates a step: its results move to history, the step waits for the applicant again (a new link
     * lets them redo it), and a verification that had moved on is INCOMPLETE.
     */
    @Transactional
    public ApplicantView deactivateStep(Actor actor, ApplicantId id, StepType step, ClientInfo client) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_REVIEW);
        Applicant applicant = load(actor, id);
        List<StepResults> tables = resultsOf(step);
        if (tables.isEmpty() || applicant.steps().stream().noneMatch(s -> s.type() == step)) {
            throw InvalidInputException.of("step", "notInFlow", "is not a step of the applicant's flow with results");
        }
        Instant now = clock.instant();
        int moved = tables.stream()
                .mapToInt(t -> t.deactivate(actor.companyId(), id.value(), now))
                .sum();
        applicant.restartStep(step, now);
        applicants.save(applicant);
        record(applicant, actor, "STEP_DEACTIVATED", Map.of("step", step.name(), "results", moved), client);
        events.publishEvent(new ApplicantEvents.StepResultsChanged(applicant.subject(), step, now));
        if (Lifecycle.next(applicant.status(), ApplicantAction.REOPEN).isPresent()) {
            move(applicant, ApplicantAction.REOPEN, actor, client, Map.of("reason", step.name() + " deactivated"));
        }
        return applicant.view();
    }

    /**
     * A reviewer brings a historical result back as the step's current one: the step is done again, and when that
     * was the last step waiting the verification goes on to the checks.
     */
    @Transactional
    public ApplicantView activateStep(Actor actor, ApplicantId id, StepType step, UUID result, ClientInfo client) {
        requireSightOfPersonalData(actor);
        actor.require(Permission.APPLICANTS_REVIEW);
        Applicant applicant = load(actor, id);
        Instant now = clock.instant();
        String summary = resultsOf(step).stream()
                .flatMap(t -> t.activate(actor.companyId(), id.value(), result, now).stream())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No such result in the step's history."));
        applicant.record(step, StepState.StepStatus.SUBMITTED, summary + "; activated from history", now);
        applicants.save(applicant);
        record(applicant, actor, "STEP_ACTIVATED", Map.of("step", step.name(), "result", result.toString()), client);
        events.publishEvent(new ApplicantEvents.StepResultsChanged(applicant.subject(), step, now));
        if (applicant.status() == ApplicantStatus.INCOMPLETE
                && applicant.steps().stream().allMatch(StepState::done)) {
            move(applicant, ApplicantAction.SUBMIT, actor, client, Map.of("reason", step.name() + " activated"));
            move(applicant, ApplicantAction.CHECKS_FLAGGED, actor, client, Map.of());
        }
        return applicant.view();
    }

    private List<StepResults> resultsOf(StepType step) {
        return stepResults.orderedStream().filter(r -> r.step() == step).toList();
    }

    /**
     * The archive API of status-only KYC: erases a decided applicant's personal data now, keeping the status and the
     * certificates. Archiving again changes nothing.
     */
    @Transactional
    public ApplicantView archive(Actor actor, ApplicantId id, ClientInfo client) {
        requireDelete(actor);
        Applicant applicant = load(actor, id);
        if (!companies.statusOnly(actor.companyId())) {
            throw new ConflictException(
                    "Archiving is part of status-only KYC; this company keeps its data until it deletes an applicant.");
        }
        if (applicant.archivedAt() == null) {
            if (!ARCHIVABLE.contains(applicant.status())) {
                throw new ConflictException("Only a decided verification (APPROVED, DECLINED or BLOCKED) is archived;"
                        + " this one is " + applicant.status() + ".");
            }
            archive(applicant, actorType(actor), actorId(actor), client);
        }
        return applicant.view().withoutPersonalData();
    }

    /**
     * Status-only companies' retention: a decided applicant's personal data is archived once the company's retention
     * (a month for a single event, two for an ongoing service) has passed since the last change. Runs daily; answers
     * how many were archived.
     */
    @Scheduled(cron = "${openkyc.applicants.archive-cron:0 40 3 * * *}")
    @Transactional
    public int archiveDue() {
        int archived = 0;
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        for (CompanyManagement.StatusOnlyCompany company : companies.statusOnlyCompanies()) {
            List<UUID> due = jdbc.sql("""
                            SELECT id FROM applicant WHERE company_id = :company AND archived_at IS NULL
                              AND status IN ('APPROVED', 'DECLINED', 'BLOCKED') AND updated_at <= :before
                            ORDER BY updated_at LIMIT 1000
                            """)
                    .param("company", company.id().value())
                    .param(
                            "before",
                            Timestamp.from(now.minus(company.retention().keep()).toInstant()))
                    .query(UUID.class)
                    .list();
            for (UUID id : due) {
                archive(
                        applicants.findById(new ApplicantId(id)).orElseThrow(),
                        ActorType.SYSTEM,
                        "RETENTION",
                        ClientInfo.NONE);
                archived++;
            }
        }
        return archived;
    }

    private void archive(Applicant applicant, ActorType by, @Nullable String byId, ClientInfo client) {
        Instant now = clock.instant();
        applicant.archive(now);
        applicants.save(applicant);
        personalData.drop(applicant.companyId(), applicant.id());
        timeline.append(applicant.id(), by, byId, "PERSONAL_DATA_ARCHIVED", Map.of(), client);
        events.publishEvent(new ApplicantEvents.PersonalDataArchived(applicant.subject(), now));
    }

    /**
     * Schedules the erasure of the applicant's data {@link #DELETION_GRACE} from now; until then it can be
     * restored. Asking again keeps the first date. The applicant's links stop working at once.
     */
    @Transactional
    public Instant scheduleDeletion(Actor actor, ApplicantId id, ClientInfo client) {
        requireDelete(actor);
        Applicant applicant = load(actor, id);
        Instant now = clock.instant();
        boolean first = applicant.deletionScheduledAt() == null;
        Instant at = applicant.scheduleDeletion(now.plus(DELETION_GRACE).truncatedTo(ChronoUnit.MICROS), now);
        if (first) {
            applicants.save(applicant);
            jdbc.sql(
                            "UPDATE applicant_access_token SET revoked_at = :now WHERE applicant_id = :id AND revoked_at IS NULL")
                    .param("now", Timestamp.from(now))
                    .param("id", id.value())
                    .update();
            record(applicant, actor, "DELETION_SCHEDULED", Map.of("deletionScheduledAt", at.toString()), client);
        }
        return at;
    }

    /** Cancels a scheduled deletion; the data stays. */
    @Transactional
    public ApplicantView restore(Actor actor, ApplicantId id, ClientInfo client) {
        requireDelete(actor);
        Applicant applicant = load(actor, id);
        if (!applicant.cancelDeletion(clock.instant())) {
            throw new ConflictException("No deletion is scheduled for this applicant.");
        }
        applicants.save(applicant);
        record(applicant, actor, "DELETION_CANCELLED", Map.of(), client);
        return applicant.view();
    }

    public List<TimelineEntry> timeline(Actor actor, ApplicantId id) {
        requireSightOfPersonalData(actor);
        requireRead(actor);
        load(actor, id);
        return timeline.entries(id);
    }

    public TimelineCheck verifyTimeline(Actor actor, ApplicantId id) {
        requireRead(actor);
        load(actor, id);
        return timeline.verify(id);
    }

    private void move(
            Applicant applicant, ApplicantAction action, Actor actor, ClientInfo client, Map<String, Object> details) {
        moveAs(applicant, action, actorType(actor), actorId(actor), client, details);
    }

    private void moveAs(
            Applicant applicant,
            ApplicantAction action,
            ActorType by,
            @Nullable String byId,
            ClientInfo client,
            Map<String, Object> details) {
        Instant now = clock.instant();
        ApplicantStatus from = applicant.apply(action, now);
        applicants.save(applicant);
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("from", from.name());
        all.put("to", applicant.status().name());
        timeline.append(applicant.id(), by, byId, action.name(), all, client);
        events.publishEvent(new ApplicantEvents.ApplicantStatusChanged(applicant.subject(), from, now));
    }

    private void record(
            Applicant applicant, Actor actor, String action, Map<String, Object> details, ClientInfo client) {
        timeline.append(applicant.id(), actorType(actor), actorId(actor), action, details, client);
    }

    private Applicant load(Actor actor, ApplicantId id) {
        return applicants
                .findByIdAndCompanyIdAndMode(id, actor.companyId(), actor.mode())
                .filter(a -> actor.applicationId() == null || a.applicationId().equals(actor.applicationId()))
                .orElseThrow(() -> new NotFoundException("No such applicant."));
    }

    private static void requireRead(Actor actor) {
        if (actor.kind() == Actor.Kind.USER) {
            actor.require(Permission.APPLICANTS_VIEW);
        }
    }

    private static void requireDelete(Actor actor) {
        if (actor.kind() == Actor.Kind.USER) {
            actor.require(Permission.APPLICANTS_DELETE);
        }
    }

    private static void requireWrite(Actor actor) {
        if (actor.kind() == Actor.Kind.USER) {
            actor.require(Permission.APPLICANTS_REVIEW);
        }
    }

    private static ActorType actorType(Actor actor) {
        return actor.kind() == Actor.Kind.USER ? ActorType.USER : ActorType.INTEGRATION;
    }

    private static @Nullable String actorId(Actor actor) {
        return actor.userId() != null ? actor.userId().toString() : String.valueOf(actor.applicationId());
    }

    private static UUID field(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(name, "unknown", "is not a known id");
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
