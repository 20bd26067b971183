package org.openkyc.hosted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openkyc.flows.definition.StepSettings.PhoneChannel;
import org.openkyc.support.TestReceiver;

/** The Twilio gateway against a local server standing in for Twilio's API. */
class TwilioPhoneGatewayTest {

    private final TestReceiver twilio = new TestReceiver();
    private final TwilioPhoneGateway gateway = new TwilioPhoneGateway(new PhoneSettings.Twilio(
            "AC123", "s3cret", "+15005550006", URI.create(twilio.origin()), Duration.ofSeconds(5)));

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void anSmsIsAMessagesRequestWithBasicAuth() {
        twilio.answer(request -> 201);
        gateway.send("+447700900123", "Your code is 1 2 3", PhoneChannel.SMS);
        TestReceiver.Request request = twilio.requests().getFirst();
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC123/Messages.json");
        assertThat(request.headers().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("AC123:s3cret".getBytes()));
        assertThat(form(request))
                .containsEntry("To", "+447700900123")
                .containsEntry("From", "+15005550006")
                .containsEntry("Body", "Your code is 1 2 3");
    }

    @Test
    void aCallReadsTheTextOutTwice() {
        twilio.answer(request -> 201);
        gateway.send("+442079460000", "Code 4 5 6 <b>", PhoneChannel.CALL);
        TestReceiver.Request request = twilio.requests().getFirst();
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC123/Calls.json");
        assertThat(form(request).get("Twiml"))
                .isEqualTo(
                        "<Response><Say>Code 4 5 6 &lt;b&gt;</Say><Pause length=\"1\"/><Say>Code 4 5 6 &lt;b&gt;</Say>"
                                + "</Response>");
    }

    @Test
    void aRefusalIsAnErrorWithoutTheCredentials() {
        twilio.answer(request -> 401);
        assertThatThrownBy(() -> gateway.send("+447700900123", "x", PhoneChannel.SMS))
                .isInstanceOf(PhoneGateway.PhoneGatewayException.class)
                .hasMessage("Twilio answered 401")
                .hasMessageNotContaining("s3cret");
    }

    private static Map<String, String> form(TestReceiver.Request request) {
        return Arrays.stream(new String(request.body(), StandardCharsets.UTF_8).split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }
}
