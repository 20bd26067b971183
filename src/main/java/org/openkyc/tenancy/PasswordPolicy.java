package org.openkyc.tenancy;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openkyc.core.InvalidInputException;

/**
 * What a password must be: 10 to 128 characters, not one of the most common passwords, not built on the
 * email's name, and not made of letters alone. Length beats composition rules, so there are few of them.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "1234567890",
            "12345678910",
            "123456789a",
            "qwertyuiop",
            "1q2w3e4r5t",
            "password1!",
            "password12",
            "password123",
            "passw0rd123",
            "iloveyou12",
            "qwerty1234",
            "qwerty12345",
            "abc1234567",
            "letmein123",
            "welcome123",
            "admin12345",
            "administrator1",
            "changeme123",
            "1qaz2wsx3edc",
            "zaq12wsxcde");

    private PasswordPolicy() {}

    /** Throws {@link InvalidInputException} on field {@code password} unless the password is acceptable. */
    static void check(String password, String email) {
        violation(password, email).ifPresent(v -> {
            throw InvalidInputException.of("password", v.code(), v.message());
        });
    }

    /** Why the password is refused, or empty when it is acceptable. */
    static Optional<Violation> violation(String password, String email) {
        if (password.length() < MIN_LENGTH) {
            return Optional.of(
                    new Violation("passwordTooShort", "must be at least " + MIN_LENGTH + " characters long"));
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(new Violation("passwordTooLong", "must be at most " + MAX_LENGTH + " characters long"));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of(new Violation("passwordCommon", "is one of the most common passwords"));
        }
        String name =
                email.contains("@") ? email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT) : "";
        if (name.length() >= 3 && lower.contains(name)) {
            return Optional.of(new Violation("passwordContainsEmail", "must not contain your email address"));
        }
        if (password.chars().allMatch(Character::isLetter)) {
            return Optional.of(
                    new Violation("passwordLettersOnly", "must contain at least one character that is not a letter"));
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of(new Violation("passwordRepetitive", "must contain at least 5 different characters"));
        }
        return Optional.empty();
    }

    record Violation(String code, String message) {}
}
