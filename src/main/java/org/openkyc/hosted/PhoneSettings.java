package org.openkyc.hosted;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How phone codes leave.
 *
 * @param provider {@code local} (messages appear in the development mailbox, nothing is sent) or {@code twilio}
 * @param twilio the Twilio account, when that provider is chosen
 */
@ConfigurationProperties("openkyc.phone")
public record PhoneSettings(
        @DefaultValue("local") String provider,
        @DefaultValue Twilio twilio) {

    /**
     * @param accountSid the account (AC…)
     * @param authToken the account's auth token; never logged
     * @param from the sending number in E.164 form, or a messaging service id (MG…)
     * @param baseUrl the API's address (changed only for tests or a regional edge)
     */
    public record Twilio(
            @Nullable String accountSid,
            @Nullable String authToken,
            @Nullable String from,
            @DefaultValue("https://api.twilio.com") URI baseUrl,
            @DefaultValue("PT10S") Duration timeout) {

        @Override
        public String toString() {
            return "Twilio[accountSid=" + accountSid + ", from=" + from + ", baseUrl=" + baseUrl + "]";
        }
    }
}
