package org.openkyc.tenancy;

import java.util.Optional;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.crypto.PayloadCipher;
import org.openkyc.core.crypto.PayloadKeys;
import org.springframework.stereotype.Component;

/** Applications' crypto keys for encrypted API payloads. */
@Component
class ApplicationPayloadKeys implements PayloadKeys {

    private final Applications applications;
    private final Secrets secrets;

    ApplicationPayloadKeys(Applications applications, Secrets secrets) {
        this.applications = applications;
        this.secrets = secrets;
    }

    @Override
    public Optional<PayloadCipher> cipherFor(ApplicationId application) {
        return applications.findById(application).map(found -> PayloadCipher.fromBase64(found.cryptoKey(secrets)));
    }
}
