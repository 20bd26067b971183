package org.openkyc.screening.matching;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A listed party as screening sees it.
 *
 * @param id stable within its source (the publisher's identifier)
 * @param source the list it comes from, such as {@code UN_SC} or {@code OFAC_SDN}
 * @param names the primary name first, then aliases
 * @param birthDates as published: {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}
 * @param countries ISO 3166 alpha-2 codes of nationality, citizenship or registration
 * @param identifiers document and registration numbers
 */
public record ListEntity(
        String id,
        String source,
        ListType listType,
        NameNormaliser.Schema schema,
        List<String> names,
        List<String> programmes,
        List<String> birthDates,
        List<String> countries,
        @Nullable String gender,
        List<String> identifiers,
        List<String> cryptoAddresses) {

    /** What kind of list an entity is on. */
    public enum ListType {
        SANCTION,
        PEP,
        WATCHLIST,
        ADVERSE_MEDIA
    }

    /** The entity's key across lists, {@code SOURCE:id}. */
    public String key() {
        return source + ":" + id;
    }

    public String name() {
        return names.getFirst();
    }

    /** The years of birth published, from full dates, years and year ranges alike. */
    public List<Integer> birthYears() {
        return birthDates.stream()
                .filter(d -> d.length() >= 4 && d.substring(0, 4).chars().allMatch(Character::isDigit))
                .map(d -> Integer.parseInt(d.substring(0, 4)))
                .distinct()
                .toList();
    }
}
