package org.openkyc.flows;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.InvalidInputException.FieldError;
import org.openkyc.core.LiveModeUnavailableException;
import org.openkyc.core.Mode;
import org.openkyc.core.NotFoundException;
import org.openkyc.core.Permission;
import org.openkyc.flows.definition.FlowDefinition;
import org.openkyc.flows.definition.FlowInput;
import org.openkyc.flows.definition.FlowRules;
import org.openkyc.flows.definition.FlowType;
import org.openkyc.flows.definition.StepType;
import org.openkyc.tenancy.CompanyManagement;
import org.openkyc.tenancy.Entitlement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verification flows of the actor's company and mode: create, publish new versions, keep drafts, duplicate
 * into either mode. Integrators' private keys may read flows; changing them needs the workflows permission.
 */
@Service
public class FlowManagement {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DRAFT_CHARS = 200_000;
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Flows flows;
    private final JdbcClient jdbc;
    private final ObjectProvider<FlowUsage> usage;
    private final CompanyManagement companies;
    private final Clock clock;
    private final Map<VersionKey, FlowDefinition> parsed = new ConcurrentHashMap<>();

    FlowManagement(
            Flows flows, JdbcClient jdbc, ObjectProvider<FlowUsage> usage, CompanyManagement companies, Clock clock) {
        this.flows = flows;
        this.companies = companies;
        this.jdbc = jdbc;
        this.usage = usage;
        this.clock = clock;
    }

    public List<FlowSummary> flows(Actor actor) {
        requireRead(actor);
        return flows.findByCompanyIdAndModeOrderByCreatedAt(actor.companyId(), actor.mode()).stream()
                .map(this::summary)
                .toList();
    }

    public FlowView flow(Actor actor, FlowId id) {
        requireRead(actor);
        Flow flow = load(actor, id);
        return FlowView.of(summary(flow), read(flow.definition()));
    }

    @Transactional
    public FlowView create(Actor actor, FlowInput input) {
        actor.require(Permission.WORKFLOWS);
        FlowDefinition definition = valid(input);
        requireBotInPlan(actor, definition);
        boolean first = definition.type() == FlowType.REGULAR
                && flows.findDefault(actor.companyId(), actor.mode()).isEmpty();
        Flow flow = flows.save(new Flow(
                actor.companyId(),
                actor.mode(),
                definition.name(),
                definition.type(),
                first,
                write(definition),
                clock.instant()));
        recordVersion(flow, actor);
        return FlowView.of(summary(flow), definition);
    }

    /** Publishes the input as the flow's next version and drops its draft. */
    @Transactional
    public FlowView publish(Actor actor, FlowId id, FlowInput input) {
        actor.require(Permission.WORKFLOWS);
        Flow flow = load(actor, id);
        FlowDefinition definition = valid(input);
        requireBotInPlan(actor, definition);
        if (definition.type() != flow.type()) {
            throw InvalidInputException.of(
                    "type",
                    "typeChange",
                    "a published flow keeps its type; duplicate it to make one of the other type");
        }
        flow.publish(definition.name(), definition.type(), write(definition), clock.instant());
        flows.save(flow);
        recordVersion(flow, actor);
        return FlowView.of(summary(flow), definition);
    }

    /** Keeps unsaved edits as they are, valid or not, until they are published or discarded. */
    @Transactional
    public void saveDraft(Actor actor, FlowId id, Map<String, Object> draft) {
        actor.require(Permission.WORKFLOWS);
        String json = JSON.writeValueAsString(draft);
        if (json.length() > MAX_DRAFT_CHARS) {
            throw InvalidInputException.of("draft", "Size", "a draft holds at most " + MAX_DRAFT_CHARS + " characters");
        }
        // Only the draft columns: saving as one types must not clash with publishing or with another tab.
        writeDraft(actor, id, json);
    }

    /** The draft, or empty when the flow has none. */
    public Optional<Map<String, Object>> draft(Actor actor, FlowId id) {
        actor.require(Permission.WORKFLOWS);
        String draft = load(actor, id).draft();
        return draft == null ? Optional.empty() : Optional.of(JSON.readValue(draft, MAP));
    }

    @Transactional
    public void discardDraft(Actor actor, FlowId id) {
        actor.require(Permission.WORKFLOWS);
        writeDraft(actor, id, null);
    }

    private void writeDraft(Actor actor, FlowId id, @Nullable String json) {
        int updated = jdbc.sql("UPDATE flow SET draft = :draft, draft_saved_at = :at"
                        + " WHERE id = :id AND company_id = :company AND mode = :mode")
                .param("draft", json)
                .param("at", json == null ? null : Timestamp.from(clock.instant()))
                .param("id", id.value())
                .param("company", actor.companyId().value())
                .param("mode", actor.mode().name())
                .update();
        if (updated == 0) {
            throw new NotFoundException("No such flow.");
        }
    }

    /** Copies the published flow under a new name into either mode; live needs live mode. */
    @Transactional
    public FlowView duplicate(Actor actor, FlowId id, String name, Mode target) {
        actor.require(Permission.WORKFLOWS);
        if (target == Mode.LIVE && !actor.liveModeAvailable()) {
            throw new LiveModeUnavailableException("Duplicating into live mode needs live mode.");
        }
        if (name.isBlank() || name.strip().length() > 100) {
            throw InvalidInputException.of("name", "NotBlank", "must be 1 to 100 characters");
        }
        FlowDefinition copy = read(load(actor, id).definition()).withName(name.strip());
        boolean first = copy.type() == FlowType.REGULAR
                && flows.findDefault(actor.companyId(), target).isEmpty();
        Flow flow = flows.save(
                new Flow(actor.companyId(), target, copy.name(), copy.type(), first, write(copy), clock.instant()));
        recordVersion(flow, actor);
        return FlowView.of(summary(flow), copy);
    }

