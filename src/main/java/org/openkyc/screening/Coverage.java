package org.openkyc.screening;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which lists screening holds at a moment, and whether they cover what a screening needs. A kind is covered when at
 * least one list of it is loaded and no list of it is older than the maximum age: a screening against a stale list
 * would say "no match" about a list that may have grown, so it does not count as one.
 *
 * @param lists the current version of every list
 * @param at the moment the coverage is judged at
 * @param maxAge how long a list counts as current after it was last confirmed
 */
public record Coverage(List<ListVersion> lists, Instant at, Duration maxAge) {

    public Coverage {
        lists = List.copyOf(lists);
    }

    /** What is missing or stale for a screening that needs {@code required}; empty when it may run. */
    public List<String> gaps(Set<ListKind> required) {
        List<String> gaps = new ArrayList<>();
        for (ListKind kind : EnumSet.copyOf(required.isEmpty() ? Set.of(ListKind.SANCTIONS) : required)) {
            List<ListVersion> ofKind =
                    lists.stream().filter(l -> l.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                gaps.add("no " + name(kind) + " list is loaded");
                continue;
            }
            for (ListVersion list : ofKind) {
                if (stale(list)) {
                    gaps.add(list.source() + " is " + list.age(at).toDays() + " days old (last confirmed "
                            + list.confirmedAt().toString().substring(0, 10) + "; lists older than "
                            + maxAge.toDays() + " days do not count)");
                }
            }
        }
        return List.copyOf(gaps);
    }

    /** Whether a screening needing {@code required} may run. */
    public boolean covers(Set<ListKind> required) {
        return gaps(required).isEmpty();
    }

    /** Whether the list is older than the maximum age. */
    public boolean stale(ListVersion list) {
        return list.age(at).compareTo(maxAge) > 0;
    }

    /** The lists of the kinds a screening needed, as its record keeps them. */
    public List<ListVersion> used(Set<ListKind> required) {
        return lists.stream()
                .filter(l -> required.contains(l.kind()) || l.kind() == ListKind.WATCHLIST || l.kind() == ListKind.OWN)
                .toList();
    }

    private static String name(ListKind kind) {
        return switch (kind) {
            case SANCTIONS -> "sanctions";
            case PEP -> "PEP";
            case WATCHLIST -> "watchlist";
            case OWN -> "own";
        };
    }
}
