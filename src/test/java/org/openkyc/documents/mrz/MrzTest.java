package org.openkyc.documents.mrz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ICAO Doc 9303 specimens, and what the check digits catch when one character changes. */
class MrzTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<";

    @Test
    void theIcaoSpecimensParseWithEveryCheckDigitRight() throws IOException {
        List<String> specimens = specimens();
        assertThat(specimens).hasSize(3);
        for (String specimen : specimens) {
            Mrz mrz = Mrz.parse(specimen);
            assertThat(mrz.valid()).as(specimen + " " + mrz.problems()).isTrue();
            assertThat(mrz.checks()).allMatch(Mrz.Check::ok);
            assertThat(mrz.surname()).isEqualTo("ERIKSSON");
            assertThat(mrz.givenNames()).isEqualTo("ANNA MARIA");
            assertThat(mrz.issuingState()).isEqualTo("UTO");
            assertThat(mrz.nationality()).isEqualTo("UTO");
            assertThat(mrz.birthDate()).isEqualTo("740812");
            assertThat(mrz.expiryDate()).isEqualTo("120415");
            assertThat(mrz.sex()).isEqualTo("F");
        }
        Mrz passport = Mrz.parse(specimens.get(0));
        assertThat(passport.format()).isEqualTo(Mrz.Format.TD3);
        assertThat(passport.documentNumber()).isEqualTo("L898902C3");
        assertThat(passport.optionalData()).isEqualTo("ZE184226B");
        assertThat(passport.checks())
                .extracting(Mrz.Check::field)
                .containsExactly("documentNumber", "birthDate", "expiryDate", "optionalData", "composite");
        assertThat(Mrz.parse(specimens.get(1)).format()).isEqualTo(Mrz.Format.TD1);
        assertThat(Mrz.parse(specimens.get(1)).documentNumber()).isEqualTo("D23145890");
        assertThat(Mrz.parse(specimens.get(2)).format()).isEqualTo(Mrz.Format.TD2);
    }

    /**
     * Every single-character change inside a field a check digit covers (and of the check digits themselves) makes
     * the zone invalid, except the swaps the 7-3-1 scheme cannot see: characters whose values differ by 10 (0/A,
     * 1/B, … or 0 and the filler) in fields that may hold letters. Date fields must be digits, which catches those.
     */
    @Test
    void everyDetectableSingleCharacterChangeIsDetected() throws IOException {
        int changes = 0;
        List<String> unseen = new ArrayList<>();
        for (String specimen : specimens()) {
            char[] zone = specimen.toCharArray();
            for (int i = 0; i < zone.length; i++) {
                if (zone[i] == '\n' || !covered(specimen, i)) {
                    continue;
                }
                char original = zone[i];
                for (char replacement : ALPHABET.toCharArray()) {
                    if (replacement == original) {
                        continue;
                    }
                    zone[i] = replacement;
                    changes++;
                    if (Mrz.parse(new String(zone)).valid()) {
                        int difference = Math.abs(CheckDigits.value(replacement) - CheckDigits.value(original));
                        assertThat(difference % 10)
                                .as("position %d: %c -> %c went unseen", i, original, replacement)
                                .isZero();
                        unseen.add(original + "->" + replacement);
                    }
                    zone[i] = original;
                }
            }
        }
        assertThat(changes).isGreaterThan(3000);
        // Each unseen change was checked above to be the scheme's blind spot: values 10 apart, such as 0 and A.
        System.out.printf(
                "MRZ single-character changes: %d tried, %d detected, %d unseen by design%n",
                changes, changes - unseen.size(), unseen.size());
    }

    @Test
    void aLongDocumentNumberContinuesInTheOptionalData() {
        String number = "D23145890AB12";
        String line1 = pad("I<UTO" + number.substring(0, 9) + "<" + number.substring(9) + CheckDigits.of(number), 30);
        String line2Start = "7408122F1204159UTO";
        String line2Body = pad(line2Start, 29);
        String composite = line1.substring(5, 30)
                + line2Body.substring(0, 7)
                + line2Body.substring(8, 15)
                + line2Body.substring(18, 29);
        String line2 = line2Body + CheckDigits.of(composite);
        Mrz mrz = Mrz.parse(line1 + "\n" + line2 + "\n" + pad("ERIKSSON<<ANNA<MARIA", 30));
        assertThat(mrz.valid()).as(mrz.problems().toString()).isTrue();
        assertThat(mrz.documentNumber()).isEqualTo(number);
    }

    @Test
    void textThatIsNoMrzIsRefusedClearly() {
        assertThatThrownBy(() -> Mrz.parse("P<UTO\nL898902C3")).hasMessageContaining("Not an MRZ layout");
        assertThatThrownBy(() -> Mrz.parse("P<UTO#RIKSSON")).hasMessageContaining("'#'");
        Mrz wrongDate = Mrz.parse(specimens0().replace("7408122F", "7413122F"));
        assertThat(wrongDate.valid()).isFalse();
        assertThat(wrongDate.problems()).anyMatch(p -> p.contains("birthDate is not a date"));
    }

    @Test
    void linesMayComeWithALiteralNewlineAndSpaces() throws IOException {
        String specimen = specimens().get(0).replace("\n", "\\n").replace("<<<<", "<< <<");
        assertThat(Mrz.parse(specimen.toLowerCase()).valid()).isTrue();
    }

    /** Whether position {@code i} of the zone lies in a field a check digit covers, or is a check digit. */
    private static boolean covered(String zone, int i) {
        String[] lines = zone.split("\n");
        int line = 0;
        int column = i;
        while (column > lines[line].length()) {
            column -= lines[line].length() + 1;
            line++;
        }
        return switch (lines.length == 3 ? 1 : lines[0].length()) {
            // TD1: number and optional data on line 1; birth, expiry, optional data and composite on line 2
            case 1 ->
                line == 0 ? column >= 5 : line == 1 && (column <= 6 || column >= 8 && column <= 14 || column >= 18);
            // TD2 and TD3: number, birth, expiry and optional data on line 2 (not nationality or sex)
            default -> line == 1 && (column <= 9 || column >= 13 && column <= 19 || column >= 21);
        };
    }

    private static String pad(String text, int length) {
        return text + "<".repeat(length - text.length());
    }

    private static String specimens0() {
        try {
            return specimens().get(0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> specimens() throws IOException {
        Path file = Path.of(System.getProperty("openkyc.shared-dir", "../shared"), "data/mrz/icao-9303-specimens.txt");
        List<String> documents = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    documents.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            current.append(current.isEmpty() ? "" : "\n").append(line.strip());
        }
        if (!current.isEmpty()) {
            documents.add(current.toString());
        }
        return documents;
    }
}
