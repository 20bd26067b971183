package org.openkyc.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private static String codeOf(String password) {
        return PasswordPolicy.violation(password, "ada.lovelace@example.org")
                .map(PasswordPolicy.Violation::code)
                .orElse("ok");
    }

    @Test
    void acceptsLongVariedPasswords() {
        assertThat(codeOf("Tr0ub4dor&3-horse")).isEqualTo("ok");
        assertThat(codeOf("correct horse battery staple 7")).isEqualTo("ok");
    }

    @Test
    void refusesWeakPasswordsWithAReason() {
        assertThat(codeOf("Sh0rt!")).isEqualTo("passwordTooShort");
        assertThat(codeOf("x".repeat(129))).isEqualTo("passwordTooLong");
        assertThat(codeOf("Password123")).isEqualTo("passwordCommon");
        assertThat(codeOf("ada.lovelace-2026")).isEqualTo("passwordContainsEmail");
        assertThat(codeOf("onlyletterswithoutanything")).isEqualTo("passwordLettersOnly");
        assertThat(codeOf("1111111112")).isEqualTo("passwordRepetitive");
    }
}
