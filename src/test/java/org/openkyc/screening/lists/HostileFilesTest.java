package org.openkyc.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile uploads end in a refusal that says which file and where, never in a partial list. */
class HostileFilesTest {

    static final Path SANCTIONS = Path.of("../shared/data/sanctions");
    static final Limits SMALL = new Limits(1 << 20, 4 << 20, 10, 100_000);

    @TempDir
    Path dir;

    @Test
    void emptyUnknownAndOversizedFilesAreRefused() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.xml"));
        assertThatThrownBy(() -> ListImports.read(empty, SMALL)).hasMessage("empty.xml is empty");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "Dear compliance team,\nplease find attached\n");
        assertThatThrownBy(() -> ListImports.read(notes, SMALL))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("not a list OpenKYC can read: notes.txt is a text file whose first line is no list's"
                        + " header");
        Path pdf = Files.write(dir.resolve("list.pdf"), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3});
        assertThatThrownBy(() -> ListImports.read(pdf, SMALL))
                .hasMessage("not a list OpenKYC can read: list.pdf is binary data");
        Path other = Files.writeString(dir.resolve("feed.xml"), "<rss><channel/></rss>");
        assertThatThrownBy(() -> ListImports.read(other, SMALL))
                .hasMessage("not a list OpenKYC can read: feed.xml is an XML file with root element rss");
        assertThatThrownBy(() -> ListImports.read(
                        SANCTIONS.resolve("us_csl/consolidated_2025-02.csv.gz"), new Limits(1000, 1000, 1, 1)))
                .isInstanceOf(ListFormatException.class)
                .hasMessageMatching("consolidated_2025-02.csv.gz is \\d+ bytes, more than the limit of 1000");
        assertThatThrownBy(() -> ListImports.read(
                        SANCTIONS.resolve("bis_dpl/dpl_2023-11.txt"), new Limits(1 << 20, 1 << 20, 1, 100)))
                .hasMessage("dpl_2023-11.txt holds 665 entities, more than the limit of 100");
    }

    @Test
    void truncatedFilesAreRefusedWithWhereTheyEnd() throws Exception {
        byte[] un = Files.readAllBytes(SANCTIONS.resolve("un_sc/UN_consolidated.xml"));
        Path cutXml = Files.write(dir.resolve("un.xml"), Arrays.copyOf(un, un.length / 2));
        assertThatThrownBy(() -> ListImports.read(cutXml, SMALL))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("un.xml: The UN list is not well-formed XML: line ");
        byte[] gz = Files.readAllBytes(SANCTIONS.resolve("us_csl/consolidated_2025-02.csv.gz"));
        Path cutGz = Files.write(dir.resolve("csl.csv.gz"), Arrays.copyOf(gz, gz.length - 100));
        assertThatThrownBy(() -> ListImports.read(cutGz, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("csl.csv.gz: the compressed data is cut off or corrupt");
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityCanExpandOrBeFetched() throws Exception {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"");
            laughs.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        laughs.append("]>\n<CONSOLIDATED_LIST>&lol9;</CONSOLIDATED_LIST>\n");
        Path bomb = Files.writeString(dir.resolve("un.xml"), laughs);
        assertThatThrownBy(() -> ListImports.read(bomb, SMALL))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("un.xml declares a document type (DOCTYPE)");
        Path xxe = Files.writeString(dir.resolve("eu.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE export [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <export><sanctionEntity logicalId="1"><nameAlias wholeName="&secret;"/></sanctionEntity></export>
                """);
        assertThatThrownBy(() -> ListImports.read(xxe, SMALL))
                .hasMessageStartingWith("eu.xml declares a document type");
    }

    @Test
    void aSmallArchiveThatInflatesPastTheLimitIsRefused() throws Exception {
        Path gz = dir.resolve("bomb.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("name\n".getBytes(StandardCharsets.UTF_8));
            byte[] row = "Maria Example\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 1000; i++) {
                out.write(row);
            }
        }
        assertThat(Files.size(gz)).isLessThan(SMALL.maxFileBytes());
        assertThatThrownBy(() -> ListImports.read(gz, SMALL))
                .isInstanceOf(ListFormatException.class)
                .hasMessage(
                        "bomb.csv.gz inflates to more than 4194304 bytes, the limit: refused as a possible zip bomb");

        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("list.csv"));
            out.write("name\n".getBytes(StandardCharsets.UTF_8));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 16; i++) {
                out.write(zeros);
            }
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isLessThan(100_000);
        assertThatThrownBy(() -> ListImports.read(zip, SMALL))
                .hasMessage("bomb.zip inflates to more than 4194304 bytes, the limit: refused as a possible zip bomb");

        Path many = dir.resolve("many.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(many))) {
            for (int i = 0; i < 11; i++) {
                out.putNextEntry(new ZipEntry("f" + i + ".csv"));
                out.write("name\nX\n".getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThatThrownBy(() -> ListImports.read(many, SMALL))
                .hasMessage("many.zip holds more than 10 entries, the limit");
    }

    @Test
    void aZipEntryNamedOutsideItsFolderRefusesTheArchive() throws Exception {
        for (String name : new String[] {"../x.csv", "a/../../x.csv", "/etc/cron.d/x", "..\\x.csv"}) {
            Path zip = dir.resolve("traversal.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry(name));
                out.write("name\nX\n".getBytes(StandardCharsets.UTF_8));
            }
            assertThatThrownBy(() -> ListImports.read(zip, SMALL))
                    .as(name)
                    .isInstanceOf(ListFormatException.class)
                    .hasMessage("traversal.zip holds an entry named " + name
                            + ", which would be written outside the archive's folder: refused");
            assertThat(dir.resolve("x.csv")).doesNotExist();
            assertThat(dir.getParent().resolve("x.csv")).doesNotExist();
        }
    }

    @Test
    void textThatIsNotValidInItsEncodingIsRefusedWithTheByteOffset() throws Exception {
        Path json = Files.write(
                dir.resolve("ftm.json"),
                ListImportsTest.concat(
                        new byte[0],
                        "{\"id\":\"a\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"],\"topics\":[\"sanction\"]}}\n"
                                + "{\"id\":\"b\",\"schema\":\"Person\",\"properties\":{\"name\":[\"B"));
        Files.write(json, new byte[] {(byte) 0xE9, '"', ']', '}', '}', '\n'}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ListImports.read(json, SMALL))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("ftm.json line 2 (byte offset 131) is not valid UTF-8");
        Path yaml = Files.write(
                dir.resolve("congress.yaml"),
                ListImportsTest.concat(new byte[0], "- id:\n    bioguide: X1\n  name:\n    last: Mu"));
        Files.write(
                yaml,
                new byte[] {(byte) 0xF1, 'o', 'z', '\n', ' ', ' ', 't', 'e', 'r', 'm', 's', ':', '\n'},
                java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ListImports.read(yaml, SMALL))
                .hasMessage("congress.yaml line 4 (byte offset 43) is not valid UTF-8");
        Path xml = Files.write(
                dir.resolve("un.xml"),
                ListImportsTest.concat(
                        new byte[0],
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CONSOLIDATED_LIST>\n<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>Mu"));
        Files.write(xml, new byte[] {(byte) 0xF1, 'o', 'z', '<', '/'}, java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> ListImports.read(xml, SMALL))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("un.xml: The UN list is not well-formed XML: line 3, column ");
    }
}
