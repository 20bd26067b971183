package org.openkyc.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

/**
 * OFAC's enhanced XML on the real consolidated non-SDN file (the ZIP in the test data), checked against the CSV set of
 * the same list; the FCDO's UK Sanctions List XML on a made-up file in its layout.
 */
class OfacXmlAndFcdoListsTest {

    private static final Path CONS = Path.of("../shared/data/sanctions/ofac_consolidated_nonsdn");

    @Test
    void theEnhancedXmlHoldsTheSameEntitiesAsTheCsvSet() throws Exception {
        List<ListEntity> xml;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(CONS.resolve("CONS_ENHANCED.ZIP")))) {
            zip.getNextEntry();
            xml = OfacEnhancedXml.read(zip);
        }
        List<ListEntity> csv =
                OfacCsvList.read(CONS, "cons", "OFAC_CONS", Limits.DEFAULT).entities();
        assertThat(csv).hasSize(442);
        assertThat(xml)
                .as("the XML was exported a little later: one entity more, every CSV entity under the same id")
                .hasSize(443)
                .extracting(ListEntity::id)
                .containsAll(csv.stream().map(ListEntity::id).toList());
        assertThat(xml).extracting(ListEntity::source).containsOnly("OFAC_CONS");
        ListEntity haniya =
                xml.stream().filter(e -> e.id().equals("9639")).findFirst().orElseThrow();
        assertThat(haniya.source()).isEqualTo("OFAC_CONS");
        assertThat(haniya.schema()).isEqualTo(NameNormaliser.Schema.PERSON);
        assertThat(haniya.names()).startsWith("HANIYA, Ismail Abdul Salah").contains("HANIYYA, Ismaeel");
        assertThat(haniya.programmes()).containsExactly("NS-PLC");
        assertThat(haniya.birthDates()).containsExactly("1962");
        assertThat(xml.stream().filter(e -> e.schema() == NameNormaliser.Schema.ORGANISATION))
                .isNotEmpty()
                .anySatisfy(e -> assertThat(e.identifiers()).isNotEmpty());
    }

    @Test
    void aBrokenEnhancedXmlIsRefusedClearly() {
        assertThatThrownBy(() -> OfacEnhancedXml.read(stream("<sdnList/>")))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("Not OFAC's enhanced XML: the root element is sdnList");
        assertThatThrownBy(() -> OfacEnhancedXml.read(stream("<sanctionsData><entities><entity id=\"1\">")))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("The OFAC enhanced XML is not well-formed");
        assertThatThrownBy(() -> OfacEnhancedXml.read(stream(
                        "<sanctionsData><entities><entity id=\"7\"><names/></entity></entities></sanctionsData>")))
                .hasMessage("OFAC enhanced XML entity 7 has no id or no name");
        assertThatThrownBy(() -> OfacEnhancedXml.read(stream("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                        + "<sanctionsData>&e;</sanctionsData>")))
                .as("no document types, so no external entities")
                .isInstanceOf(ListFormatException.class);
    }

    @Test
    void readsTheUkSanctionsListXml() throws Exception {
        List<ListEntity> uk;
        try (InputStream in = getClass().getResourceAsStream("/screening/uk-fcdo-sample.xml")) {
            uk = UkSanctionsListXml.read(in);
        }
        assertThat(uk).hasSize(2);
        ListEntity petr = uk.getFirst();
        assertThat(petr.id()).isEqualTo("TST0042");
        assertThat(petr.source()).isEqualTo("UK_FCDO");
        assertThat(petr.names()).containsExactly("Petr SAMPLEMAN", "Pyotr Ilyich SAMPLEMAN", "Пётр Сэмплман");
        assertThat(petr.birthDates()).containsExactly("1961-04-03", "1962");
        assertThat(petr.countries()).containsExactly("RU");
        assertThat(petr.identifiers()).containsExactly("712345678");
        assertThat(petr.programmes()).containsExactly("The Example (Sanctions) Regulations 2026");
        assertThat(uk.get(1).schema()).isEqualTo(NameNormaliser.Schema.VESSEL);
        assertThat(uk.get(1).identifiers()).containsExactly("9999999");
        assertThatThrownBy(() -> UkSanctionsListXml.read(
                        stream("<Designations><Designation><UniqueID>X1</UniqueID></Designation></Designations>")))
                .hasMessage("UK designation X1 has no name");
        assertThatThrownBy(() -> UkSanctionsListXml.read(stream("<Designations><Designation>")))
                .isInstanceOf(ListFormatException.class);
    }

    @Test
    void aFolderFindsBothFormatsAndPrefersTheCsvSetWhenBothArePresent(@TempDir Path folder) throws Exception {
        Path uk = folder.resolve("uk");
        Files.createDirectories(uk);
        try (InputStream in = getClass().getResourceAsStream("/screening/uk-fcdo-sample.xml")) {
            Files.copy(in, uk.resolve("UK-Sanctions-List.xml"));
        }
        Path ofac = folder.resolve("ofac");
        Files.createDirectories(ofac);
        Files.copy(CONS.resolve("CONS_ENHANCED.ZIP"), ofac.resolve("CONS_ENHANCED.ZIP"));
        assertThat(ListFiles.read(folder).entities())
                .extracting(ListEntity::source)
                .containsOnly("UK_FCDO", "OFAC_CONS")
                .hasSize(2 + 443);
        assertThat(ListFiles.read(CONS).entities())
                .as("the CSV set and the ZIP are one list: read once, from the CSV set")
                .hasSize(442);
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
