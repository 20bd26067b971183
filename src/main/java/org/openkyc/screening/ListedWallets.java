package org.openkyc.screening;

import java.util.List;
import java.util.Optional;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.ScreeningIndex;
import org.springframework.stereotype.Component;

/**
 * Addresses the loaded lists name (OFAC publishes sanctioned digital-currency addresses): such an address scores 0. An
 * address the lists do not name gets no score from here: absence from a sanctions list is no evidence of low risk.
 */
@Component
class ListedWallets implements WalletRiskProvider {

    private final ScreeningLists lists;

    ListedWallets(ScreeningLists lists) {
        this.lists = lists;
    }

    @Override
    public Optional<Assessment> assess(String network, String address) {
        List<ScreeningIndex.Hit> hits = lists.index()
                .search(new ScreeningIndex.Query(
                        "",
                        NameNormaliser.Schema.ANY,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        address,
                        100,
                        10,
                        false));
        if (hits.isEmpty()) {
            return Optional.empty();
        }
        ScreeningIndex.Hit hit = hits.getFirst();
        return Optional.of(new Assessment(
                0,
                hit.entity().source(),
                "listed by " + hit.entity().source() + " for " + hit.entity().name() + " ("
                        + String.join(", ", hit.entity().programmes()) + ")"));
    }
}
