package org.openkyc.documents.mrz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MrzNamesTest {

    @Test
    void namesAreWrittenAsDoc9303Recommends() {
        assertThat(MrzNames.transliterate("Jürgen Müller-Lüdenscheidt")).isEqualTo("JUERGEN MUELLER LUEDENSCHEIDT");
        assertThat(MrzNames.transliterate("Åsa Ødegård")).isEqualTo("AASA OEDEGAARD");
        assertThat(MrzNames.transliterate("José Núñez")).isEqualTo("JOSE NUNEZ");
        assertThat(MrzNames.transliterate("Seán O'Neill")).isEqualTo("SEAN ONEILL");
        assertThat(MrzNames.transliterate("Strauß")).isEqualTo("STRAUSS");
    }

    @Test
    void aDeclaredNameMatchesEitherReading() {
        assertThat(MrzNames.sameName("MUELLER", "Müller")).isTrue();
        assertThat(MrzNames.sameName("MULLER", "Müller"))
                .as("an older document")
                .isTrue();
        assertThat(MrzNames.sameName("ANNA<MARIA", "Anna-Maria")).isTrue();
        assertThat(MrzNames.sameName("ERIKSSON", "Eriksen")).isFalse();
    }
}
