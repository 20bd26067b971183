package org.openkyc.demo;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.StepState;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.dashboard.DashboardRollup;
import org.openkyc.flows.FlowManagement;
import org.openkyc.flows.PublishedFlow;
import org.openkyc.flows.definition.StepType;
import org.openkyc.tenancy.ApplicationManagement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills a company's test mode with realistic applicants over the last 365 days: statuses in plausible shares, steps
 * that agree with them (a held or declined verification stopped at one step), warnings, countries of residence, phone
 * numbers (each country's example mobile number) and passports, and names. Rows are written in bulk, ten thousand to a
 * transaction, with the dashboard's roll-up; demo applicants have no timeline entries.
 */
@Component
public class DemoData {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int CHUNK = 10_000;
    private static final String[] COUNTRIES = {
        "DE", "DE", "DE", "FR", "FR", "GB", "GB", "NL", "ES", "IT", "PL", "US", "US", "BR", "IN", "NG", "JP", "CA",
        "AU", "CH", "SE", "TR", "MX", "ZA", "UA"
    };
    private static final Map<String, String> PHONES = examplePhones();
    private static final String[] FIRST = {
        "Ada", "Chidi", "Mei", "Lars", "Amara", "Diego", "Yuki", "Priya", "Omar", "Sofia"
    };
    private static final String[] LAST = {
        "Lovelace", "Okonkwo", "Chen", "Berg", "Diallo", "Garcia", "Sato", "Nair", "Haddad"
    };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final FlowManagement flows;
    private final ApplicationManagement applications;
    private final DashboardRollup rollup;
    private final Clock clock;

    DemoData(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate tx,
            FlowManagement flows,
            ApplicationManagement applications,
            DashboardRollup rollup,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.flows = flows;
        this.applications = applications;
        this.rollup = rollup;
        this.clock = clock;
    }

    /** What was made. */
    public record Filled(CompanyId company, int applicants, Duration took) {}

    /**
     * Adds {@code count} applicants to the test mode of the company whose member signs in as {@code email} (the
     * oldest company when none is named), on its default flow and application.
     */
    public Filled fill(@Nullable String email, int count, long seed) {
        if (count < 1 || count > 10_000_000) {
            throw new IllegalArgumentException("--applicants takes 1 to 10,000,000");
        }
        Instant started = clock.instant();
        CompanyId company = new CompanyId(
                email == null
                        ? jdbc.sql("SELECT id FROM company ORDER BY created_at LIMIT 1")
                                .query(UUID.class)
                                .optional()
                                .orElseThrow(() -> new IllegalStateException(
                                        "No company yet: start OpenKYC once with openkyc.bootstrap.* or sign up first"))
                        : jdbc.sql("SELECT company_id FROM member WHERE lower(email) = lower(:email)")
                                .param("email", email)
                                .query(UUID.class)
                                .optional()
                                .orElseThrow(() -> new IllegalStateException("Nobody signs in as " + email)));
        PublishedFlow flow = flows.defaultFlow(company, Mode.TEST)
                .orElseThrow(() -> new IllegalStateException("The company has no default flow in test mode"));
        ApplicationId application = applications
                .applicationIn(company, Mode.TEST, null)
                .orElseThrow(() -> new IllegalStateException("The company has no application in test mode"));
        List<StepType> steps = flow.definition().stepTypes().stream()
                .filter(s -> s != StepType.INTRO && s != StepType.THANK_YOU)
                .toList();
        Random random = new Random(seed);
        Instant now = clock.instant();
        for (int from = 0; from < count; from += CHUNK) {
            int size = Math.min(CHUNK, count - from);
            int offset = from;
            tx.executeWithoutResult(
                    status -> write(company, application, flow, steps, random, now, offset, size, seed));
        }
        return new Filled(company, count, Duration.between(started, clock.instant()));
    }

    private void write(
            CompanyId company,
            ApplicationId application,
            PublishedFlow flow,
            List<StepType> steps,
            Random random,
            Instant now,
            int offset,
            int size,
            long seed) {
        List<Object[]> rows = new ArrayList<>(size);
        List<DashboardRollup.Added> added = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            UUID id = UUID.randomUUID();
            Instant created = now.minus(Duration.ofSeconds((long) (random.nextDouble() * 365 * 86_400)));
            ApplicantStatus status = status(random);
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            // most carry a phone and a document of where they live; some of another country
            String phoneCountry = random.nextInt(10) < 8 ? country : COUNTRIES[random.nextInt(COUNTRIES.length)];
            String documentCountry = random.nextInt(10) < 7 ? country : COUNTRIES[random.nextInt(COUNTRIES.length)];
            List<StepState> states = states(steps, status, documentCountry, random);
            String phone = PHONES.get(phoneCountry);
            boolean flagged = switch (status) {
                case ON_HOLD, IN_REVIEW, DECLINED, BLOCKED -> true;
                default -> false;
            };
            boolean settled = status == ApplicantStatus.APPROVED && random.nextInt(10) == 0;
            List<Map<String, Object>> warnings = flagged || settled ? List.of(warning(created, settled)) : List.of();
            rows.add(new Object[] {
                id,
                company.value(),
                application.value(),
                "demo-" + seed + "-" + (offset + i),
                flow.id().value(),
                flow.version(),
                status.name(),
                phone,
                JSON.writeValueAsString(Map.of(
                        "firstName",
                        FIRST[random.nextInt(FIRST.length)],
                        "lastName",
                        LAST[random.nextInt(LAST.length)],
                        "country",
                        country)),
                JSON.writeValueAsString(states),
                JSON.writeValueAsString(warnings),
                status == ApplicantStatus.APPROVED || status == ApplicantStatus.DECLINED ? status.name() : null,
                country,
                Timestamp.from(created),
                Timestamp.from(created),
            });
            added.add(new DashboardRollup.Added(
                    id,
                    LocalDate.ofInstant(created, ZoneOffset.UTC),
                    DashboardRollup.facts(
                            status,
                            new DashboardRollup.Origins(
                                    country,
                                    phone == null ? null : phoneCountry,
                                    DashboardRollup.documentCountry(states)),
                            flagged ? 1 : 0,
                            settled ? 1 : 0,
                            states)));
        }
        batch.batchUpdate("""
                INSERT INTO applicant (id, company_id, mode, application_id, external_user_id, flow_id, flow_version,
                  status, lang, phone, fixed_info, steps, warnings, review_decision, country, created_at, updated_at,
                  version)
                VALUES (?, ?, 'TEST', ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, ?, ?, ?, 0)
                """, rows);
        rollup.addAll(company.value(), Mode.TEST.name(), added);
    }

    /** Roughly what a year of a busy company looks like. */
    private static ApplicantStatus status(Random random) {
        int roll = random.nextInt(100);
        if (roll < 55) {
            return ApplicantStatus.APPROVED;
        }
        if (roll < 65) {
            return ApplicantStatus.DECLINED;
        }
        if (roll < 67) {
            return ApplicantStatus.BLOCKED;
        }
        if (roll < 75) {
            return ApplicantStatus.ON_HOLD;
        }
        if (roll < 78) {
            return ApplicantStatus.IN_REVIEW;
        }
        if (roll < 85) {
            return ApplicantStatus.COMPLETED;
        }
        return roll < 95 ? ApplicantStatus.INCOMPLETE : ApplicantStatus.INIT;
    }

    /** Steps that agree with the status: all passed, none started, some done, or stopped at one. */
    private static List<StepState> states(
            List<StepType> steps, ApplicantStatus status, String documentCountry, Random random) {
        List<StepState> states = new ArrayList<>();
        int stoppedAt = steps.isEmpty() ? 0 : random.nextInt(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            StepState.StepStatus step = switch (status) {
                case INIT -> StepState.StepStatus.NOT_STARTED;
                case INCOMPLETE -> i < stoppedAt ? StepState.StepStatus.PASSED : StepState.StepStatus.NOT_STARTED;
                case ON_HOLD, IN_REVIEW, DECLINED, BLOCKED ->
                    i == stoppedAt ? StepState.StepStatus.SUBMITTED : StepState.StepStatus.PASSED;
                default -> StepState.StepStatus.PASSED;
            };
            String result = steps.get(i) != StepType.DOCUMENT || step == StepState.StepStatus.NOT_STARTED
                    ? null
                    : (step == StepState.StepStatus.PASSED ? "valid: PASSPORT " : "not valid: PASSPORT ")
                            + documentCountry;
            states.add(new StepState(steps.get(i), step, result));
        }
        return states;
    }

    /** Each country's example mobile number, in international form. */
    private static Map<String, String> examplePhones() {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        Map<String, String> examples = new java.util.HashMap<>();
        for (String country : COUNTRIES) {
            Phonenumber.PhoneNumber example =
                    phones.getExampleNumberForType(country, PhoneNumberUtil.PhoneNumberType.MOBILE);
            if (example != null) {
                examples.put(country, phones.format(example, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        }
        return examples;
    }

    private static Map<String, Object> warning(Instant created, boolean settled) {
        Map<String, Object> warning = new java.util.LinkedHashMap<>();
        warning.put("id", UUID.randomUUID().toString());
        warning.put("code", "DOCUMENT_NOT_VALID");
        warning.put("message", "Demo: the document needs a look.");
        warning.put("raisedAt", created.toString());
        warning.put("resolvedBy", null);
        warning.put("resolution", settled ? "checked by hand" : null);
        warning.put("resolvedAt", settled ? created.plusSeconds(3600).toString() : null);
        return warning;
    }
}
