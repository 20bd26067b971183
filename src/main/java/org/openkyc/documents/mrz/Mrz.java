package org.openkyc.documents.mrz;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A machine-readable zone read from its text: TD1 (3 × 30), TD2 (2 × 36), TD3 (2 × 44), and the visas MRV-A (2 × 44)
 * and MRV-B (2 × 36). Every field is kept as it stands, names with fillers turned to spaces; every check digit,
 * the composite included, is recomputed. {@link #valid()} says whether the structure (layout, dates, sex, a document
 * code Doc 9303 assigns, known state codes) and all check digits are right;
 * expiry and other document rules are for the caller.
 *
 * @param birthDate and {@code expiryDate}: {@code YYMMDD} as printed
 * @param problems what is wrong, in words; empty when valid
 */
public record Mrz(
        Format format,
        String documentType,
        String issuingState,
        String surname,
        String givenNames,
        String documentNumber,
        String nationality,
        String birthDate,
        String sex,
        String expiryDate,
        String optionalData,
        String optionalData2,
        List<Check> checks,
        boolean valid,
        List<String> problems) {

    /** The layouts of Doc 9303. */
    public enum Format {
        TD1,
        TD2,
        TD3,
        MRVA,
        MRVB
    }

    /** One check digit: the field it covers, the digit printed, the digit computed. */
    public record Check(String field, String printed, int computed, boolean ok) {}

    /**
     * Parses the lines of an MRZ (separated by line breaks, or a literal {@code \n}); spaces are ignored and letters
     * taken in upper case.
     *
     * @throws IllegalArgumentException when the text has no MRZ layout or characters an MRZ does not use
     */
    public static Mrz parse(String text) {
        String[] lines = text.replace("\\n", "\n")
                .toUpperCase(Locale.ROOT)
                .replace(" ", "")
                .strip()
                .split("\\R+");
        for (String line : lines) {
            for (char c : line.toCharArray()) {
                if (CheckDigits.value(c) < 0) {
                    throw new IllegalArgumentException("An MRZ holds only A-Z, 0-9 and <, not '" + c + "'");
                }
            }
        }
        if (lines.length == 3 && lengths(lines, 30)) {
            return td1(lines);
        }
        if (lines.length == 2 && lengths(lines, 44)) {
            return twoLines(lines, lines[0].startsWith("V") ? Format.MRVA : Format.TD3);
        }
        if (lines.length == 2 && lengths(lines, 36)) {
            return twoLines(lines, lines[0].startsWith("V") ? Format.MRVB : Format.TD2);
        }
        throw new IllegalArgumentException(
                "Not an MRZ layout: expected 3 lines of 30, or 2 lines of 36 or 44 characters");
    }

    private static boolean lengths(String[] lines, int length) {
        for (String line : lines) {
            if (line.length() != length) {
                return false;
            }
        }
        return true;
    }

    private static Mrz twoLines(String[] lines, Format format) {
        String l1 = lines[0];
        String l2 = lines[1];
        Reading r = new Reading();
        String number = l2.substring(0, 9);
        r.check("documentNumber", number, l2.charAt(9));
        r.date("birthDate", l2.substring(13, 19));
        r.check("birthDate", l2.substring(13, 19), l2.charAt(19));
        r.date("expiryDate", l2.substring(21, 27));
        r.check("expiryDate", l2.substring(21, 27), l2.charAt(27));
        r.sex(l2.charAt(20));
        String optional;
        switch (format) {
            case TD3 -> {
                optional = l2.substring(28, 42);
                r.check("optionalData", optional, l2.charAt(42));
                r.check("composite", l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 43), l2.charAt(43));
            }
            case TD2 -> {
                optional = l2.substring(28, 35);
                r.check("composite", l2.substring(0, 10) + l2.substring(13, 20) + l2.substring(21, 35), l2.charAt(35));
            }
            default -> optional = l2.substring(28);
        }
        String[] names = names(l1.substring(5));
        r.structure(l1.substring(0, 2), l1.substring(2, 5), l2.substring(10, 13));
        return r.result(
                format,
                l1.substring(0, 2),
                l1.substring(2, 5),
                names,
                number,
                l2.substring(10, 13),
                l2.substring(13, 19),
                String.valueOf(l2.charAt(20)),
                l2.substring(21, 27),
                optional,
                "");
    }

    private static Mrz td1(String[] lines) {
        String l1 = lines[0];
        String l2 = lines[1];
        Reading r = new Reading();
        String number = l1.substring(5, 14);
        String optional = l1.substring(15, 30);
        if (l1.charAt(14) == '<' && !optional.replace("<", "").isEmpty()) {
            // A document number longer than nine characters continues in the optional data, its check digit last.
            String rest = strip(optional);
            number = number + rest.substring(0, rest.length() - 1);
            r.check("documentNumber", number, rest.charAt(rest.length() - 1));
            optional = optional.substring(rest.length());
        } else {
            r.check("documentNumber", number, l1.charAt(14));
        }
        r.date("birthDate", l2.substring(0, 6));
        r.check("birthDate", l2.substring(0, 6), l2.charAt(6));
        r.sex(l2.charAt(7));
        r.date("expiryDate", l2.substring(8, 14));
        r.check("expiryDate", l2.substring(8, 14), l2.charAt(14));
        r.check(
                "composite",
                l1.substring(5, 30) + l2.substring(0, 7) + l2.substring(8, 15) + l2.substring(18, 29),
                l2.charAt(29));
        r.structure(l1.substring(0, 2), l1.substring(2, 5), l2.substring(15, 18));
        return r.result(
                Format.TD1,
                l1.substring(0, 2),
                l1.substring(2, 5),
                names(lines[2]),
                number,
                l2.substring(15, 18),
                l2.substring(0, 6),
                String.valueOf(l2.charAt(7)),
                l2.substring(8, 14),
                optional,
                l2.substring(18, 29));
    }

    /** Surname and given names: separated by {@code <<}, words by {@code <}. */
    private static String[] names(String field) {
        String trimmed = strip(field);
        int split = trimmed.indexOf("<<");
        String surname = split < 0 ? trimmed : trimmed.substring(0, split);
        String given = split < 0 ? "" : trimmed.substring(split + 2);
        return new String[] {
            surname.replace('<', ' ').strip(), given.replace('<', ' ').strip().replaceAll(" +", " ")
        };
    }

    private static String strip(String field) {
        int end = field.length();
        while (end > 0 && field.charAt(end - 1) == '<') {
            end--;
        }
        return field.substring(0, end);
    }

    /** Collects checks and problems while a zone is read. */
    private static final class Reading {
        private final List<Check> checks = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();

        void check(String field, String value, char printed) {
            int computed = CheckDigits.of(value);
            boolean ok = printed >= '0' && printed <= '9'
                    ? printed - '0' == computed
                    : printed == '<' && value.replace("<", "").isEmpty();
            checks.add(new Check(field, String.valueOf(printed), computed, ok));
            if (!ok) {
                problems.add("the check digit of " + field + " is " + printed + ", not " + computed);
            }
        }

        void date(String field, String yymmdd) {
            if (!yymmdd.matches("\\d{6}")) {
                problems.add(field + " is not six digits");
                return;
            }
            try {
                LocalDate.of(
                        2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                        Integer.parseInt(yymmdd.substring(2, 4)),
                        Integer.parseInt(yymmdd.substring(4, 6)));
            } catch (DateTimeException e) {
                problems.add(field + " is not a date");
            }
        }

        /** The document code starts with a letter Doc 9303 assigns, and the states are codes it knows. */
        void structure(String documentCode, String issuingState, String nationality) {
            if ("ACIPV".indexOf(documentCode.charAt(0)) < 0) {
                problems.add("the document code " + documentCode + " does not start with A, C, I, P or V");
            }
            if (!IcaoCountries.known(issuingState)) {
                problems.add("the issuing state " + issuingState + " is not a Doc 9303 code");
            }
            if (!IcaoCountries.known(nationality)) {
                problems.add("the nationality " + nationality + " is not a Doc 9303 code");
            }
        }

        void sex(char sex) {
            if (sex != 'M' && sex != 'F' && sex != 'X' && sex != '<') {
                problems.add("sex is " + sex + ", not M, F, X or <");
            }
        }

        Mrz result(
                Format format,
                String type,
                String state,
                String[] names,
                String number,
                String nationality,
                String birth,
                String sex,
                String expiry,
                String optional,
                String optional2) {
            return new Mrz(
                    format,
                    strip(type),
                    strip(state),
                    names[0],
                    names[1],
                    strip(number),
                    strip(nationality),
                    birth,
                    sex,
                    expiry,
                    strip(optional),
                    strip(optional2),
                    List.copyOf(checks),
                    problems.isEmpty(),
                    List.copyOf(problems));
        }
    }
}
