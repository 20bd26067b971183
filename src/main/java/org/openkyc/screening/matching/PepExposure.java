package org.openkyc.screening.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How exposed a listed PEP is on a day. A person in office is exposed; one who left their last office stays exposed
 * until {@code formerUntil} after it (FATF leaves the period to each firm; twelve months is the common floor), and is
 * no longer a hit after that. A PEP hit's explanation says the office, its country and whether it is held or ended.
 */
public final class PepExposure {

    private PepExposure() {}

    /**
     * The hits that count on {@code today}, each PEP hit with its office in the explanation.
     *
     * @param formerDays how many days after leaving their last office a person is still flagged
     */
    public static List<ScreeningIndex.Hit> judge(List<ScreeningIndex.Hit> hits, LocalDate today, long formerDays) {
        List<ScreeningIndex.Hit> counted = new ArrayList<>();
        for (ScreeningIndex.Hit hit : hits) {
            ListEntity entity = hit.entity();
            if (entity.listType() != ListEntity.ListType.PEP
                    || entity.positions().isEmpty()) {
                counted.add(hit);
                continue;
            }
            LocalDate left = entity.leftOffice();
            if (left != null && left.plusDays(formerDays).isBefore(today)) {
                continue;
            }
            List<String> adjustments = new ArrayList<>(hit.adjustments());
            adjustments.add(describe(entity, today));
            counted.add(new ScreeningIndex.Hit(
                    entity, hit.matchedName(), hit.matchRate(), hit.score(), List.copyOf(adjustments)));
        }
        return List.copyOf(counted);
    }

    /** The office that makes the entity a PEP: the one held now, else the last one left. */
    public static String describe(ListEntity entity, LocalDate today) {
        ListEntity.Position office = entity.positions().stream()
                .filter(p -> p.heldOn(today))
                .max(Comparator.comparing(PepExposure::start))
                .orElseGet(() -> entity.positions().stream()
                        .max(Comparator.comparing(PepExposure::end))
                        .orElseThrow());
        String where = office.country() == null ? "" : " (" + office.country() + ")";
        if (office.heldOn(today)) {
            return "PEP: " + office.title() + where + ", in office"
                    + (office.start() == null ? "" : " since " + office.start());
        }
        return "former PEP: " + office.title() + where + ", left office " + office.end();
    }

    private static LocalDate start(ListEntity.Position position) {
        return position.start() == null ? LocalDate.MIN : position.start();
    }

    private static LocalDate end(ListEntity.Position position) {
        @Nullable LocalDate end = position.end();
        return end == null ? LocalDate.MAX : end;
    }
}
