package org.openkyc.dashboard.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.dashboard.Dashboard;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/dashboard[?from=YYYY-MM-DD&to=YYYY-MM-DD]}: the figures of a range, the last 28 days by default. */
@RestController
class DashboardApiController {

    private final Dashboard dashboard;

    DashboardApiController(Dashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/api/v1/dashboard")
    Dashboard.Figures figures(
            Actor actor,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        LocalDate end = day("to", to, dashboard.today());
        return dashboard.figures(actor, day("from", from, end.minusDays(27)), end);
    }

    private static LocalDate day(String name, @Nullable String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(name, "date", "must be a date as YYYY-MM-DD");
        }
    }
}
