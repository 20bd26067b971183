package org.openkyc.hosted;

import org.openkyc.core.mail.Mailer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the phone gateway from {@code openkyc.phone.provider}. */
@Configuration(proxyBeanMethods = false)
class PhoneConfiguration {

    @Bean
    PhoneGateway phoneGateway(PhoneSettings settings, Mailer mailer) {
        return switch (settings.provider()) {
            case "local" -> new LocalPhoneGateway(mailer);
            case "twilio" -> new TwilioPhoneGateway(settings.twilio());
            default ->
                throw new IllegalStateException(
                        "openkyc.phone.provider must be local or twilio, not " + settings.provider());
        };
    }
}
