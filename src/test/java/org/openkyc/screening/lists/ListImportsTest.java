package org.openkyc.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.screening.matching.ListEntity;

/** Every format is told by its content, whatever the file is called. */
class ListImportsTest {

    static final Path SANCTIONS = Path.of("../shared/data/sanctions");

    @Test
    void everyPublisherFileIsRecognisedUnderAnyName(@TempDir Path dir) throws Exception {
        record Case(Path file, ListFormat format, int entities, String source) {}
        List<Case> cases = List.of(
                new Case(SANCTIONS.resolve("un_sc/UN_consolidated.xml"), ListFormat.UN_XML, 1003, "UN_SC"),
                new Case(
                        SANCTIONS.resolve("us_csl/consolidated_2025-02.csv.gz"),
                        ListFormat.US_CSL_CSV,
                        14048,
                        "US_CSL"),
                new Case(SANCTIONS.resolve("bis_dpl/dpl_2023-11.txt"), ListFormat.BIS_DPL, 665, "BIS_DPL"),
                new Case(
                        SANCTIONS.resolve("ofac_consolidated_nonsdn/CONS_ENHANCED.ZIP"),
                        ListFormat.OFAC_ENHANCED_XML,
                        443,
                        "OFAC_CONS"));
        for (Case c : cases) {
            Path renamed = dir.resolve("upload-" + c.format());
            Files.copy(c.file(), renamed);
            ImportedList read = ListImports.read(renamed, Limits.DEFAULT);
            assertThat(read.format()).as(c.file().toString()).isEqualTo(c.format());
            assertThat(read.entities()).as(c.file().toString()).hasSize(c.entities());
            assertThat(read.entities()).extracting(ListEntity::source).containsOnly(c.source());
            assertThat(read.skipped()).isZero();
        }
        assertThat(ListImports.read(SANCTIONS.resolve("un_sc/UN_consolidated.xml"), Limits.DEFAULT)
                        .published())
                .isEqualTo(Instant.parse("2026-02-27T00:00:09.554Z"));
        assertThat(ListImports.read(SANCTIONS.resolve("ofac_consolidated_nonsdn/CONS_ENHANCED.ZIP"), Limits.DEFAULT)
                        .published())
                .isEqualTo(Instant.parse("2025-01-10T00:00:00Z"));
        assertThat(ListImports.read(SANCTIONS.resolve("us_csl/consolidated_2025-02.csv.gz"), Limits.DEFAULT)
                        .published())
                .as("the CSL does not say when it was made")
                .isNull();
    }

    @Test
    void theEuAndUkFilesCarryTheirPublicationDates(@TempDir Path dir) throws Exception {
        Path eu = copy("/screening/eu-sample.xml", dir.resolve("a"));
        Path fcdo = copy("/screening/uk-fcdo-sample.xml", dir.resolve("b"));
        Path ofsi = copy("/screening/uk-sample.csv", dir.resolve("c"));
        assertThat(ListImports.read(eu, Limits.DEFAULT))
                .satisfies(l -> assertThat(l.format()).isEqualTo(ListFormat.EU_XML))
                .satisfies(l -> assertThat(l.published()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z")));
        assertThat(ListImports.read(fcdo, Limits.DEFAULT))
                .satisfies(l -> assertThat(l.format()).isEqualTo(ListFormat.UK_FCDO_XML))
                .satisfies(l -> assertThat(l.published()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z")));
        assertThat(ListImports.read(ofsi, Limits.DEFAULT))
                .satisfies(l -> assertThat(l.format()).isEqualTo(ListFormat.UK_OFSI_CSV))
                .satisfies(l -> assertThat(l.published()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z")));
    }

    @Test
    void anOfacCsvSetIsReadAsAFolderOrZippedAndItsPartsAloneAreNoList(@TempDir Path dir) throws Exception {
        ImportedList folder = ListImports.read(SANCTIONS.resolve("ofac_sdn_2021"), Limits.DEFAULT);
        assertThat(folder.format()).isEqualTo(ListFormat.OFAC_CSV);
        assertThat(folder.entities())
                .hasSize(8976)
                .extracting(ListEntity::source)
                .containsOnly("OFAC_SDN");

        Path zip = dir.resolve("sdn-set.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("sdn.csv", "alt.csv", "add.csv")) {
                out.putNextEntry(new ZipEntry("sdn/" + name));
                Files.copy(SANCTIONS.resolve("ofac_sdn_2021").resolve(name), out);
                out.closeEntry();
            }
        }
        ImportedList zipped = ListImports.read(zip, Limits.DEFAULT);
        assertThat(zipped.format()).isEqualTo(ListFormat.OFAC_CSV);
        assertThat(zipped.entities()).isEqualTo(folder.entities());

        assertThatThrownBy(() -> ListImports.read(SANCTIONS.resolve("ofac_sdn_2025_partial"), Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("not a list OpenKYC can read: ofac_sdn_2025_partial holds only parts of an"
                        + " OFAC CSV set (");
        assertThatThrownBy(() -> ListImports.read(SANCTIONS.resolve("ofac_sdn_2021/alt.csv"), Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("alt.csv is the aliases of an OFAC CSV set, not a list on its own: upload it with the"
                        + " set's main file, zipped");
        assertThatThrownBy(() -> ListImports.read(SANCTIONS, Limits.DEFAULT))
                .as("a folder of several lists is not one upload")
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("sanctions holds 6 lists (");
    }

    @Test
    void anOwnListIsTheOperatorsAndCarriesTheNameGiven(@TempDir Path dir) throws Exception {
        Path own = dir.resolve("watchlist.csv");
        Files.writeString(own, "id,name,countries\nw1,Maria Example,DE\n");
        ImportedList read = ListImports.read(own, Limits.DEFAULT);
        assertThat(read.format()).isEqualTo(ListFormat.OWN_LIST_CSV);
        assertThat(read.format().ownList()).isTrue();
        assertThat(ListFormat.US_CSL_CSV.ownList()).isFalse();
        assertThat(read.entities().getFirst().source()).isEqualTo("watchlist.csv");
        assertThat(ListImports.read(own, Limits.DEFAULT, "ACME_WATCHLIST", null)
                        .entities()
                        .getFirst()
                        .key())
                .isEqualTo("ACME_WATCHLIST:w1");
    }

    @Test
    void aByteOrderMarkIsDroppedAndLatin1CsvReadsAsWindows1252(@TempDir Path dir) throws Exception {
        Path bom = dir.resolve("bom.csv");
        Files.write(bom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "name\nZoë Example\n"));
        assertThat(ListImports.read(bom, Limits.DEFAULT).entities().getFirst().name())
                .isEqualTo("Zoë Example");
        Path latin1 = dir.resolve("sdn.csv");
        Files.write(
                latin1,
                ("4711,\"MUÑOZ GARCÍA, José\",\"individual\",\"SDNT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
                                + "\"DOB 02 Mar 1961; nationality Colombia.\"\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        ListEntity munoz = ListImports.read(latin1, Limits.DEFAULT).entities().getFirst();
        assertThat(munoz.name()).isEqualTo("MUÑOZ GARCÍA, José");
        assertThat(munoz.birthDates()).containsExactly("1961-03-02");
        assertThat(munoz.countries()).containsExactly("CO");
    }

    static Path copy(String resource, Path target) throws Exception {
        try (InputStream in = ListImportsTest.class.getResourceAsStream(resource);
                OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        return target;
    }

    static byte[] concat(byte[] head, String text) {
        byte[] tail = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
