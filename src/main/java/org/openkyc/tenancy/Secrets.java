package org.openkyc.tenancy;

import java.util.Base64;
import org.openkyc.core.Mode;
import org.openkyc.core.crypto.SecretBox;
import org.openkyc.core.crypto.Tokens;
import org.springframework.stereotype.Component;

/** Makes, seals and opens the keys of companies and applications. */
@Component
class Secrets {

    static final String PRIVATE_KEY = "application.private_key";
    static final String CRYPTO_KEY = "application.crypto_key";
    static final String WEBHOOK_SECRET = "application.webhook_secret";
    static final String COMPANY_PRIVATE_KEY = "company.private_key";
    static final String TOTP_SECRET = "member.totp_secret";

    private final SecretBox box;

    Secrets(SecretBox box) {
        this.box = box;
    }

    String newAppKey(Mode mode) {
        return "pk_" + mode.code() + "_" + Tokens.random(18);
    }

    String newPrivateKey(Mode mode) {
        return "sk_" + mode.code() + "_" + Tokens.random(32);
    }

    String newClientKey() {
        return "cl_" + Tokens.random(15);
    }

    String newPrivateClientKey(Mode mode) {
        return "ck_" + mode.code() + "_" + Tokens.random(32);
    }

    String newCryptoKey() {
        return Base64.getEncoder().encodeToString(Tokens.randomBytes(32));
    }

    String newWebhookSecret() {
        return Base64.getEncoder().encodeToString(Tokens.randomBytes(32));
    }

    String fingerprint(String key) {
        return Tokens.fingerprint(key);
    }

    String seal(String secret, String purpose) {
        return box.seal(secret, purpose);
    }

    String open(String sealed, String purpose) {
        return box.open(sealed, purpose);
    }
}
