package org.openkyc.core.geo;

import com.ibm.icu.util.TimeZone;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The time zone of a place when a location database gives none: the country's zone when it has one, otherwise the
 * country's zone whose standard offset is nearest to the one the longitude suggests (15° to the hour). Countries
 * whose zones do not follow longitude (China, India) have one zone, so the estimate is right there too.
 */
final class TimeZones {

    private TimeZones() {}

    static @Nullable String estimate(String country, @Nullable Double longitude) {
        String[] zones = TimeZone.getAvailableIDs(
                        TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, country.toUpperCase(Locale.ROOT), null)
                .toArray(String[]::new);
        if (zones.length == 0) {
            return null;
        }
        if (zones.length == 1 || longitude == null) {
            return zones[0];
        }
        double wanted = longitude / 15.0 * 3_600_000;
        String best = zones[0];
        double bestDistance = Double.MAX_VALUE;
        for (String zone : zones) {
            double distance = Math.abs(TimeZone.getTimeZone(zone).getRawOffset() - wanted);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = zone;
            }
        }
        return best;
    }
}
