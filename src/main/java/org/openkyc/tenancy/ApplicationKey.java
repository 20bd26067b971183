package org.openkyc.tenancy;

/** The keys of an application, each rotatable on its own. */
public enum ApplicationKey {
    APP_KEY,
    PRIVATE_KEY,
    CRYPTO_KEY,
    WEBHOOK_SECRET
}
