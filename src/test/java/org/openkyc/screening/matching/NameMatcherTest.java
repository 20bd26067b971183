package org.openkyc.screening.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openkyc.screening.matching.NameNormaliser.Schema;

class NameMatcherTest {

    private final NameNormaliser normaliser = new NameNormaliser();

    @Test
    void normalisationFoldsScriptsCaseDiacriticsAndOrder() {
        assertThat(words("AL BEN ALI, Isa Ben Tarif", Schema.PERSON))
                .containsExactly("isa", "ben", "tarif", "al", "ali");
        assertThat(words("Сергей Лавров", Schema.PERSON)).containsExactly("sergej", "lavrov");
        assertThat(words("José Müller-Lüdenscheidt", Schema.PERSON)).containsExactly("jose", "muller", "ludenscheidt");
        assertThat(words("Shaikh Dr. Isa Ali", Schema.PERSON))
                .as("honorifics dropped")
                .containsExactly("isa", "ali");
        assertThat(words("Ig0r Sech1n", Schema.PERSON))
                .as("digits standing for letters")
                .containsExactly("igor", "sechin");
        assertThat(words("Siemens Aktiengesellschaft", Schema.ORGANISATION)).containsExactly("siemens", "ag");
        assertThat(words("SiemensAG", Schema.ORGANISATION)).containsExactly("siemens", "ag");
        assertThat(words("Bowne Global Solutions, L.L.C.", Schema.ORGANISATION))
                .containsExactly("bowne", "global", "solutions", "llc");
        assertThat(words("M/V Ocean Star", Schema.VESSEL)).containsExactly("mv", "ocean", "star");
    }

    @Test
    void aliasesWrittenIntoOneNameAreSplit() {
        assertThat(NameNormaliser.aliases("Ocean Pioneer (ex-Cape Diamond)"))
                .containsExactly("Ocean Pioneer", "Cape Diamond");
        assertThat(NameNormaliser.aliases("Abu Ali a.k.a. Ali Hassan; Hassan Ali"))
                .containsExactly("Abu Ali", "Ali Hassan", "Hassan Ali");
    }

    @Test
    void typosAndSoundsMatchOtherNamesDoNot() {
        assertThat(rate("Olaf Scholze", "Olaf Scholz", Schema.PERSON)).isGreaterThanOrEqualTo(80);
        assertThat(rate("Saddam Husayn", "Saddam Hussein", Schema.PERSON)).isGreaterThanOrEqualTo(80);
        assertThat(rate("Vladimir Vladimirovich Putin", "Vladimir Putin", Schema.PERSON))
                .as("an extra middle name costs little")
                .isGreaterThanOrEqualTo(80);
        assertThat(rate("ABDIKADIR HASSAN ABDIKADIR", "ABDIKADIR MOHAMED ABDIKADIR", Schema.PERSON))
                .as("a different middle name is another person")
                .isLessThan(80);
        assertThat(rate("Angelo Cruz", "Angela Merkel", Schema.PERSON)).isLessThan(50);
    }

    @Test
    void numeralsAreComparedStrictly() {
        assertThat(rate("Brigade 44", "Brigade 45", Schema.ORGANISATION)).isLessThan(80);
        assertThat(rate("Citigroup Capital Trust XV", "Citigroup Capital Trust XX", Schema.ORGANISATION))
                .isLessThan(80);
        assertThat(rate("Citigroup Capital Trust XV", "Citigroup Capital Trust XV", Schema.ORGANISATION))
                .isEqualTo(100);
    }

    @Test
    void theScoreExplainsItself() {
        NameMatcher.Score score = NameMatcher.score(
                normaliser.normalise("Olaf Scholze", Schema.PERSON),
                normaliser.normalise("Olaf Scholz Jr", Schema.PERSON));
        assertThat(score.explanation())
                .isEqualTo("olaf (exact 100%); scholze ~ scholz (spelling 92%); only in the listed name: jr");
    }

    private int rate(String a, String b, Schema schema) {
        return NameMatcher.best(normaliser, a, b, schema).matchRate();
    }

    private List<String> words(String name, Schema schema) {
        return normaliser.normalise(name, schema).tokens().stream()
                .map(Token::text)
                .toList();
    }
}
