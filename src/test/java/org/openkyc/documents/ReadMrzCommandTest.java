package org.openkyc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReadMrzCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsTheZoneAsJsonWithEveryCheckDigit() {
        int exit = run(
                "--text",
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\\nL898902C36UTO7408122F1204159ZE184226B<<<<<10");
        assertThat(exit).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("format").asString()).isEqualTo("TD3");
        assertThat(json.get("documentNumber").asString()).isEqualTo("L898902C3");
        assertThat(json.get("valid").asBoolean()).isTrue();
        assertThat(json.get("checks")).hasSize(5);
        assertThat(json.at("/checks/4/field").asString()).isEqualTo("composite");
    }

    @Test
    void aWrongCheckDigitIsReportedAndNotValid() {
        assertThat(run(
                        "--text",
                        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C37UTO7408122F1204159ZE184226B<<<<<10"))
                .isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.get("valid").asBoolean()).isFalse();
        assertThat(json.at("/checks/0/ok").asBoolean()).isFalse();
    }

    @Test
    void badInputGetsAMessageAndAnExitCode() {
        assertThat(run("--text", "not an mrz")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MRZ");
        assertThat(run()).isEqualTo(2);
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return ReadMrzCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
