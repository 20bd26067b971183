package org.openkyc.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openkyc.demo.DemoData;
import org.openkyc.support.Api;
import org.openkyc.support.Browser;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SignUps;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a browser, over a year of demo applicants: the headline numbers agree with the API for each range,
 * and a screenshot of the page shows every chart and the map drawn in its colours.
 */
class DashboardJourneyTest extends IntegrationTest {

    /** The colours the charts draw their data in (see dashboard.js). */
    private static final int BRAND = 0x1f5fbf;

    private static final int OK = 0x1e7a46;
    private static final int BAD = 0xb3261e;
    private static final int WARN = 0xa15c00;
    private static final List<Integer> MAP_SHADES = List.of(0xbcd3f2, 0x7ea7e0, 0x3d78c9, 0x1f4f94);

    @Autowired
    DemoData demo;

    @Test
    void aYearOfDemoApplicantsDrawnForEachRange() throws IOException {
        SignUps.Admin admin = SignUps.signUp(api(), "Dashboard Demo Ltd");
        demo.fill(admin.email(), 4000, 11);
        Api owner = api().as(admin.token());
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));

        try (Browser browser = new Browser(baseUrl())) {
            browser.open("/signin");
            browser.signIn(admin.email(), SignUps.PASSWORD);
            browser.awaitPath("/dashboard");

            JsonNode month = owner.get("/api/v1/dashboard?from=" + today.minusDays(27) + "&to=" + today)
                    .json();
            assertThat(month.at("/headline/applicants").asLong())
                    .as("about 4000 / 365 a day")
                    .isBetween(200L, 420L);
            assertHeadline(browser, month);
            assertThat(browser.text("#compare-applicants")).contains("against the average of the days before");
            assertThat(browser.find("#compare-rejected").getAttribute("class"))
                    .as("more rejections than usual are a change for the worse")
                    .contains(browser.text("#compare-rejected").startsWith("+") ? "worse" : "better");
            assertThat(browser.find("#compare-approved").getAttribute("class"))
                    .contains(browser.text("#compare-approved").startsWith("-") ? "worse" : "better");
            assertThat(browser.find("#range-28").getAttribute("aria-current")).isEqualTo("true");
            assertThat(browser.text("ol[data-origin=residence] li[data-country=DE]"))
                    .as("the most common country of residence, named")
                    .startsWith("Germany");

            browser.type("#target-per-day", "9");
            browser.click("#target-save");
            browser.awaitText(".flash.ok", "The target is saved.");
            Matcher target =
                    Pattern.compile("Target to date (\\d+): (\\d+) % reached").matcher(browser.text("#compare-target"));
            assertThat(target.matches()).as(browser.text("#compare-target")).isTrue();
            long toDate = Long.parseLong(target.group(1));
            assertThat(toDate)
                    .as("nine a day for the 27 days gone by and the part of today")
                    .isBetween((long) Math.floor(9 * month.get("elapsedDays").asDouble()), (long)
                            Math.ceil(9 * month.get("elapsedDays").asDouble()))
                    .isBetween(243L, 252L);
            assertThat(Long.parseLong(target.group(2)))
                    .isEqualTo(100 * month.at("/headline/approved").asLong() / toDate);

            browser.driver().manage().window().setSize(new Dimension(1280, 3400));
            browser.script("window.scrollTo(0, 0)");
            BufferedImage page = screenshot(browser, "60-dashboard");
            assertDrawn(browser, page, "#chart-per-day", List.of(BRAND, WARN));
            assertDrawn(browser, page, "#chart-statuses", List.of(BRAND, OK));
            assertDrawn(browser, page, "#chart-warnings", List.of(BAD, OK));
            assertDrawn(browser, page, "#chart-outcomes", List.of(OK, BAD));
            assertDrawn(browser, page, "#chart-failed-at", List.of(BAD));
            assertDrawn(browser, page, "#chart-target", List.of(OK, WARN));
            assertDrawn(browser, page, "#chart-average", List.of(BRAND));
            assertDrawn(browser, page, "#chart-services", List.of(OK, WARN));
            assertThat(pixels(browser, page, "#world-map", false, MAP_SHADES))
                    .as("countries shaded on the map")
                    .isGreaterThan(2000);

            browser.click("#origin-document");
            browser.awaitAttribute("#world-map", "data-showing", "document");
            assertThat(browser.find("#world-map").isDisplayed()).isTrue();
            assertThat(pixels(browser, screenshot(browser, "61-dashboard-documents"), "#world-map", false, MAP_SHADES))
                    .as("the map drawn again for the documents' countries")
                    .isGreaterThan(2000);
            assertThat(browser.find("ol[data-origin=document]").isDisplayed()).isTrue();
            assertThat(browser.find("ol[data-origin=residence]").isDisplayed()).isFalse();
            assertThat(browser.exists("ol[data-origin=document] li[data-country]"))
                    .isTrue();

            browser.click("#range-7");
            browser.awaitPath("/dashboard?range=7");
            assertHeadline(
                    browser,
                    owner.get("/api/v1/dashboard?from=" + today.minusDays(6) + "&to=" + today)
                            .json());
            browser.click("#range-today");
            browser.awaitPath("/dashboard?range=today");
            assertHeadline(
                    browser,
                    owner.get("/api/v1/dashboard?from=" + today + "&to=" + today)
                            .json());

            LocalDate from = today.minusDays(200);
            LocalDate to = today.minusDays(100);
            browser.script(
                    "document.getElementById('range-from').value = arguments[0];"
                            + "document.getElementById('range-to').value = arguments[1];",
                    from.toString(),
                    to.toString());
            browser.click("#range-apply");
            browser.awaitPath("/dashboard?range=custom&from=" + from + "&to=" + to);
            DateTimeFormatter english =
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH);
            assertThat(browser.text("#range-label"))
                    .isEqualTo("Applicants created " + english.format(from) + " to " + english.format(to)
                            + " (101 days, UTC)");
            assertHeadline(
                    browser,
                    owner.get("/api/v1/dashboard?from=" + from + "&to=" + to).json());
            BufferedImage custom = screenshot(browser, "62-dashboard-custom-range");
            assertDrawn(browser, custom, "#chart-per-day", List.of(BRAND));
        }
    }

    private static void assertHeadline(Browser browser, JsonNode figures) {
        for (String key : List.of("applicants", "inReview", "completed", "approved", "rejected", "blocked")) {
            assertThat(browser.text("#figure-" + key).replaceAll("\\D", ""))
                    .as(key)
                    .isEqualTo(figures.at("/headline/" + key).asString());
        }
    }

    /**
     * Every one of the colours covers part of the chart's plot area on the screenshot (legends and axes left out), as
     * the chart's data is drawn.
     */
    private static void assertDrawn(Browser browser, BufferedImage page, String css, List<Integer> colours) {
        for (int colour : colours) {
            assertThat(pixels(browser, page, css, true, List.of(colour)))
                    .as("%s drawn in #%06x", css, colour)
                    .isGreaterThan(100);
        }
    }

    /**
     * How many pixels of the element's part of the screenshot (or of its chart's plot area) are of one of the colours,
     * give or take a little.
     */
    private static int pixels(
            Browser browser, BufferedImage page, String css, boolean plotArea, List<Integer> colours) {
        @SuppressWarnings("unchecked")
        Map<String, Number> box = (Map<String, Number>) browser.script(
                "const element = document.querySelector(arguments[0]);"
                        + "const r = element.getBoundingClientRect();"
                        + "let area = {left: 0, top: 0, right: r.width, bottom: r.height};"
                        + "if (arguments[1]) {"
                        + "  const chart = Chart.getChart(element);"
                        + "  if (!chart) { return null; }"
                        + "  area = chart.chartArea;"
                        + "}"
                        + "const s = window.devicePixelRatio;"
                        + "return {x: (r.left + area.left) * s, y: (r.top + area.top) * s,"
                        + "  w: (area.right - area.left) * s, h: (area.bottom - area.top) * s};",
                css,
                plotArea);
        assertThat(box).as("a chart on %s", css).isNotNull();
        int x0 = Math.max(0, box.get("x").intValue());
        int y0 = Math.max(0, box.get("y").intValue());
        int x1 = Math.min(page.getWidth(), x0 + box.get("w").intValue());
        int y1 = Math.min(page.getHeight(), y0 + box.get("h").intValue());
        assertThat(x1 - x0).as("%s on the screenshot", css).isGreaterThan(50);
        assertThat(y1 - y0).as("%s on the screenshot", css).isGreaterThan(50);
        int count = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = page.getRGB(x, y) & 0xffffff;
                for (int colour : colours) {
                    if (near(rgb, colour)) {
                        count++;
                        break;
                    }
                }
            }
        }
        return count;
    }

    private static boolean near(int a, int b) {
        return Math.abs((a >> 16 & 0xff) - (b >> 16 & 0xff)) <= 12
                && Math.abs((a >> 8 & 0xff) - (b >> 8 & 0xff)) <= 12
                && Math.abs((a & 0xff) - (b & 0xff)) <= 12;
    }

    private static BufferedImage screenshot(Browser browser, String name) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(browser.screenshot(name)));
    }
}
