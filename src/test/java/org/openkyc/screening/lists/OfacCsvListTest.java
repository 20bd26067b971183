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

class OfacCsvListTest {

    static final Path SANCTIONS = Path.of("../shared/data/sanctions");

    @Test
    void readsTheSdnCsvSetWithWhatTheRemarksSay() throws Exception {
        ImportedList read = OfacCsvList.read(SANCTIONS.resolve("ofac_sdn_2021"), "sdn", "OFAC_SDN", Limits.DEFAULT);
        assertThat(read.skipped()).isZero();
        List<ListEntity> sdn = read.entities();
        assertThat(sdn)
                .as("every record; the last line holds only an end-of-file mark")
                .hasSize(8976);
        ListEntity yan =
                sdn.stream().filter(e -> e.id().equals("25308")).findFirst().orElseThrow();
        assertThat(yan.name()).isEqualTo("YAN, Xiaobing");
        assertThat(yan.schema()).isEqualTo(NameNormaliser.Schema.PERSON);
        assertThat(yan.programmes()).containsExactly("SDNTK");
        assertThat(yan.birthDates()).containsExactly("1977-03-25");
        assertThat(yan.countries()).contains("CN");
        assertThat(yan.gender()).isEqualTo("male");
        assertThat(yan.cryptoAddresses()).contains("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h");
        ListEntity bank =
                sdn.stream().filter(e -> e.id().equals("306")).findFirst().orElseThrow();
        assertThat(bank.names()).contains("BANCO NACIONAL DE CUBA", "NATIONAL BANK OF CUBA");
        assertThat(bank.countries()).contains("CH");
    }

    @Test
    void readsTheConsolidatedNonSdnList() throws Exception {
        List<ListEntity> cons = OfacCsvList.read(
                        SANCTIONS.resolve("ofac_consolidated_nonsdn"), "cons", "OFAC_CONS", Limits.DEFAULT)
                .entities();
        assertThat(cons).hasSize(442);
        ListEntity haniya =
                cons.stream().filter(e -> e.id().equals("9639")).findFirst().orElseThrow();
        assertThat(haniya.birthYears()).containsExactly(1962);
    }

    @Test
    void aMalformedFileSaysWhereAndWhy(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sdn.csv"), "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\"\nnot,a,record\n");
        assertThatThrownBy(() -> OfacCsvList.read(dir, "sdn", "OFAC_SDN", Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .as("every row is malformed: far more than a slip")
                .hasMessageStartingWith("sdn.csv: 2 of 2 rows are malformed, too many to be a slip")
                .hasMessageEndingWith("First: sdn.csv line 1: has 4 values, not 12");
        assertThatThrownBy(() -> OfacCsvList.read(dir.resolve("none"), "sdn", "OFAC_SDN", Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("No sdn.csv or sdn_prim.csv");
    }

    @Test
    void datesAsOfacWritesThem() {
        assertThat(OfacCsvList.dates("25 Mar 1977")).containsExactly("1977-03-25");
        assertThat(OfacCsvList.dates("Mar 1977")).containsExactly("1977-03");
        assertThat(OfacCsvList.dates("circa 1960")).containsExactly("1960");
        assertThat(OfacCsvList.dates("1962 to 1964")).containsExactly("1962", "1963", "1964");
    }
}
