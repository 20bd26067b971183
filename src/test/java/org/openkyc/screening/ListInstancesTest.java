package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openkyc.screening.matching.NameNormaliser;
import org.openkyc.screening.matching.ScreeningIndex;
import org.openkyc.support.IntegrationTest;
import org.openkyc.support.SecondInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances on one database: a list imported through one is screened by the other within seconds, without a
 * restart.
 */
class ListInstancesTest extends IntegrationTest {

    @Autowired
    HikariDataSource dataSource;

    @Autowired
    ScreeningListImports imports;

    @Test
    void aListImportedThroughOneInstanceFindsAListedPersonOnTheOther() {
        try (ConfigurableApplicationContext second =
                SecondInstance.start(dataSource, "--openkyc.screening.lists=target/no-lists")) {
            ScreeningLists other = second.getBean(ScreeningLists.class);
            String name = "Quillon Marrowbeck-Tessaly";
            ScreeningIndex.Query query = ScreeningIndex.Query.name(name, NameNormaliser.Schema.PERSON);
            assertThat(other.index().search(query)).isEmpty();

            String source = "own-" + UUID.randomUUID().toString().substring(0, 8);
            String csv = "id,name,type,list_type,countries\nq-1," + name + ",person,WATCHLIST,GB\n";
            imports.importFile("watchlist.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), source);

            long started = System.nanoTime();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> !other.index().search(query).isEmpty());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(other.coverage().lists()).anyMatch(l -> l.source().equals(source) && l.kind() == ListKind.OWN);
        }
    }
}
