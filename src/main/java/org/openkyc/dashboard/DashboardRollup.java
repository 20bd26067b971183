package org.openkyc.dashboard;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.ApplicantEvents;
import org.openkyc.applicants.ApplicantId;
import org.openkyc.applicants.ApplicantManagement;
import org.openkyc.applicants.ApplicantView;
import org.openkyc.applicants.StepState;
import org.openkyc.applicants.Warning;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.flows.definition.StepType;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
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
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern DOCUMENT_RESULT = Pattern.compile("(?:(?:not )?valid: )?[A-Z_]+ ([A-Z]{2})\\b");

    private final ApplicantManagement applicants;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;

    DashboardRollup(ApplicantManagement applicants, JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx) {
        this.applicants = applicants;
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
    }

    @EventListener
    void created(ApplicantEvents.ApplicantCreated event) {
        refresh(
                event.subject().companyId(),
                event.subject().mode(),
                event.subject().applicantId());
    }

    @EventListener
    void statusChanged(ApplicantEvents.ApplicantStatusChanged event) {
        refresh(
                event.subject().companyId(),
                event.subject().mode(),
                event.subject().applicantId());
    }

    @EventListener
    void stepPassed(ApplicantEvents.ApplicantStepPassed event) {
        refresh(
                event.subject().companyId(),
                event.subject().mode(),
                event.subject().applicantId());
    }

    /**
     * An erased applicant still counts on its day, but its own row forgets where it came from: what stays of it is
     * its status and steps, like the tombstone.
     */
    @EventListener
    void erased(ApplicantEvents.ApplicantErased event) {
        UUID id = event.subject().applicantId().value();
        jdbc.sql("SELECT facts FROM dashboard_applicant WHERE applicant_id = :id FOR UPDATE")
                .param("id", id)
                .query(String.class)
                .optional()
                .ifPresent(facts -> {
                    Map<String, Long> kept = new TreeMap<>(JSON.readValue(facts, FACTS));
                    kept.keySet().removeIf(key -> key.startsWith("country"));
                    jdbc.sql("UPDATE dashboard_applicant SET facts = :facts WHERE applicant_id = :id")
                            .param("id", id)
                            .param("facts", JSON.writeValueAsString(kept))
                            .update();
                });
    }

    /**
     * Counts the applicants the roll-up does not know yet (those created before it existed), a batch at a time, a
     * minute after start and every six hours; answers how many.
     */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT6H")
    public int backfill() {
        int counted = 0;
        List<Map<String, Object>> missing;
        do {
            missing = jdbc.sql("""
                            SELECT a.id, a.company_id, a.mode FROM applicant a
                            WHERE NOT EXISTS (SELECT 1 FROM dashboard_applicant d WHERE d.applicant_id = a.id)
                            LIMIT 500
                            """).query().listOfRows();
            for (Map<String, Object> row : missing) {
                tx.executeWithoutResult(status -> refresh(
                        new CompanyId((UUID) row.get("company_id")),
                        Mode.valueOf(String.valueOf(row.get("mode"))),
                        new ApplicantId((UUID) row.get("id"))));
                counted++;
            }
        } while (!missing.isEmpty());
        return counted;
    }

    /** Brings one applicant's part of the roll-up up to date. */
    @Transactional
    public void refresh(CompanyId companyId, Mode modeOf, ApplicantId id) {
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
        UUID company = companyId.value();
        String mode = modeOf.name();
        Map<String, Long> deltas = new TreeMap<>();
        for (String key : keys) {
            long delta = now.getOrDefault(key, 0L) - earlier.getOrDefault(key, 0L);
            if (delta != 0) {
                deltas.put(key, delta);
            }
        }
        add(company, mode, day, deltas);
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

    /** An applicant added in bulk: the day it was created and what it counts for. */
    public record Added(UUID applicantId, LocalDate day, Map<String, Long> facts) {}

    /**
     * Adds many applicants at once (the demo data): their facts summed per day, and each one's facts remembered so
     * its later events move only the difference.
     */
    @Transactional
    public void addAll(UUID company, String mode, List<Added> added) {
        Map<LocalDate, Map<String, Long>> days = new TreeMap<>();
        for (Added applicant : added) {
            Map<String, Long> day = days.computeIfAbsent(applicant.day(), d -> new TreeMap<>());
            applicant.facts().forEach((key, count) -> day.merge(key, count, Long::sum));
        }
        days.forEach((day, deltas) -> add(company, mode, day, deltas));
        batch.batchUpdate(
                "INSERT INTO dashboard_applicant (applicant_id, company_id, mode, day, facts) VALUES (?, ?, ?, ?, ?)",
                added,
                1000,
                (statement, applicant) -> {
                    statement.setObject(1, applicant.applicantId());
                    statement.setObject(2, company);
                    statement.setString(3, mode);
                    statement.setDate(4, Date.valueOf(applicant.day()));
                    statement.setString(5, JSON.writeValueAsString(applicant.facts()));
                });
    }

    private void add(UUID company, String mode, LocalDate day, Map<String, Long> deltas) {
        deltas.forEach((key, delta) -> {
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
        });
    }

    /** Where an applicant comes from, as ISO alpha-2 codes: residence, phone number and identity document. */
    public record Origins(
            @Nullable String residence,
            @Nullable String phone,
            @Nullable String document) {}

    /** What an applicant counts for, as {@code dimension|key} → how many. */
    static Map<String, Long> facts(ApplicantView applicant) {
        long open = applicant.review().warnings().stream().filter(Warning::open).count();
        Object country = applicant.fixedInfo().get("country");
        return facts(
                applicant.status(),
                new Origins(
                        country == null ? null : country.toString(),
                        phoneCountry(applicant.phone()),
                        documentCountry(applicant.steps())),
                open,
                applicant.review().warnings().size() - open,
                applicant.steps());
    }

    /** What an applicant of these facts counts for; the demo data adds applicants by the same rules. */
    public static Map<String, Long> facts(
            ApplicantStatus status, Origins origins, long openWarnings, long resolvedWarnings, List<StepState> steps) {
        Map<String, Long> facts = new TreeMap<>();
        facts.put("applicants|", 1L);
        facts.put("status|" + status.name(), 1L);
        country(facts, "country", origins.residence());
        country(facts, "country:phone", origins.phone());
        country(facts, "country:document", origins.document());
        if (openWarnings > 0) {
            facts.put("warnings|open", openWarnings);
        }
        if (resolvedWarnings > 0) {
            facts.put("warnings|resolved", resolvedWarnings);
        }
        StepState failedAt = null;
        for (StepState step : steps) {
            facts.put("step:" + step.type().name() + "|" + step.status().name(), 1L);
            if (failedAt == null && step.status() != StepState.StepStatus.PASSED) {
                failedAt = step;
            }
        }
        boolean failed = status == ApplicantStatus.DECLINED
                || status == ApplicantStatus.BLOCKED
                || status == ApplicantStatus.ON_HOLD;
        if (failed && failedAt != null) {
            facts.put("failedAt|" + failedAt.type().name(), 1L);
        }
        return facts;
    }

    private static void country(Map<String, Long> facts, String dimension, @Nullable String code) {
        String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (COUNTRY.matcher(normalised).matches()) {
            facts.put(dimension + "|" + normalised, 1L);
        }
    }

    /** The country a number in international form belongs to, if libphonenumber knows its calling code. */
    static @Nullable String phoneCountry(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(phone.strip(), "ZZ");
            String region = PHONES.getRegionCodeForNumber(number);
            if (region == null) { // not valid anywhere: the main country of its calling code
                region = PHONES.getRegionCodeForCountryCode(number.getCountryCode());
            }
            return "ZZ".equals(region) || "001".equals(region) ? null : region;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /**
     * The issuing country of the identity document the applicant's document step holds now, from the step's result
     * ({@code "valid: PASSPORT DE …"}, {@code "not valid: ID_CARD FR …"}, or an activated historical result
     * {@code "PASSPORT DE …, valid; activated from history"}).
     */
    public static @Nullable String documentCountry(List<StepState> steps) {
        for (StepState step : steps) {
            if (step.type() == StepType.DOCUMENT && step.result() != null) {
                Matcher matcher = DOCUMENT_RESULT.matcher(step.result());
                return matcher.lookingAt() ? matcher.group(1) : null;
            }
        }
        return null;
    }
}
