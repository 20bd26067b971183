package org.openkyc.tenancy;

/**
 * An application's secrets, shown only to roles with the keys permission.
 *
 * @param appKey the public key the web SDK may carry
 * @param privateKey the backend's bearer credential ({@code sk_test_…} or {@code sk_live_…})
 * @param cryptoKey base64 of the 32-byte AES key that encrypts webhook payloads
 * @param webhookSecret base64 of the key that signs webhooks
 */
public record ApplicationKeys(String appKey, String privateKey, String cryptoKey, String webhookSecret) {

    @Override
    public String toString() {
        return "ApplicationKeys[appKey=" + appKey + ", secrets hidden]";
    }
}
