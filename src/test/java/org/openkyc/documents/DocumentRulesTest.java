package org.openkyc.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openkyc.documents.DocumentField.Status;
import org.openkyc.documents.DocumentRules.Declared;
import org.openkyc.documents.DocumentRules.Presented;
import org.openkyc.documents.mrz.Mrz;
import org.openkyc.documents.ocr.DocumentPhotos;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepSettings.DocumentType;

class DocumentRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Mrz MUELLER = Mrz.parse(String.join(
            "\n", DocumentPhotos.passport("D<<", "MUELLER", "JOERG", "C01X00T47", "080101", "M", "270315")));

    @Test
    void aDocumentThatHoldsUpIsVerifiedFieldByField() {
        Map<String, DocumentField> fields = fields(
                MUELLER, settings(Map.of()), new Declared("Jörg", "Müller", LocalDate.of(2008, 1, 1), "DE", "male"));
        assertThat(fields.values()).allMatch(f -> f.status() == Status.VERIFIED, "all verified");
        assertThat(fields.get("issuingCountry").value()).as("D<< is Germany").isEqualTo("DE");
        assertThat(fields.get("birthDate").note()).isEqualTo("aged 18; agrees with the declared date");
    }

    @Test
    void tooYoungExpiringTooSoonAndExcludedAreFailures() {
        Map<String, DocumentField> fields = fields(
                MUELLER,
                settings(Map.of("minimumAge", 21, "expiryAdjustmentMonths", 6, "excludedCountries", List.of("DE"))),
                Declared.NOTHING);
        assertThat(fields.get("birthDate").status()).isEqualTo(Status.FAILED);
        assertThat(fields.get("birthDate").note()).isEqualTo("aged 18, younger than 21");
        assertThat(fields.get("expiryDate").status()).isEqualTo(Status.FAILED);
        assertThat(fields.get("expiryDate").note())
                .isEqualTo("expires on 2027-03-15 (the flow asks for validity until 2027-05-22)");
        assertThat(fields.get("issuingCountry").status()).isEqualTo(Status.FAILED);
        assertThat(fields.get("surname").status()).as("nothing declared").isEqualTo(Status.NOT_CHECKED);
    }

    @Test
    void aNegativeAdjustmentAcceptsRecentlyExpiredDocuments() {
        Mrz expired = Mrz.parse(String.join(
                "\n", DocumentPhotos.passport("D<<", "MUELLER", "JOERG", "C01X00T47", "800101", "M", "260901")));
        assertThat(fields(expired, settings(Map.of()), Declared.NOTHING)
                        .get("expiryDate")
                        .note())
                .isEqualTo("expired on 2026-09-01");
        assertThat(fields(expired, settings(Map.of("expiryAdjustmentMonths", -3)), Declared.NOTHING)
                        .get("expiryDate")
                        .status())
                .isEqualTo(Status.VERIFIED);
    }

    @Test
    void declaredDataThatDisagreesFailsWithWhatWasDeclared() {
        Map<String, DocumentField> fields = fields(
                MUELLER, settings(Map.of()), new Declared("Jürgen", "Müller", LocalDate.of(2008, 1, 2), "AT", "F"));
        assertThat(fields.get("surname").status()).isEqualTo(Status.VERIFIED);
        assertThat(fields.get("givenNames").note()).isEqualTo("declared as Jürgen");
        assertThat(fields.get("birthDate").note()).isEqualTo("declared as 2008-01-02");
        assertThat(fields.get("nationality").status()).isEqualTo(Status.FAILED);
        assertThat(fields.get("sex").status()).isEqualTo(Status.FAILED);
    }

    @Test
    void theKindChosenMustBeTheKindRead() {
        Map<String, DocumentField> fields = DocumentRules.fields(
                        new Presented(DocumentType.ID_CARD, "DE", MUELLER, null),
                        settings(Map.of()),
                        Declared.NOTHING,
                        TODAY)
                .stream()
                .collect(Collectors.toMap(DocumentField::name, Function.identity()));
        assertThat(fields.get("documentType").status()).isEqualTo(Status.FAILED);
        assertThat(fields.get("documentType").note())
                .isEqualTo("the applicant chose ID_CARD but the zone says PASSPORT");
    }

    @Test
    void withoutAZoneNothingIsCheckedAndAPersonLooks() {
        List<DocumentField> fields = DocumentRules.fields(
                new Presented(DocumentType.DRIVING_LICENCE, "FR", null, null),
                settings(Map.of()),
                Declared.NOTHING,
                TODAY);
        assertThat(fields.stream()
                        .filter(f ->
                                !f.name().equals("documentType") && !f.name().equals("issuingCountry")))
                .allMatch(f -> f.status() == Status.NOT_CHECKED);
    }

    @Test
    void twoDigitYearsLandInTheRightCentury() {
        assertThat(DocumentRules.date("740812", TODAY, true)).isEqualTo(LocalDate.of(1974, 8, 12));
        assertThat(DocumentRules.date("250101", TODAY, true)).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(DocumentRules.date("340415", TODAY, false)).isEqualTo(LocalDate.of(2034, 4, 15));
        assertThat(DocumentRules.date("991231", TODAY, false)).isEqualTo(LocalDate.of(2099, 12, 31));
        assertThat(DocumentRules.date("740231", TODAY, true)).isNull();
    }

    private static Map<String, DocumentField> fields(Mrz mrz, StepSettings.Document settings, Declared declared) {
        return DocumentRules.fields(new Presented(DocumentType.PASSPORT, "DE", mrz, null), settings, declared, TODAY)
                .stream()
                .collect(Collectors.toMap(DocumentField::name, Function.identity()));
    }

    @SuppressWarnings("unchecked")
    private static StepSettings.Document settings(Map<String, Object> config) {
        return new StepSettings.Document(
                (List<String>) config.getOrDefault("permittedCountries", null),
                (List<String>) config.getOrDefault("excludedCountries", null),
                null,
                null,
                null,
                null,
                (Integer) config.get("minimumAge"),
                (Integer) config.get("expiryAdjustmentMonths"),
                null,
                null,
                null,
                null);
    }
}
