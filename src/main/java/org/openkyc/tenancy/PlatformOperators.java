package org.openkyc.tenancy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.CompanyId;
import org.openkyc.core.ForbiddenException;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.core.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who run this installation ({@link PlatformSettings#operators()}): they manage every company's plan,
 * and may open the workplace of a company whose plan is managed, to review for it. Opening, every request made
 * there and leaving are recorded, and the company sees the record. Self-managed and pay-as-you-go companies are never
 * opened; a refused attempt is recorded too.
 */
@Service
public class PlatformOperators {

    /** What an operator may do in a company's workplace: review, not run the company. */
    static final Set<Permission> IN_COMPANY = EnumSet.of(
            Permission.DASHBOARD,
            Permission.APPLICANTS_VIEW,
            Permission.APPLICANTS_REVIEW,
            Permission.WORKFLOWS,
            Permission.QUESTIONNAIRES,
            Permission.AML_SCANS,
            Permission.LIVE_MODE);

    private final Members members;
    private final CompanyManagement companies;
    private final Metering metering;
    private final PlatformSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlatformOperators(
            Members members,
            CompanyManagement companies,
            Metering metering,
            PlatformSettings settings,
            JdbcClient jdbc,
            Clock clock) {
        this.members = members;
        this.companies = companies;
        this.metering = metering;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A company in the operators' console. */
    public record CompanyRow(CompanyView company, Metering.Usage usage, boolean operatorAccess) {}

    /** One line of a company's operator access record. */
    public record Access(String operatorName, String action, String detail, Instant at) {}

    /** Whether the user is an active member whose email is one of the platform operators'. */
    public boolean isOperator(UserId user) {
        if (settings.operators().isEmpty()) {
            // Asked on every page a member opens: most installations name no operators, so no query.
            return false;
        }
        return members.findById(user)
                .filter(m -> m.status() == MemberStatus.ACTIVE)
                .map(m -> settings.isOperator(m.email()))
                .orElse(false);
    }

    /** Throws unless the actor is a platform operator in their own workplace. */
    public void require(Actor actor) {
        if (actor.kind() != Actor.Kind.USER || actor.operator() || !isOperator(actor.requireUser())) {
            throw new ForbiddenException("Only the platform operators manage companies.");
        }
    }

    public List<CompanyRow> companies(Actor actor) {
        require(actor);
        return companies.all().stream()
                .map(c -> new CompanyRow(c, metering.usage(c.id()), c.plan().includes(Entitlement.OPERATOR_ACCESS)))
                .toList();
    }

    @Transactional
    public void changePlan(Actor actor, CompanyId company, Plan plan) {
        require(actor);
        companies.changePlan(company, plan);
    }

    @Transactional
    public void startTrial(Actor actor, CompanyId company, Plan plan, @Nullable Integer days) {
        require(actor);
        companies.startTrial(company, plan, days == null ? settings.trial() : Duration.ofDays(days));
    }

    @Transactional
    public void statusOnly(Actor actor, CompanyId company, boolean statusOnly, Retention retention) {
        require(actor);
        companies.statusOnly(company, statusOnly, retention);
    }

    /**
     * An operator opens a company's workplace, saying why. Only companies on a managed plan may be opened.
     *
     * @throws ForbiddenException for a self-managed or pay-as-you-go company (the refusal is recorded)
     */
    @Transactional(noRollbackFor = ForbiddenException.class)
    public void open(Actor actor, CompanyId company, String reason) {
        require(actor);
        if (reason.isBlank() || reason.length() > 500) {
            throw InvalidInputException.of("reason", "size", "say in 1 to 500 characters why you open the workplace");
        }
        CompanyView view = companies.view(company);
        if (!view.plan().includes(Entitlement.OPERATOR_ACCESS)) {
            record(company, actor, "REFUSED", reason.strip());
            throw new ForbiddenException("The company manages its own verifications (" + view.plan()
                    + "); operators do not open its workplace.");
        }
        record(company, actor, "OPEN", reason.strip());
    }

    /** The operator leaves the company's workplace they had open. */
    @Transactional
    public void leave(Actor operator) {
        if (operator.operator()) {
            record(operator.companyId(), operator, "LEAVE", "");
        }
    }

    /** Records one request of an operator in a company's workplace (the path only, never a query or a body). */
    @Transactional
    public void request(Actor operator, String method, String path) {
        record(operator.companyId(), operator, "REQUEST", method + " " + path);
    }

    /** The latest of a company's operator access record, newest first. */
    public List<Access> accessLog(CompanyId company, int limit) {
        return jdbc.sql("""
                        SELECT operator_name, action, detail, at FROM operator_access WHERE company_id = :company
                        ORDER BY at DESC, id LIMIT :limit
                        """)
                .param("company", company.value())
                .param("limit", limit)
                .query((r, n) -> new Access(
                        r.getString("operator_name"),
                        r.getString("action"),
                        r.getString("detail"),
                        r.getTimestamp("at").toInstant()))
                .list();
    }

    private void record(CompanyId company, Actor actor, String action, String detail) {
        jdbc.sql("""
                        INSERT INTO operator_access (id, company_id, operator_id, operator_name, action, detail, at)
                        VALUES (:id, :company, :operator, :name, :action, :detail, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("company", company.value())
                .param("operator", actor.requireUser().value())
                .param("name", actor.displayName())
                .param("action", action)
                .param("detail", detail)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
