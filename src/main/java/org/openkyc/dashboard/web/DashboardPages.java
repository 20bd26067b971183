package org.openkyc.dashboard.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.openkyc.applicants.lifecycle.ApplicantStatus;
import org.openkyc.core.Actor;
import org.openkyc.core.InvalidInputException;
import org.openkyc.core.Permission;
import org.openkyc.dashboard.Dashboard;
import org.openkyc.flows.definition.StepType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workplace dashboard: the figures of a range ({@code range=today|7|28}, or {@code custom} with {@code from} and
 * {@code to}; the last 28 days by default) drawn server-side as numbers and tables, and handed to the charts and the
 * map as JSON in the page; and the company's target of successful verifications per day.
 */
@Controller
class DashboardPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> RANGES = List.of("today", "7", "28");

    private final Dashboard dashboard;
    private final MessageSource messages;

    DashboardPages(Dashboard dashboard, MessageSource messages) {
        this.dashboard = dashboard;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String page(
            Actor actor,
            @RequestParam(required = false) @Nullable String range,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            Locale locale,
            Model model) {
        actor.require(Permission.DASHBOARD);
        LocalDate today = dashboard.today();
        String chosen = range != null && (RANGES.contains(range) || "custom".equals(range)) ? range : "28";
        LocalDate start;
        LocalDate end = today;
        Dashboard.Figures figures;
        String problem = null;
        if ("custom".equals(chosen)) {
            end = day(to, today);
            start = day(from, end.minusDays(27));
        } else {
            start = "today".equals(chosen) ? today : today.minusDays(Long.parseLong(chosen) - 1);
        }
        try {
            figures = dashboard.figures(actor, start, end);
        } catch (InvalidInputException e) {
            problem = "dashboard.badRange";
            chosen = "28";
            figures = dashboard.figures(actor, today.minusDays(27), today);
        }
        model.addAttribute("figures", figures);
        model.addAttribute("range", chosen);
        model.addAttribute("ranges", RANGES);
        DateTimeFormatter dates =
                DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        model.addAttribute("rangeFrom", dates.format(figures.from()));
        model.addAttribute("rangeTo", dates.format(figures.to()));
        model.addAttribute("days", figures.perDay().size());
        model.addAttribute("comparisons", comparisons(figures));
        model.addAttribute(
                "targetTotal", figures.target() == null ? null : Math.round(figures.target() * figures.elapsedDays()));
        model.addAttribute("canSetTarget", actor.can(Permission.COMPANY));
        Map<String, List<Country>> origins = new LinkedHashMap<>();
        figures.countries()
                .forEach((origin, counts) -> origins.put(
                        origin,
                        counts.entrySet().stream()
                                .map(e -> new Country(
                                        e.getKey(), Locale.of("", e.getKey()).getDisplayCountry(locale), e.getValue()))
                                .toList()));
        model.addAttribute("origins", origins);
        model.addAttribute("rangeError", problem);
        // The data sits in a <script> element: "<" is escaped so no value can close it.
        model.addAttribute(
                "dashboardData",
                JSON.writeValueAsString(Map.of("figures", figures, "texts", texts(locale)))
                        .replace("<", "\\u003c"));
        return "dashboard/dashboard";
    }

    /** A country of the top list, named in the page's language. */
    record Country(String code, String name, long count) {}

    @PostMapping("/dashboard/target")
    String target(
            Actor actor,
            @RequestParam(required = false) @Nullable String successfulPerDay,
            RedirectAttributes redirect) {
        try {
            dashboard.setTarget(
                    actor,
                    successfulPerDay == null || successfulPerDay.isBlank()
                            ? null
                            : Integer.valueOf(successfulPerDay.strip()));
            redirect.addFlashAttribute("flash", "dashboard.targetSaved");
        } catch (NumberFormatException | InvalidInputException e) {
            redirect.addFlashAttribute("flashError", "dashboard.targetInvalid");
        }
        return "redirect:/dashboard";
    }

    /** A headline number against the average: the change in percent, and whether it is a change for the better. */
    record Change(long percent, boolean better) {}

    /** The headline numbers where fewer is better. */
    private static final Set<String> FEWER_IS_BETTER = Set.of("inReview", "rejected", "blocked");

    /**
     * Each headline number against the average of the days before the range, scaled to the part of the range that
     * has passed; none when there is nothing to compare with.
     */
    static Map<String, Change> comparisons(Dashboard.Figures figures) {
        Map<String, Change> changes = new LinkedHashMap<>();
        figures.headline().forEach((key, count) -> {
            double expected = figures.baseline().getOrDefault(key, 0.0) * figures.elapsedDays();
            if (expected > 0) {
                long percent = Math.round(100 * (count - expected) / expected);
                changes.put(key, new Change(percent, FEWER_IS_BETTER.contains(key) ? percent <= 0 : percent >= 0));
            }
        });
        return changes;
    }

    /** The words the charts need, in the page's language. */
    private Map<String, String> texts(Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key :
                List.of("applicants", "average", "target", "succeeded", "failed", "open", "resolved", "percent")) {
            texts.put(key, messages.getMessage("dashboard.chart." + key, null, locale));
        }
        for (ApplicantStatus status : ApplicantStatus.values()) {
            texts.put("status." + status, messages.getMessage("status." + status, null, status.name(), locale));
        }
        for (String service : List.of("liveness", "questionnaire", "otp", "document", "faceMatch", "aml")) {
            texts.put("service." + service, messages.getMessage("dashboard.service." + service, null, locale));
        }
        for (StepType step : StepType.values()) {
            texts.put("step." + step, messages.getMessage("step." + step, null, step.name(), locale));
        }
        return texts;
    }

    private static LocalDate day(@Nullable String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }
}
