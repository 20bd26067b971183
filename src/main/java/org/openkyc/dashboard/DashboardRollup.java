package org.openkyc.dashboard;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.openkyc.applicants.ApplicantEvents;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.StepState;
import org.openkyc.applicants.Warning;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code dashboard_day} in step with the applicants: on every creation, status change and passed step the
 * applicant's facts are read again, compared with what it added before ({@code dashboard_applicant}), and only the
 * difference is applied to the days, in the transaction of the change.
 */
@Service
public class DashboardRollup {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Long>> FACTS = new TypeReference<>() {};

    private final ApplicantManagement applicants;
    private final JdbcClient jdbc;

    DashboardRollup(ApplicantManagement applicants, JdbcClient jdbc) {
        this.applicants = applicants;
        this.jdbc = jdbc;
    }

    @EventListener
    void created(ApplicantEvents.ApplicantCreated event) {
        refresh(event.subject());
    }

    @EventListener
    void statusChanged(ApplicantEvents.ApplicantStatusChanged event) {
        refresh(event.subject());
    }

    @EventListener
    void stepPassed(ApplicantEvents.ApplicantStepPassed event) {
        refresh(event.subject());
    }

    /** Brings one applicant's part of the roll-up up to date. */
    @Transactional
    public void refresh(ApplicantEvents.Subject subject) {
        ApplicantId id = subject.applicantId();
        ApplicantView applicant = applicants.system(id);
        Map<String, Long> now = facts(applicant);
        Map<String, Long> earlier = jdbc.sql(
                        "SELECT facts FROM dashboard_applicant WHERE applicant_id = :id FOR UPDATE")
                .param("id", id.value())
                .query(String.class)
                .optional()
                .map(facts -> JSON.readValue(facts, FACTS))
                .orElse(Map.of());
        Set<String> keys = new HashSet<>(now.keySet());
        keys.addAll(earlier.keySet());
        LocalDate day = LocalDate.ofInstant(applicant.createdAt(), ZoneOffset.UTC);
        UUID company = subject.companyId().value();
        String mode = subject.mode().name();
        for (String key : keys) {
            long delta = now.getOrDefault(key, 0L) - earlier.getOrDefault(key, 0L);
            if (delta != 0) {
                int bar = key.indexOf('|');
                jdbc.sql("""
                                INSERT INTO dashboard_day (company_id, mode, day, dimension, key, count)
                                VALUES (:company, :mode, :day, :dimension, :key, :delta)
                                ON CONFLICT (company_id, mode, day, dimension, key)
                                DO UPDATE SET count = dashboard_day.count + :delta
                                """)
                        .param("company", company)
                        .param("mode", mode)
                        .param("day", Date.valueOf(day))
                        .param("dimension", key.substring(0, bar))
                        .param("key", key.substring(bar + 1))
                        .param("delta", delta)
                        .update();
            }
        }
        jdbc.sql("""
                        INSERT INTO dashboard_applicant (applicant_id, company_id, mode, day, facts)
                        VALUES (:id, :company, :mode, :day, :facts)
                        ON CONFLICT (applicant_id) DO UPDATE SET facts = :facts
                        """)
                .param("id", id.value())
                .param("company", company)
                .param("mode", mode)
                .param("day", Date.valueOf(day))
                .param("facts", JSON.writeValueAsString(now))
                .update();
    }

    /** What an applicant counts for, as {@code dimension|key} → how many. */
    static Map<String, Long> facts(ApplicantView applicant) {
        Map<String, Long> facts = new TreeMap<>();
        facts.put("applicants|", 1L);
        facts.put("status|" + applicant.status().name(), 1L);
        Object country = applicant.fixedInfo().get("country");
        if (country != null && !country.toString().isBlank()) {
            facts.put("country|" + country.toString().strip().toUpperCase(java.util.Locale.ROOT), 1L);
        }
        long open = applicant.review().warnings().stream().filter(Warning::open).count();
        long resolved = applicant.review().warnings().size() - open;
        if (open > 0) {
            facts.put("warnings|open", open);
        }
        if (resolved > 0) {
            facts.put("warnings|resolved", resolved);
        }
        StepState failedAt = null;
        for (StepState step : applicant.steps()) {
            facts.put("step:" + step.type().name() + "|" + step.status().name(), 1L);
            if (failedAt == null && step.status() != StepState.StepStatus.PASSED) {
                failedAt = step;
            }
        }
        boolean failed = applicant.status() == ApplicantStatus.DECLINED
                || applicant.status() == ApplicantStatus.BLOCKED
                || applicant.status() == ApplicantStatus.ON_HOLD;
        if (failed && failedAt != null) {
            facts.put("failedAt|" + failedAt.type().name(), 1L);
        }
        return facts;
    }
}