    /** The published definition of a flow, for the modules that run flows. */
    public Optional<PublishedFlow> published(CompanyId company, Mode mode, FlowId id) {
        return flows.findByIdAndCompanyIdAndMode(id, company, mode).map(this::published);
    }

    /** The flows of a mode by name, for choosing one; regular or on-demand as asked. */
    public Map<FlowId, String> flowNames(CompanyId company, Mode mode, FlowType type) {
        Map<FlowId, String> names = new java.util.LinkedHashMap<>();
        flows.findByCompanyIdAndModeOrderByCreatedAt(company, mode).stream()
                .filter(flow -> flow.type() == type)
                .sorted((a, b) -> Boolean.compare(b.isDefault(), a.isDefault()))
                .forEach(flow -> names.put(flow.id(), flow.name()));
        return names;
    }

    /** One published version of a flow, as an applicant who started on it went through it. */
    public Optional<PublishedFlow> published(CompanyId company, Mode mode, FlowId id, int version) {
        return flows.findByIdAndCompanyIdAndMode(id, company, mode)
                .flatMap(flow -> jdbc.sql(
                                "SELECT definition FROM flow_version WHERE flow_id = :flow AND number = :number")
                        .param("flow", id.value())
                        .param("number", version)
                        .query(String.class)
                        .optional()
                        .map(json -> new PublishedFlow(
                                id, version, parsed.computeIfAbsent(new VersionKey(id, version), key -> read(json)))));
    }

    /** The flow new applicants get when none is named. */
    public Optional<PublishedFlow> defaultFlow(CompanyId company, Mode mode) {
        return flows.findDefault(company, mode).map(this::published);
    }

    /**
     * Gives a company a simple default flow in a mode that has none. Safe to run twice at once (a redelivered
     * event, a second instance): the check and the insert happen under a lock per company and mode.
     */
    @Transactional
    public void ensureDefaultFlow(CompanyId company, Mode mode) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "default-flow:" + company + ":" + mode)
                .query((rows, i) -> 1)
                .list();
        if (flows.findDefault(company, mode).isPresent()) {
            return;
        }
        FlowDefinition definition = valid(new FlowInput(
                "Identity verification",
                FlowType.REGULAR.name(),
                false,
                null,
                null,
                List.of(
                        new FlowInput.StepInput(StepType.DOCUMENT.name(), Map.of()),
                        new FlowInput.StepInput(StepType.LIVENESS.name(), Map.of()),
                        new FlowInput.StepInput(StepType.FACE_MATCH.name(), Map.of()))));
        Flow flow = flows.save(new Flow(
                company, mode, definition.name(), definition.type(), true, write(definition), clock.instant()));
        recordVersion(flow, null);
    }

    private PublishedFlow published(Flow flow) {
        if (parsed.size() > 10_000) {
            parsed.clear();
        }
        FlowDefinition definition = parsed.computeIfAbsent(
                new VersionKey(flow.id(), flow.publishedVersion()), key -> read(flow.definition()));
        return new PublishedFlow(flow.id(), flow.publishedVersion(), definition);
    }

    /** A published version never changes, so its parsed form can be kept; the cache rebuilds itself. */
    private record VersionKey(FlowId flow, int version) {}

    private void recordVersion(Flow flow, @Nullable Actor actor) {
        jdbc.sql("INSERT INTO flow_version (flow_id, number, definition, published_at, published_by)"
                        + " VALUES (:flow, :number, :definition, :at, :by)")
                .param("flow", flow.id().value())
                .param("number", flow.publishedVersion())
                .param("definition", flow.definition())
                .param("at", Timestamp.from(clock.instant()))
                .param(
                        "by",
                        actor == null || actor.userId() == null
                                ? null
                                : actor.userId().value())
                .update();
    }

    private FlowSummary summary(Flow flow) {
        FlowUsage counter = usage.getIfAvailable();
        return flow.summary(counter == null ? 0 : counter.applicantsUsing(flow.id()));
    }

    private Flow load(Actor actor, FlowId id) {
        return flows.findByIdAndCompanyIdAndMode(id, actor.companyId(), actor.mode())
                .orElseThrow(() -> new NotFoundException("No such flow."));
    }

    private static void requireRead(Actor actor) {
        if (actor.kind() == Actor.Kind.USER) {
            actor.require(Permission.WORKFLOWS);
        }
    }

    /** The KYC Bot (the flow's automatic approval) comes with every paid plan, not the free one. */
    private void requireBotInPlan(Actor actor, FlowDefinition definition) {
        if (definition.autoApproval()) {
            companies.requireEntitlement(actor.companyId(), Entitlement.KYC_BOT, "The KYC Bot (automatic approval)");
        }
    }

    private static FlowDefinition valid(FlowInput input) {
        FlowRules.Checked checked = FlowRules.check(input);
        return checked.valid()
                .orElseThrow(() -> new InvalidInputException(checked.violations().stream()
                        .map(v -> new FieldError(v.field(), v.code(), v.message()))
                        .toList()));
    }

    private static String write(FlowDefinition definition) {
        return JSON.writeValueAsString(definition);
    }

    /** Stored definitions were valid when published; reading them checks them again. */
    static FlowDefinition read(String json) {
        FlowRules.Checked checked = FlowRules.check(JSON.readValue(json, FlowInput.class));
        return checked.valid()
                .orElseThrow(() ->
                        new IllegalStateException("A stored flow no longer passes the rules: " + checked.violations()));
    }
}
