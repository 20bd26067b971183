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

class ScorePairsCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void addsAMatchRateAndKeepsTheOtherColumns(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("pairs.csv");
        Files.writeString(in, """
                id,schema,name1,name2,note
                1,Person,Olaf Scholze,Olaf Scholz,typo
                2,Company,"Siemens Aktiengesellschaft",Siemens AG,"legal form, written out"
                3,Person,Angelo Cruz,Angela Merkel,other
                """);
        Path out = dir.resolve("scores.csv");
        assertThat(run("--in", in.toString(), "--out", out.toString())).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.getFirst()).isEqualTo("id,schema,name1,name2,note,match_rate");
        assertThat(lines.get(2))
                .startsWith("2,Company,Siemens Aktiengesellschaft,Siemens AG,\"legal form, written out\",");
        assertThat(Integer.parseInt(lines.get(1).substring(lines.get(1).lastIndexOf(',') + 1)))
                .isGreaterThanOrEqualTo(80);
        assertThat(Integer.parseInt(lines.get(3).substring(lines.get(3).lastIndexOf(',') + 1)))
                .isLessThan(50);
    }

    @Test
    void aFileWithoutTheColumnsIsRefused(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("pairs.csv");
        Files.writeString(in, "a,b\n1,2\n");
        assertThat(run("--in", in.toString(), "--out", dir.resolve("o.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no column schema");
        assertThat(run("--in", in.toString())).isEqualTo(2);
    }

    private int run(String... args) {
        err.reset();
        return ScorePairsCommand.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    }
}
