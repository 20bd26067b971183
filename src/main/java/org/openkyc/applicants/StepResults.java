package org.openkyc.applicants;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.openkyc.core.CompanyId;
import org.openkyc.flows.definition.StepType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a module keeps one step's results: a table with {@code id}, {@code company_id}, {@code applicant_id},
 * {@code created_at} and {@code deactivated_at}, whose current results are those not deactivated. A module declares
 * one bean per step; the reviewer's Deactivate and Activate work through them.
 *
 * @param summary an SQL expression of the table's columns that says what a result was, for the history list
 */
public record StepResults(JdbcClient jdbc, StepType step, String table, String summary) {

    /** A result that is no longer current. */
    public record Historical(UUID id, String summary, Instant createdAt, Instant deactivatedAt) {}

    /** Moves the step's current results to history; answers how many. */
    int deactivate(CompanyId company, UUID applicant, Instant now) {
        return jdbc.sql("UPDATE " + table + " SET deactivated_at = :now"
                        + " WHERE company_id = :company AND applicant_id = :applicant AND deactivated_at IS NULL")
                .param("now", Timestamp.from(now))
                .param("company", company.value())
                .param("applicant", applicant)
                .update();
    }

    /**
     * Makes one historical result the current one (the current ones go to history); answers its summary, or nothing
     * when there is no such historical result.
     */
    Optional<String> activate(CompanyId company, UUID applicant, UUID result, Instant now) {
        Optional<String> found = jdbc.sql("SELECT " + summary + " FROM " + table + " WHERE id = :id"
                        + " AND company_id = :company AND applicant_id = :applicant AND deactivated_at IS NOT NULL")
                .param("id", result)
                .param("company", company.value())
                .param("applicant", applicant)
                .query(String.class)
                .optional();
        if (found.isPresent()) {
            deactivate(company, applicant, now);
            jdbc.sql("UPDATE " + table + " SET deactivated_at = NULL WHERE id = :id")
                    .param("id", result)
                    .update();
        }
        return found;
    }

    /** The step's results that are no longer current, the latest deactivated first. */
    List<Historical> history(CompanyId company, UUID applicant) {
        return jdbc.sql("SELECT id, " + summary + " AS summary, created_at, deactivated_at FROM " + table
                        + " WHERE company_id = :company AND applicant_id = :applicant AND deactivated_at IS NOT NULL"
                        + " ORDER BY deactivated_at DESC, created_at DESC")
                .param("company", company.value())
                .param("applicant", applicant)
                .query((r, n) -> new Historical(
                        r.getObject("id", UUID.class),
                        r.getString("summary"),
                        r.getTimestamp("created_at").toInstant(),
                        r.getTimestamp("deactivated_at").toInstant()))
                .list();
    }
}
