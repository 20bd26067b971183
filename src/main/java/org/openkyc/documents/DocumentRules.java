package org.openkyc.documents;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openkyc.documents.mrz.IcaoCountries;
import org.openkyc.documents.mrz.Mrz;
import org.openkyc.documents.mrz.MrzNames;
import org.openkyc.flows.definition.StepSettings;
import org.openkyc.flows.definition.StepSettings.DocumentType;

/**
 * The rules a document is held to, field by field: check digits, expiry after the flow's adjustment, minimum age,
 * permitted countries and document types, and agreement with what the applicant or the integrator declared. Each
 * field ends up verified, failed or not checked, with a note saying why. Spring-free; the clock is a parameter.
 */
public final class DocumentRules {

    private DocumentRules() {}

    /** What the applicant or integrator said about the person; null where nothing was said. */
    public record Declared(
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable LocalDate dateOfBirth,
            @Nullable String nationality,
            @Nullable String sex) {

        public static final Declared NOTHING = new Declared(null, null, null, null, null);
    }

    /** What the applicant chose and what was read. */
    public record Presented(
            DocumentType type,
            String country,
            @Nullable Mrz mrz,
            @Nullable String visualText) {}

    public static List<DocumentField> fields(
            Presented presented, StepSettings.Document settings, Declared declared, LocalDate today) {
        List<DocumentField> fields = new ArrayList<>();
        Mrz mrz = presented.mrz();
        fields.add(type(presented, settings));
        fields.add(country(presented, settings));
        if (mrz == null) {
            String note = "no machine-readable zone was read; a reviewer compares the document by eye";
            for (String name : List.of(
                    "documentNumber", "surname", "givenNames", "birthDate", "expiryDate", "nationality", "sex")) {
                fields.add(new DocumentField(
                        name, null, DocumentField.Source.NONE, DocumentField.Status.NOT_CHECKED, note));
            }
            return fields;
        }
        fields.add(documentNumber(mrz, presented.visualText()));
        fields.add(name("surname", mrz.surname(), declared.lastName(), presented.visualText()));
        fields.add(name("givenNames", mrz.givenNames(), declared.firstName(), null));
        fields.add(birthDate(mrz, settings, declared, today));
        fields.add(expiryDate(mrz, settings, today));
        fields.add(nationality(mrz, declared));
        fields.add(sex(mrz, declared));
        Optional<Mrz.Check> composite =
                mrz.checks().stream().filter(c -> c.field().equals("composite")).findFirst();
        composite.ifPresent(c -> fields.add(new DocumentField(
                "composite",
                c.printed(),
                DocumentField.Source.MRZ,
                c.ok() ? DocumentField.Status.VERIFIED : DocumentField.Status.FAILED,
                c.ok() ? "composite check digit right" : "composite check digit wrong: computed " + c.computed())));
        return fields;
    }

