package org.openkyc.screening.matching;

import java.time.LocalDate;
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
 * @param positions a politically exposed person's offices, newest first; empty for other entities
 * @param relations relatives and close associates the source names (for a PEP), or the PEP a relative or associate
 *     is listed for
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
        List<String> cryptoAddresses,
        List<Position> positions,
        List<Relation> relations) {

    public ListEntity {
        // versions stored before positions and relations existed have neither
        positions = positions == null ? List.of() : List.copyOf(positions);
        relations = relations == null ? List.of() : List.copyOf(relations);
    }

    /** An entity of a list without political positions: sanctions, watchlists, a company's own list. */
    public ListEntity(
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
        this(
                id,
                source,
                listType,
                schema,
                names,
                programmes,
                birthDates,
                countries,
                gender,
                identifiers,
                cryptoAddresses,
                List.of(),
                List.of());
    }

    /** What kind of list an entity is on. */
    public enum ListType {
        SANCTION,
        PEP,
        WATCHLIST,
        ADVERSE_MEDIA
    }

    /** The classes of public function that make a person politically exposed (FATF Recommendation 12). */
    public enum PepClass {
        HEAD_OF_STATE_OR_GOVERNMENT,
        MINISTER,
        LEGISLATOR,
        SENIOR_OFFICIAL,
        JUDGE,
        MILITARY,
        STATE_OWNED_COMPANY,
        INTERNATIONAL_ORGANISATION,
        /** A relative or close associate of a PEP, exposed through them. */
        RELATIVE_OR_ASSOCIATE,
        OTHER
    }

    /**
     * A public office held.
     *
     * @param title the position as the source names it, such as "United States Senator for Washington"
     * @param country ISO alpha-2 code of the country the office is of, when it is of one
     * @param start the first day in office, when known
     * @param end the last day in office; null while the office is held (or when the source does not say)
     */
    public record Position(
            String title,
            @Nullable String country,
            PepClass pepClass,
            @Nullable LocalDate start,
            @Nullable LocalDate end) {

        /** Whether the office is still held on {@code day}. */
        public boolean heldOn(LocalDate day) {
            return end == null || !end.isBefore(day);
        }
    }

    /**
     * A tie between two listed people.
     *
     * @param relationship as the source says it: spouse, child, associate…
     * @param entityId the other person's id in the same source, when they are listed too
     */
    public record Relation(
            String relationship, String name, @Nullable String entityId) {}

    /** The same entity filed under another source. */
    public ListEntity withSource(String other) {
        return other.equals(source)
                ? this
                : new ListEntity(
                        id,
                        other,
                        listType,
                        schema,
                        names,
                        programmes,
                        birthDates,
                        countries,
                        gender,
                        identifiers,
                        cryptoAddresses,
                        positions,
                        relations);
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

    /**
     * The day the entity's last office ended, or null when an office is still held (or none is known): a former PEP
     * stays exposed for a while after it.
     */
    public @Nullable LocalDate leftOffice() {
        if (positions.isEmpty() || positions.stream().anyMatch(p -> p.end() == null)) {
            return null;
        }
        return positions.stream().map(Position::end).max(LocalDate::compareTo).orElse(null);
    }
}
