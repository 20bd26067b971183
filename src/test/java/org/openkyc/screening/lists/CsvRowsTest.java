package org.openkyc.screening.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openkyc.screening.matching.ListEntity;

/** A publisher CSV loses its malformed single rows, counted and named, and is refused when they are many. */
class CsvRowsTest {

    static final Path SANCTIONS = Path.of("../shared/data/sanctions");
    static final String HEADER = "_id,source,entity_number,type,programs,name,alt_names\n";

    @Test
    void theCutOffCslExtractLoadsWithoutItsLastRow() throws Exception {
        ImportedList read = ListImports.read(SANCTIONS.resolve("us_csl/csl_2023-11.csv"), Limits.DEFAULT);
        assertThat(read.format()).isEqualTo(ListFormat.US_CSL_CSV);
        assertThat(read.entities())
                .as("4,228 rows, one spread over two lines, the last cut off, 7 the second row of a party")
                .hasSize(4220);
        assertThat(read.skipped()).isEqualTo(1);
        assertThat(read.skippedReasons())
                .containsExactly("csl_2023-11.csv line 4233: a quoted value is not closed before the end of the file"
                        + " (cut off?)");
        assertThat(read.entities())
                .filteredOn(e -> e.id().equals("75e9be6aa2434904b08d420ecf2af609"))
                .singleElement()
                .as("a quoted value may hold a line break")
                .satisfies(e -> assertThat(e.name()).isEqualTo("Elink Electronic Technology Co. Ltd."));
    }

    @Test
    void aStrayQuoteCostsOneRowAndTooManyBadRowsRefuseTheFile(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 200; i++) {
            csv.append(row(i, i == 50 ? "\"BROKEN, Name" : "\"NAME " + i + "\""))
                    .append('\n');
        }
        Path one = Files.writeString(dir.resolve("one.csv"), csv);
        ImportedList read = ListImports.read(one, Limits.DEFAULT);
        assertThat(read.skipped()).isEqualTo(1);
        assertThat(read.skippedReasons()).containsExactly("one.csv line 51: a quoted value is not closed");
        Set<String> ids = read.entities().stream().map(ListEntity::id).collect(Collectors.toSet());
        assertThat(ids).hasSize(199).doesNotContain("50").contains("49", "51", "200");

        String many = csv.toString()
                .replace(row(120, "\"NAME 120\""), row(120, "\"NAME 120\",extra"))
                .replace(row(130, "\"NAME 130\""), row(130, "\"\""));
        Path three = Files.writeString(dir.resolve("three.csv"), many);
        assertThatThrownBy(() -> ListImports.read(three, Limits.DEFAULT))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("three.csv: 3 of 200 rows are malformed, too many to be a slip; the file is refused."
                        + " First: three.csv line 51: a quoted value is not closed");
    }

    private static String row(int i, String name) {
        return "\"" + i + "\",\"Specially Designated Nationals (SDN) - Treasury Department\",\"" + i
                + "\",\"Individual\",\"SDGT\"," + name + ",\"\"";
    }
}