    private static DocumentField type(Presented presented, StepSettings.Document settings) {
        DocumentType type = presented.type();
        if (!permitted(type, settings)) {
            return failed(
                    "documentType",
                    type.name(),
                    DocumentField.Source.APPLICANT,
                    "this flow does not take "
                            + type.name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        Mrz mrz = presented.mrz();
        if (mrz == null) {
            return notChecked("documentType", type.name(), DocumentField.Source.APPLICANT, "as the applicant chose it");
        }
        DocumentType read = typeOf(mrz);
        if (read != null && read != type) {
            return failed(
                    "documentType",
                    read.name(),
                    DocumentField.Source.MRZ,
                    "the applicant chose " + type.name() + " but the zone says " + read.name());
        }
        if (read != null && !permitted(read, settings)) {
            return failed("documentType", read.name(), DocumentField.Source.MRZ, "this flow does not take it");
        }
        return verified("documentType", type.name(), DocumentField.Source.MRZ, "document code " + mrz.documentType());
    }

    private static boolean permitted(DocumentType type, StepSettings.Document settings) {
        return (settings.permittedDocumentTypes().isEmpty()
                        || settings.permittedDocumentTypes().contains(type))
                && !settings.excludedDocumentTypes().contains(type);
    }

    /** The kind of document by its MRZ document code (Doc 9303 Part 4 to 6, and the codes states use in practice). */
    static @Nullable DocumentType typeOf(Mrz mrz) {
        String code = mrz.documentType();
        if (code.startsWith("P")) {
            return DocumentType.PASSPORT;
        }
        if (code.startsWith("V")) {
            return DocumentType.VISA;
        }
        if (code.equals("IR") || code.equals("AR") || code.equals("RP") || code.equals("CR")) {
            return DocumentType.RESIDENCE_PERMIT;
        }
        if (code.startsWith("D") && code.length() == 2 && code.charAt(1) == 'L') {
            return DocumentType.DRIVING_LICENCE;
        }
        if (code.startsWith("I") || code.startsWith("A") || code.startsWith("C")) {
            return DocumentType.ID_CARD;
        }
        return null;
    }

    private static DocumentField country(Presented presented, StepSettings.Document settings) {
        Mrz mrz = presented.mrz();
        String chosen = presented.country().toUpperCase(Locale.ROOT);
        String read =
                mrz == null ? null : IcaoCountries.alpha2(mrz.issuingState()).orElse(null);
        String country = read != null ? read : chosen;
        DocumentField.Source source = read != null ? DocumentField.Source.MRZ : DocumentField.Source.APPLICANT;
        if (!settings.countries().allows(country)) {
            return failed("issuingCountry", country, source, "documents of this country are not accepted");
        }
        if (mrz == null) {
            return notChecked("issuingCountry", country, source, "as the applicant chose it");
        }
        if (read == null) {
            return notChecked(
                    "issuingCountry",
                    mrz.issuingState(),
                    DocumentField.Source.MRZ,
                    "issuing state code " + mrz.issuingState() + " is not a country");
        }
        if (!read.equals(chosen)) {
            return failed("issuingCountry", read, source, "the applicant chose " + chosen);
        }
        return verified("issuingCountry", read, source, "issuing state " + mrz.issuingState());
    }

    private static DocumentField documentNumber(Mrz mrz, @Nullable String visualText) {
        Mrz.Check check = check(mrz, "documentNumber");
        if (check != null && !check.ok()) {
            return failed(
                    "documentNumber",
                    mrz.documentNumber(),
                    DocumentField.Source.MRZ,
                    "check digit " + check.printed() + " is wrong: computed " + check.computed());
        }
        boolean seen = visualText != null && squeezed(visualText).contains(mrz.documentNumber());
        return verified(
                "documentNumber",
                mrz.documentNumber(),
                seen ? DocumentField.Source.MRZ_AND_VISUAL : DocumentField.Source.MRZ,
                seen ? "check digit right; also printed in the visual zone" : "check digit right");
    }

    private static DocumentField name(
            String field, String mrzName, @Nullable String declared, @Nullable String visualText) {
        if (mrzName.isBlank()) {
            return notChecked(field, "", DocumentField.Source.MRZ, "empty in the zone");
        }
        if (declared != null && !declared.isBlank()) {
            return MrzNames.sameName(mrzName, declared)
                    ? verified(field, mrzName, DocumentField.Source.MRZ, "agrees with the declared " + declared)
                    : failed(field, mrzName, DocumentField.Source.MRZ, "declared as " + declared);
        }
        boolean seen = visualText != null && squeezed(visualText).contains(mrzName.replace(" ", ""));
        return notChecked(
                field,
                mrzName,
                seen ? DocumentField.Source.MRZ_AND_VISUAL : DocumentField.Source.MRZ,
                "nothing declared to compare with");
    }

    private static DocumentField birthDate(
            Mrz mrz, StepSettings.Document settings, Declared declared, LocalDate today) {
        Mrz.Check check = check(mrz, "birthDate");
        LocalDate birth = date(mrz.birthDate(), today, true);
        if (birth == null || (check != null && !check.ok())) {
            return failed(
                    "birthDate",
                    mrz.birthDate(),
                    DocumentField.Source.MRZ,
                    birth == null ? "not a date" : "check digit wrong");
        }
        int age = Period.between(birth, today).getYears();
        if (age < settings.minimumAge()) {
            return failed(
                    "birthDate",
                    birth.toString(),
                    DocumentField.Source.MRZ,
                    "aged " + age + ", younger than " + settings.minimumAge());
        }
        if (declared.dateOfBirth() != null && !declared.dateOfBirth().equals(birth)) {
            return failed(
                    "birthDate", birth.toString(), DocumentField.Source.MRZ, "declared as " + declared.dateOfBirth());
        }
        return verified(
                "birthDate",
                birth.toString(),
                DocumentField.Source.MRZ,
                "aged " + age + (declared.dateOfBirth() != null ? "; agrees with the declared date" : ""));
    }

    private static DocumentField expiryDate(Mrz mrz, StepSettings.Document settings, LocalDate today) {
        Mrz.Check check = check(mrz, "expiryDate");
        LocalDate expiry = date(mrz.expiryDate(), today, false);
        if (expiry == null || (check != null && !check.ok())) {
            return failed(
                    "expiryDate",
                    mrz.expiryDate(),
                    DocumentField.Source.MRZ,
                    expiry == null ? "not a date" : "check digit wrong");
        }
        // A positive adjustment asks for that many months of validity left; a negative one accepts documents expired
        // up to that many months ago.
        LocalDate mustLastUntil = today.plusMonths(settings.expiryAdjustmentMonths());
        if (expiry.isBefore(mustLastUntil)) {
            String when = expiry.isBefore(today) ? "expired on " + expiry : "expires on " + expiry;
            return failed(
                    "expiryDate",
                    expiry.toString(),
                    DocumentField.Source.MRZ,
                    when
                            + (settings.expiryAdjustmentMonths() == 0
                                    ? ""
                                    : " (the flow asks for validity until " + mustLastUntil + ")"));
        }
        return verified("expiryDate", expiry.toString(), DocumentField.Source.MRZ, "valid until " + expiry);
    }

    private static DocumentField nationality(Mrz mrz, Declared declared) {
        String read = IcaoCountries.alpha2(mrz.nationality()).orElse(null);
        String value = read != null ? read : mrz.nationality();
        if (declared.nationality() == null || declared.nationality().isBlank()) {
            return notChecked("nationality", value, DocumentField.Source.MRZ, "nothing declared to compare with");
        }
        String wanted = declared.nationality().strip().toUpperCase(Locale.ROOT);
        boolean same = wanted.equals(value) || wanted.equals(mrz.nationality());
        return same
                ? verified("nationality", value, DocumentField.Source.MRZ, "agrees with the declared " + wanted)
                : failed("nationality", value, DocumentField.Source.MRZ, "declared as " + wanted);
    }

    private static DocumentField sex(Mrz mrz, Declared declared) {
        String value = mrz.sex().equals("<") ? "unspecified" : mrz.sex();
        if (declared.sex() == null || declared.sex().isBlank()) {
            return notChecked("sex", value, DocumentField.Source.MRZ, "nothing declared to compare with");
        }
        String wanted = declared.sex().strip().substring(0, 1).toUpperCase(Locale.ROOT);
        return wanted.equals(mrz.sex())
                ? verified("sex", value, DocumentField.Source.MRZ, "agrees with the declared value")
                : failed("sex", value, DocumentField.Source.MRZ, "declared as " + declared.sex());
    }

    /**
     * A YYMMDD date: birth dates are placed in the century that puts them in the past, expiry dates in the one that
     * puts them within fifty years of today.
     */
    static @Nullable LocalDate date(String yymmdd, LocalDate today, boolean past) {
        if (!yymmdd.matches("\\d{6}")) {
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int century = today.getYear() / 100 * 100;
        int year = century + yy;
        if (past && year > today.getYear()) {
            year -= 100;
        }
        if (!past && year < today.getYear() - 50) {
            year += 100;
        }
        try {
            return LocalDate.of(year, Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Mrz.@Nullable Check check(Mrz mrz, String field) {
        return mrz.checks().stream()
                .filter(c -> c.field().equals(field))
                .findFirst()
                .orElse(null);
    }

    /**
     * The visual zone's text in capitals, letters and digits only, without the machine-readable zone: lines with a
     * run of twenty or more characters without a space are the zone read as text, and would prove nothing.
     */
    static String squeezed(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (!line.matches(".*\\S{20,}.*")) {
                out.append(line.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", ""))
                        .append('|');
            }
        }
        return out.toString();
    }

    private static DocumentField verified(String name, String value, DocumentField.Source source, String note) {
        return new DocumentField(name, value, source, DocumentField.Status.VERIFIED, note);
    }

    private static DocumentField failed(String name, String value, DocumentField.Source source, String note) {
        return new DocumentField(name, value, source, DocumentField.Status.FAILED, note);
    }

    private static DocumentField notChecked(String name, String value, DocumentField.Source source, String note) {
        return new DocumentField(name, value, source, DocumentField.Status.NOT_CHECKED, note);
    }
}
