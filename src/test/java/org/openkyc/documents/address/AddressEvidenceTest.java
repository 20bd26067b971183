package org.openkyc.documents.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressEvidenceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final AddressEvidence.Declared DECLARED =
            new AddressEvidence.Declared("Jörg Müller", "Hauptstraße 12", "München", "80331", "DE");
    private static final String BILL = """
            Stadtwerke Beispiel GmbH
            Rechnungsdatum: 03.11.2026   Fällig: 01.12.2026
            Herrn Jorg Muller
            Hauptstrasse 12
            80331 Munchen
            Zeitraum 01.10.2026 - 31.10.2026
            """;

    @Test
    void aRecentBillWithTheDeclaredNameAndAddressFromTheCountryIsClear() {
        AddressEvidence.Verdict verdict = AddressEvidence.judge(BILL, DECLARED, TODAY, 90, "DE");
        assertThat(verdict.reasons()).isEmpty();
        assertThat(verdict.result()).isEqualTo("CLEAR");
        assertThat(verdict.issued()).as("the labelled date, not the due date").isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(verdict.ageDays()).isEqualTo(19L);
    }

    @Test
    void eachDisagreementIsAReason() {
        String other = BILL.replace("Hauptstrasse 12", "Hauptstrasse 21").replace("03.11.2026", "03.06.2026");
        AddressEvidence.Verdict verdict = AddressEvidence.judge(other, DECLARED, TODAY, 90, "AT");
        assertThat(verdict.result()).isEqualTo("CONSIDER");
        assertThat(verdict.reasons())
                .containsExactly(
                        "street \"Hauptstraße 12\" is not on the document (closest: \"HAUPTSTRASSE 21\")",
                        "issued 2026-06-03, 172 days ago; at most 90 are accepted",
                        "the applicant connected from AT but lives in DE");
    }

    @Test
    void oneSlipInALongWordIsForgivenButNotInNumbersOrShortWords() {
        assertThat(AddressEvidence.same("KEIZERSGRACHT", "KEIZERSGRAGHT")).isTrue();
        assertThat(AddressEvidence.same("80331", "80381")).isFalse();
        assertThat(AddressEvidence.same("ANNA", "ANNE")).isFalse();
        List<String> read = AddressEvidence.words("1015 C) Amsterdam");
        assertThat(AddressEvidence.find("postCode", "1015 CJ", read).agrees()).isTrue();
        assertThat(AddressEvidence.find("postCode", "1016 CJ", read).agrees()).isFalse();
    }

    @Test
    void datesInSeveralWritings() {
        assertThat(AddressEvidence.issueDate("Statement date 2 November 2026", TODAY))
                .isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(AddressEvidence.issueDate("Date: Nov 2, 2026", TODAY)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(AddressEvidence.issueDate("Émis le 2 novembre 2026", TODAY)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(AddressEvidence.issueDate("2026-10-31 and due 2026-12-31", TODAY))
                .as("the latest date that is not in the future")
                .isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(AddressEvidence.issueDate("no date here", TODAY)).isNull();
    }
}
