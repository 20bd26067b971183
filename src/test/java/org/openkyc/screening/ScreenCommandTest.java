package org.openkyc.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The screen command against every list in {@code ../shared/data/sanctions}. */
class ScreenCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void screensPeopleAgainstEveryListInAFolder(@TempDir Path dir) throws Exception {
        Path people = dir.resolve("people.csv");
        Files.writeString(people, """
                full_name,date_of_birth,nationality,gender
                ERIC BADEGE,1971,Democratic Republic of the Congo,male
                Ingeborg Abrahamsen,1972-11-21,France,female
                "YAN, Xiaobing",1977-03-25,cn,male
                """);
        Path hits = dir.resolve("hits.csv");
        int exit = ScreenCommand.run(
                new String[] {"--lists", "../shared/data/sanctions", "--in", people.toString(), "--out", hits.toString()
                },
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = Files.readAllLines(hits);
        assertThat(lines.getFirst())
                .isEqualTo("row,full_name,entity_id,source,list_type,matched_name,match_rate,explanation");
        assertThat(lines).anyMatch(l -> l.startsWith("1,ERIC BADEGE,6907993,UN_SC,SANCTION,ERIC BADEGE,100,"));
        assertThat(lines).anyMatch(l -> l.startsWith("3,\"YAN, Xiaobing\",25308,OFAC_SDN,SANCTION,"));
        assertThat(lines).noneMatch(l -> l.startsWith("2,"));
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("3 people screened")
                .doesNotContain("Skipped:")
                .as("the truncated CSL extract loads without its cut-off last row, which is named")
                .contains("Note: us_csl/csl_2023-11.csv: 1 malformed row skipped (csl_2023-11.csv line 4233: a quoted"
                        + " value is not closed before the end of the file (cut off?))")
                .contains("1 malformed rows skipped in all")
                .as("the older CSL extract shares most ids with the newer file, which keeps them")
                .containsPattern("Note: us_csl/csl_2023-11.csv: \\d+ entities have the key of one in"
                        + " us_csl/consolidated_2025-02.csv.gz, which is kept");
    }

    @Test
    void missingListsOrColumnsAreSaidPlainly(@TempDir Path dir) throws Exception {
        Path people = dir.resolve("people.csv");
        Files.writeString(people, "name\nX\n");
        assertThat(ScreenCommand.run(
                        new String[] {
                            "--lists",
                            dir.resolve("none").toString(),
                            "--in",
                            people.toString(),
                            "--out",
                            dir.resolve("o.csv").toString()
                        },
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err)))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a folder");
        assertThat(ScreenCommand.run(
                        new String[] {"--lists"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)))
                .isEqualTo(2);
    }
}
