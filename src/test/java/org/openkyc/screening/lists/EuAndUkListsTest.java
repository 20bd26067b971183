package org.openkyc.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.screening.matching.ListEntity;
import org.openkyc.screening.matching.NameNormaliser;

/** The EU and UK readers on made-up files in the publishers' layouts (the test data has no EU or UK list). */
class EuAndUkListsTest {

    @Test
    void readsTheEuFinancialSanctionsFile() throws Exception {
        List<ListEntity> eu;
        try (InputStream in = getClass().getResourceAsStream("/screening/eu-sample.xml")) {
            eu = EuSanctionsList.read(in);
        }
        assertThat(eu).hasSize(2);
        ListEntity ivan = eu.getFirst();
        assertThat(ivan.id()).isEqualTo("EU.9001.01");
        assertThat(ivan.names()).containsExactly("Ivan Petrovich Sample", "Иван Петрович Сэмпл");
        assertThat(ivan.schema()).isEqualTo(NameNormaliser.Schema.PERSON);
        assertThat(ivan.birthDates()).containsExactly("1965-07-14");
        assertThat(ivan.countries()).containsExactly("RU");
        assertThat(ivan.gender()).isEqualTo("male");
        assertThat(ivan.identifiers()).containsExactly("7512345678");
        assertThat(eu.get(1).schema()).isEqualTo(NameNormaliser.Schema.ORGANISATION);
        assertThatThrownBy(() ->
                        EuSanctionsList.read(stream("<export xmlns=\"x\"><sanctionEntity logicalId=\"1\"/></export>")))
                .hasMessage("EU sanctionEntity 1 has no name");
        assertThatThrownBy(() -> EuSanctionsList.read(stream("<export>"))).isInstanceOf(ListFormatException.class);
    }

    @Test
    void readsTheUkConsolidatedListGroupingRowsByTarget(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ConList.csv");
        try (InputStream in = getClass().getResourceAsStream("/screening/uk-sample.csv")) {
            Files.copy(in, file);
        }
        List<ListEntity> uk = UkSanctionsList.read(file);
        assertThat(uk).hasSize(2);
        ListEntity ivan = uk.getFirst();
        assertThat(ivan.names()).containsExactly("Ivan Petrovich SAMPLE", "Иван Сэмпл", "Ivan SAMPL");
        assertThat(ivan.birthDates()).containsExactly("1965-07-14", "1965");
        assertThat(ivan.countries()).containsExactly("RU");
        assertThat(ivan.identifiers()).containsExactly("7512345678");
        assertThat(uk.get(1).schema()).isEqualTo(NameNormaliser.Schema.ORGANISATION);

        Path broken = dir.resolve("other.csv");
        Files.writeString(broken, "Last Updated,15/01/2026\nName 6,Name 1,Group ID\nSAMPLE,Ivan,\n");
        assertThatThrownBy(() -> UkSanctionsList.read(broken)).hasMessage("other.csv line 3 has no Group ID");
    }

    @Test
    void aFolderWithEuAndUkFilesIsRead(@TempDir Path dir) throws Exception {
        try (InputStream eu = getClass().getResourceAsStream("/screening/eu-sample.xml");
                InputStream uk = getClass().getResourceAsStream("/screening/uk-sample.csv")) {
            Files.copy(eu, dir.resolve("eu.xml"));
            Files.copy(uk, dir.resolve("ConList.csv"));
        }
        ListFiles.Loaded loaded = ListFiles.read(dir);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.entities())
                .extracting(ListEntity::source)
                .containsOnly("EU_FSF", "UK_OFSI")
                .hasSize(4);
    }

    private static ByteArrayInputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
