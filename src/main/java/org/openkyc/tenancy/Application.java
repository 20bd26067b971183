package org.openkyc.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.ApplicationId;
import org.openkyc.core.CompanyId;
import org.openkyc.core.Mode;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An integration: the keys an integrator's backend and front end use, where webhooks go and where applicants
 * return. It belongs to one company and one mode. Secrets are stored sealed; the private key also as a
 * fingerprint, which is how the API recognises it.
 */
@Table("application")
class Application {

    static final Duration WEBHOOK_SECRET_OVERLAP = Duration.ofHours(24);

    @Id
    private ApplicationId id;

    private CompanyId companyId;
    private Mode mode;
    private String name;
    private String description = "";
    private @Nullable String webhookUrl;
    private String webhookHeaders = "{}";
    private @Nullable String redirectUrl;
    private String appKey;
    private String privateKeyHash;
    private String privateKeySealed;
    private String cryptoKeySealed;
    private String webhookSecretSealed;
    private @Nullable String previousWebhookSecretSealed;
    private @Nullable Instant previousWebhookSecretUntil;
    private boolean isDefault;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private @Nullable Integer version;

    @PersistenceCreator
    @SuppressWarnings("NullAway.Init")
    private Application() {}

    Application(
            CompanyId companyId,
            Mode mode,
            String name,
            String description,
            boolean isDefault,
            Secrets secrets,
            Instant now) {
        this.id = ApplicationId.random();
        this.companyId = companyId;
        this.mode = mode;
        this.name = name;
        this.description = description;
        this.isDefault = isDefault;
        this.appKey = secrets.newAppKey(mode);
        this.createdAt = now;
        this.updatedAt = now;
        rotate(ApplicationKey.PRIVATE_KEY, secrets, now);
        rotate(ApplicationKey.CRYPTO_KEY, secrets, now);
        rotate(ApplicationKey.WEBHOOK_SECRET, secrets, now);
    }

    ApplicationId id() {
        return id;
    }

    CompanyId companyId() {
        return companyId;
    }

    Mode mode() {
        return mode;
    }

    String name() {
        return name;
    }

    boolean isDefault() {
        return isDefault;
    }

    void update(
            String name,
            String description,
            @Nullable String webhookUrl,
            String webhookHeadersJson,
            @Nullable String redirectUrl,
            Instant now) {
        this.name = name;
        this.description = description;
        this.webhookUrl = webhookUrl;
        this.webhookHeaders = webhookHeadersJson;
        this.redirectUrl = redirectUrl;
        this.updatedAt = now;
    }

    /**
     * Replaces one key with a new random one; the old one stops working at once, except a webhook secret, which
     * keeps signing next to the new one for {@link #WEBHOOK_SECRET_OVERLAP}.
     */
    void rotate(ApplicationKey key, Secrets secrets, Instant now) {
        switch (key) {
            case APP_KEY -> appKey = secrets.newAppKey(mode);
            case PRIVATE_KEY -> {
                String privateKey = secrets.newPrivateKey(mode);
                privateKeyHash = secrets.fingerprint(privateKey);
                privateKeySealed = secrets.seal(privateKey, Secrets.PRIVATE_KEY);
            }
            case CRYPTO_KEY -> cryptoKeySealed = secrets.seal(secrets.newCryptoKey(), Secrets.CRYPTO_KEY);
            case WEBHOOK_SECRET -> {
                if (webhookSecretSealed != null) {
                    previousWebhookSecretSealed = webhookSecretSealed;
                    previousWebhookSecretUntil = now.plus(WEBHOOK_SECRET_OVERLAP);
                }
                webhookSecretSealed = secrets.seal(secrets.newWebhookSecret(), Secrets.WEBHOOK_SECRET);
            }
        }
        updatedAt = now;
    }

    ApplicationView view(Map<String, String> headers) {
        return new ApplicationView(
                id, mode, name, description, appKey, webhookUrl, headers, redirectUrl, isDefault, createdAt, updatedAt);
    }

    String webhookHeadersJson() {
        return webhookHeaders;
    }

    @Nullable
    String webhookUrl() {
        return webhookUrl;
    }

    String appKey() {
        return appKey;
    }

    String cryptoKey(Secrets secrets) {
        return secrets.open(cryptoKeySealed, Secrets.CRYPTO_KEY);
    }

    /** The secrets that sign webhooks now: the current one, and the previous one while the overlap lasts. */
    List<String> signingSecrets(Secrets secrets, Instant now) {
        List<String> signing = new ArrayList<>();
        signing.add(secrets.open(webhookSecretSealed, Secrets.WEBHOOK_SECRET));
        if (previousWebhookSecretSealed != null
                && previousWebhookSecretUntil != null
                && now.isBefore(previousWebhookSecretUntil)) {
            signing.add(secrets.open(previousWebhookSecretSealed, Secrets.WEBHOOK_SECRET));
        }
        return signing;
    }

    ApplicationKeys keys(Secrets secrets) {
        return new ApplicationKeys(
                appKey,
                secrets.open(privateKeySealed, Secrets.PRIVATE_KEY),
                secrets.open(cryptoKeySealed, Secrets.CRYPTO_KEY),
                secrets.open(webhookSecretSealed, Secrets.WEBHOOK_SECRET));
    }
}
