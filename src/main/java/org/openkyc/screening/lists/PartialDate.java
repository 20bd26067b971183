package org.openkyc.screening.lists;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A date as open data publishes it, to a day: {@code YYYY}, {@code YYYY-MM}, {@code YYYY-MM-DD} or a date-time. An
 * office known only by its year or month is taken to start on the first day of it and end on the last, so that it is
 * never shorter than the source says.
 */
final class PartialDate {

    private PartialDate() {}

    /**
     * @param end whether the date ends a span (then a year or month is its last day)
     * @return null for an empty value
     * @throws ListFormatException naming {@code where} when the value is no date
     */
    static @Nullable LocalDate day(String where, String value, boolean end) throws ListFormatException {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            if (v.matches("\\d{4}")) {
                int year = Integer.parseInt(v);
                return end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (v.matches("\\d{4}-\\d{2}")) {
                YearMonth month = YearMonth.parse(v);
                return end ? month.atEndOfMonth() : month.atDay(1);
            }
            return LocalDate.parse(v.length() > 10 && v.charAt(10) == 'T' ? v.substring(0, 10) : v);
        } catch (DateTimeParseException e) {
            throw new ListFormatException(where + ": '" + v + "' is not a date", e);
        }
    }
}
