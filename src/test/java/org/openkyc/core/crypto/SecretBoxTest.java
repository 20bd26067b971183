package org.openkyc.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = new SecretBox(Tokens.randomBytes(32));

    @Test
    void opensWhatItSealedWithoutKeepingThePlaintext() {
        String sealed = box.seal("sk_test_secret", "purpose");
        assertThat(sealed).startsWith("v1:").doesNotContain("sk_test_secret");
        assertThat(box.open(sealed, "purpose")).isEqualTo("sk_test_secret");
        assertThat(box.seal("sk_test_secret", "purpose")).as("random nonce").isNotEqualTo(sealed);
    }

    @Test
    void refusesAValueMovedToAnotherPurposeOrTamperedWith() {
        String sealed = box.seal("secret", "application.private_key");
        assertThatThrownBy(() -> box.open(sealed, "company.private_key")).isInstanceOf(IllegalStateException.class);
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> box.open(tampered, "application.private_key"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherMasterKeyCannotOpenIt() {
        String sealed = box.seal("secret", "p");
        assertThatThrownBy(() -> new SecretBox(Tokens.randomBytes(32)).open(sealed, "p"))
                .isInstanceOf(IllegalStateException.class);
    }
}
