package org.openkyc.screening;

import java.util.Collection;
import org.openkyc.screening.matching.ListEntity;

/** What a list is for, as coverage counts it. */
public enum ListKind {
    /** Sanctions lists of governments and the UN: every screening needs one. */
    SANCTIONS,
    /** Politically exposed persons, their relatives and close associates. */
    PEP,
    /** Other watchlists: export denials, adverse media. */
    WATCHLIST,
    /** A company's own list, imported in OpenKYC's CSV. */
    OWN;

    /** The kind of a list from what its entities are, most of them deciding. */
    static ListKind of(Collection<ListEntity> entities) {
        long pep = entities.stream()
                .filter(e -> e.listType() == ListEntity.ListType.PEP)
                .count();
        long sanctions = entities.stream()
                .filter(e -> e.listType() == ListEntity.ListType.SANCTION)
                .count();
        if (pep == 0 && sanctions == 0) {
            return WATCHLIST;
        }
        return pep > sanctions ? PEP : SANCTIONS;
    }
}
