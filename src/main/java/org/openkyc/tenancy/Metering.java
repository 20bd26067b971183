package org.openkyc.tenancy;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.openkyc.core.PlanLimitException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts new verifications per company, mode and calendar month (UTC). Live ones are what a plan is billed by; a
 * managed plan's beyond {@link Plan#MANAGED_MONTHLY_USERS} in a month are overage. A company on the free plan may
 * start {@link PlatformSettings#freeTestVerifications()} test verifications in all.
 */
@Service
public class Metering {

    private final JdbcClient jdbc;
    private final CompanyManagement companies;
    private final PlatformSettings settings;
    private final Clock clock;

    Metering(JdbcClient jdbc, CompanyManagement companies, PlatformSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.settings = settings;
        this.clock = clock;
    }

    /** One month's counts: live and test verifications started, and how many live ones are beyond the plan's. */
    public record Usage(YearMonth month, int live, int test, int testInAll, int freeTestAllowance, int overage) {}

    /**
     * Counts a new verification, in the transaction that creates it.
     *
     * @throws PlanLimitException when the free plan's test verifications are used up
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void countVerification(CompanyId company, Mode mode) {
        if (mode == Mode.TEST && companies.plan(company) == Plan.FREE) {
            // One company's counting is serialised, so two requests cannot both take the last free verification.
            jdbc.sql("SELECT id FROM company WHERE id = :company FOR UPDATE")
                    .param("company", company.value())
                    .query()
                    .listOfRows();
            if (testInAll(company) >= settings.freeTestVerifications()) {
                throw new PlanLimitException("The free plan includes " + settings.freeTestVerifications()
                        + " test verifications and all are used; a paid plan or a trial goes on.");
            }
        }
        jdbc.sql("""
                        INSERT INTO usage_month (company_id, mode, month, verifications) VALUES (:company, :mode, :month, 1)
                        ON CONFLICT (company_id, mode, month) DO UPDATE SET verifications = usage_month.verifications + 1
                        """)
                .param("company", company.value())
                .param("mode", mode.code())
                .param("month", Date.valueOf(month(YearMonth.now(clock.withZone(ZoneOffset.UTC)))))
                .update();
    }

    /** A company's usage in a month. */
    public Usage usage(CompanyId company, YearMonth month) {
        int live = count(company, Mode.LIVE, month);
        boolean metered = companies.plan(company).metersOverage();
        return new Usage(
                month,
                live,
                count(company, Mode.TEST, month),
                testInAll(company),
                settings.freeTestVerifications(),
                metered ? Math.max(0, live - Plan.MANAGED_MONTHLY_USERS) : 0);
    }

    /** This month's usage (UTC). */
    public Usage usage(CompanyId company) {
        return usage(company, YearMonth.now(clock.withZone(ZoneOffset.UTC)));
    }

    private int count(CompanyId company, Mode mode, YearMonth month) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(verifications), 0) FROM usage_month
                        WHERE company_id = :company AND mode = :mode AND month = :month
                        """)
                .param("company", company.value())
                .param("mode", mode.code())
                .param("month", Date.valueOf(month(month)))
                .query(Integer.class)
                .single();
    }

    private int testInAll(CompanyId company) {
        return jdbc.sql("SELECT COALESCE(SUM(verifications), 0) FROM usage_month WHERE company_id = :company"
                        + " AND mode = 'test'")
                .param("company", company.value())
                .query(Integer.class)
                .single();
    }

    private static LocalDate month(YearMonth month) {
        return month.atDay(1);
    }
}
