package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Coverage decides whether a screening may run: a kind needs a list, and no list of it may be older than the limit. */
class ListCoverageTest {

    private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    @Test
    void nothingLoadedCoversNothing() {
        Coverage none = new Coverage(List.of(), NOW, WEEK);
        assertThat(none.gaps(Set.of(ListKind.SANCTIONS))).containsExactly("no sanctions list is loaded");
        assertThat(none.gaps(ApplicantScreening.kinds(true)))
                .containsExactly("no sanctions list is loaded", "no PEP list is loaded");
    }

    @Test
    void aSanctionsListCoversSanctionsOnlyScreening() {
        Coverage coverage = new Coverage(List.of(list("un-sc", ListKind.SANCTIONS, 1)), NOW, WEEK);
        assertThat(coverage.covers(ApplicantScreening.kinds(false))).isTrue();
        assertThat(coverage.gaps(ApplicantScreening.kinds(true))).containsExactly("no PEP list is loaded");
    }

    @Test
    void aListOlderThanTheLimitDoesNotCountAndSaysHowOldItIs() {
        Coverage coverage = new Coverage(
                List.of(list("un-sc", ListKind.SANCTIONS, 1), list("ofac-sdn", ListKind.SANCTIONS, 9)), NOW, WEEK);
        assertThat(coverage.gaps(Set.of(ListKind.SANCTIONS)))
                .singleElement()
                .asString()
                .startsWith("ofac-sdn is 9 days old")
                .contains("older than 7 days do not count");
        assertThat(coverage.stale(coverage.lists().get(0))).isFalse();
    }

    @Test
    void anOwnListOrWatchlistNeitherCoversNorBlocks() {
        Coverage coverage =
                new Coverage(List.of(list("un-sc", ListKind.SANCTIONS, 0), list("mine", ListKind.OWN, 400)), NOW, WEEK);
        assertThat(coverage.covers(Set.of(ListKind.SANCTIONS))).isTrue();
        assertThat(new Coverage(List.of(list("mine", ListKind.OWN, 0)), NOW, WEEK).covers(Set.of(ListKind.SANCTIONS)))
                .isFalse();
    }

    private static ListVersion list(String source, ListKind kind, int daysOld) {
        Instant confirmed = NOW.minus(Duration.ofDays(daysOld));
        return new ListVersion(source, kind, 1, "import", null, confirmed, confirmed, 100);
    }
}
