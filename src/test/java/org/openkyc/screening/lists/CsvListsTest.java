package org.openkyc.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

class CsvListsTest {

    static final Path SANCTIONS = Path.of("../shared/data/sanctions");

    @Test
    void readsTheConsolidatedScreeningListGzipped() throws Exception {
        List<ListEntity> csl = CsvLists.consolidatedScreeningList(
                        SANCTIONS.resolve("us_csl/consolidated_2025-02.csv.gz"), Limits.DEFAULT)
                .entities();
        assertThat(csl)
                .as("14,160 rows; a party on several of the combined lists has a row on each, under one id")
                .hasSize(14048)
                .extracting(ListEntity::key)
                .doesNotHaveDuplicates();
        assertThat(csl.stream().filter(e -> e.id().equals("34616")))
                .singleElement()
                .satisfies(e -> assertThat(e.programmes())
                        .containsExactlyInAnyOrder(
                                "Capta List (CAP) - Treasury Department",
                                "Specially Designated Nationals (SDN) - Treasury Department"));
        ListEntity abbas =
                csl.stream().filter(e -> e.id().equals("22262")).findFirst().orElseThrow();
        assertThat(abbas.names()).containsExactly("ABBAS, Muhammad", "ABBAS, Mohammad Hassan", "ABBAS, Mohammad Hasan");
        assertThat(abbas.schema()).isEqualTo(NameNormaliser.Schema.PERSON);
        assertThat(abbas.birthDates()).containsExactly("1964-09-01");
        assertThat(abbas.gender()).isEqualTo("male");
        assertThat(abbas.programmes()).containsExactly("Specially Designated Nationals (SDN) - Treasury Department");
        assertThat(csl.stream().filter(e -> e.identifiers().contains("BC166787")))
                .hasSize(1);
    }

    @Test
    void readsTheDeniedPersonsList() throws Exception {
        List<ListEntity> dpl = CsvLists.deniedPersons(SANCTIONS.resolve("bis_dpl/dpl_2023-11.txt"), Limits.DEFAULT)
                .entities();
        assertThat(dpl).hasSizeGreaterThan(600);
        assertThat(dpl.getFirst().name()).isEqualTo("I. ASH");
        assertThat(dpl.getFirst().countries()).containsExactly("US");
    }

    @Test
    void readsACompanysOwnListAndSaysWhatIsWrongWithABadOne(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("pep.csv");
        Files.writeString(good, """
                id,name,aliases,type,list_type,birth_dates,countries,identifiers
                p1,Maria Example,Mary Example;M. Example,person,PEP,1961-04-02,Germany;AT,X1234567
                o1,Example Holdings Ltd,,organisation,,,GB,
                """);
        List<ListEntity> list = CsvLists.generic(good, "OWN", Limits.DEFAULT).entities();
        assertThat(list).hasSize(2);
        assertThat(list.getFirst().listType()).isEqualTo(ListEntity.ListType.PEP);
        assertThat(list.getFirst().countries()).containsExactly("DE", "AT");
        assertThat(list.get(1).listType()).isEqualTo(ListEntity.ListType.WATCHLIST);
        assertThat(list.get(1).schema()).isEqualTo(NameNormaliser.Schema.ORGANISATION);

        Path badCountry = dir.resolve("bad.csv");
        Files.writeString(badCountry, "name,countries\nMaria Example,Atlantis\n");
        assertThatThrownBy(() -> CsvLists.generic(badCountry, "OWN", Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("bad.csv line 2: Atlantis is not a country");
        Path noName = dir.resolve("noname.csv");
        Files.writeString(noName, "id,alias\n1,x\n");
        assertThatThrownBy(() -> CsvLists.generic(noName, "OWN", Limits.DEFAULT))
                .hasMessage("noname.csv has no column name");
        Path badType = dir.resolve("type.csv");
        Files.writeString(badType, "name,list_type\nMaria Example,FRIENDS\n");
        assertThatThrownBy(() -> CsvLists.generic(badType, "OWN", Limits.DEFAULT))
                .hasMessage("type.csv line 2: list_type must be SANCTION, PEP, WATCHLIST or ADVERSE_MEDIA");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, "name,countries\n\"Maria Example,DE\n");
        assertThatThrownBy(() -> CsvLists.generic(broken, "OWN", Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("broken.csv line 2: a quoted value is not closed before the end of the file (cut off?)");
        Path short_ = dir.resolve("short.csv");
        Files.writeString(short_, "name,countries\nMaria Example,DE\nJohn Example\nJane Example,FR\n");
        assertThatThrownBy(() -> CsvLists.generic(short_, "OWN", Limits.DEFAULT))
                .as("an operator's own list must be exact: one bad row refuses it")
                .hasMessage("short.csv line 3: has 1 values, not 2");
    }
}
