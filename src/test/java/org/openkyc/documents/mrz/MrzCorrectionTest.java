package org.openkyc.documents.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MrzCorrectionTest {

    private static final List<String> TD3 =
            List.of("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

    @Test
    void findsTheZoneAmongOtherText() {
        MrzCorrection.Result result = MrzCorrection.correct("PASSPORT\nSurname ERIKSSON\n" + String.join("\n", TD3));
        assertThat(result.corrected()).isEqualTo(TD3);
        assertThat(result.mrz().valid()).isTrue();
    }

    @Test
    void putsDigitsWhereTheLayoutHasDigitsAndLettersWhereItHasLetters() {
        String read = "P<UT0ERIKSS0N<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UT074O8I22F12O4I59ZE184226B<<<<<I0";
        MrzCorrection.Result result = MrzCorrection.correct(read);
        assertThat(result.corrected()).isEqualTo(TD3);
        assertThat(result.mrz().valid()).isTrue();
    }

    @Test
    void letsTheCheckDigitChooseBetweenConfusedCharactersOfADocumentNumber() {
        // Q read for 0 in the document number, where letters are allowed too. Three single changes pass the number's
        // check digit (8 to 6, Q to 0, Q to U); only one also passes the composite check digit.
        String read = TD3.getFirst() + "\n" + "L8989Q2C36UTO7408122F1204159ZE184226B<<<<<10";
        MrzCorrection.Result result = MrzCorrection.correct(read);
        assertThat(result.read().getLast()).contains("L8989Q2C3");
        assertThat(result.corrected()).isEqualTo(TD3);
    }

    @Test
    void restoresFillersOcrDroppedOrAdded() {
        String read = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<<10";
        assertThat(MrzCorrection.correct(read).corrected()).isEqualTo(TD3);
    }

    @Test
    void leavesAmbiguousMisreadingsUncorrectedAndInvalid() {
        // Two digits of the birth date misread: no single change passes the check, so nothing is made up.
        String read = TD3.getFirst() + "\n" + "L898902C36UTO7468162F1204159ZE184226B<<<<<10";
        MrzCorrection.Result result = MrzCorrection.correct(read);
        assertThat(result.mrz().valid()).isFalse();
        assertThat(result.corrected().getLast()).contains("7468162");
    }

    @Test
    void noZoneInOrdinaryText() {
        MrzCorrection.Result result = MrzCorrection.correct("Electricity bill\nAccount 1234\nTotal due 42.00");
        assertThat(result.mrz()).isNull();
        assertThat(result.corrected()).isEmpty();
    }
}
