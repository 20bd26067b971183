package org.openkyc.hosted;

import org.openkyc.core.OpenKycException;
import org.openkyc.flows.definition.StepSettings.PhoneChannel;
import org.springframework.http.HttpStatus;

/**
 * Sends a short text to a phone number, by SMS or as a voice call that reads it out. The boundary to a paid outside
 * service: {@code openkyc.phone.provider=local} (the default) keeps messages for the development mailbox,
 * {@code twilio} sends them through Twilio's REST API.
 */
public interface PhoneGateway {

    /**
     * @param number the number in E.164 form
     * @throws PhoneGatewayException when the provider refused or could not be reached
     */
    void send(String number, String text, PhoneChannel channel);

    /** The provider did not take the message; answered as 502 so the applicant can try again. */
    class PhoneGatewayException extends OpenKycException {
        public PhoneGatewayException(String message) {
            super(message);
        }

        @Override
        public HttpStatus status() {
            return HttpStatus.BAD_GATEWAY;
        }

        @Override
        public String problemSlug() {
            return "phone-provider-unavailable";
        }

        @Override
        public String title() {
            return "The phone provider did not take the message";
        }
    }
}
