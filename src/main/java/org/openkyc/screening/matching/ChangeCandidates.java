package org.openkyc.screening.matching;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which watched subjects a list change may concern. The subjects are indexed like listed entities; each changed
 * entity's names are searched in that index with a loose rate and every candidate key (a deep search: a subject with
 * one name word and an initial shares only one word with a listed name), and its identifiers exactly. The candidates
 * are then screened as usual, which decides; this only saves screening everybody.
 */
public final class ChangeCandidates {

    /** Low enough that a subject the usual screening would match at 80 is among the candidates. */
    public static final int CANDIDATE_RATE = 60;

    private ChangeCandidates() {}

    /** The ids of the subjects in {@code subjects} that the changed entities may match. */
    public static Set<String> of(ScreeningIndex subjects, Collection<ListEntity> changed) {
        Set<String> candidates = new LinkedHashSet<>();
        for (ListEntity entity : changed) {
            for (String name : entity.names()) {
                subjects.search(new ScreeningIndex.Query(
                                name,
                                entity.schema(),
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                null,
                                CANDIDATE_RATE,
                                Integer.MAX_VALUE,
                                true))
                        .forEach(hit -> candidates.add(hit.entity().id()));
            }
            for (String id : entity.identifiers()) {
                subjects.search(new ScreeningIndex.Query(
                                "",
                                entity.schema(),
                                null,
                                null,
                                null,
                                List.of(),
                                null,
                                null,
                                id,
                                100,
                                Integer.MAX_VALUE,
                                false))
                        .forEach(hit -> candidates.add(hit.entity().id()));
            }
        }
        return candidates;
    }
}
