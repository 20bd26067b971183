package org.openkyc.hosted;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.openkyc.flows.definition.StepSettings.PhoneChannel;

/**
 * Sends through Twilio's REST API: an SMS with the Messages resource, a voice call with the Calls resource reading
 * the text out (TwiML {@code <Say>}, spoken twice). Redirects are not followed.
 */
final class TwilioPhoneGateway implements PhoneGateway {

    private final PhoneSettings.Twilio account;
    private final HttpClient http;

    TwilioPhoneGateway(PhoneSettings.Twilio account) {
        if (account.accountSid() == null || account.authToken() == null || account.from() == null) {
            throw new IllegalStateException(
                    "openkyc.phone.provider=twilio needs openkyc.phone.twilio.account-sid, .auth-token and .from");
        }
        this.account = account;
        this.http = HttpClient.newBuilder()
                .connectTimeout(account.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public void send(String number, String text, PhoneChannel channel) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", number);
        form.put(String.valueOf(account.from()).startsWith("MG") ? "MessagingServiceSid" : "From", account.from());
        String resource;
        if (channel == PhoneChannel.CALL) {
            String said = escape(text);
            form.put(
                    "Twiml",
                    "<Response><Say>" + said + "</Say><Pause length=\"1\"/><Say>" + said + "</Say></Response>");
            resource = "Calls.json";
        } else {
            form.put("Body", text);
            resource = "Messages.json";
        }
        URI uri = account.baseUrl().resolve("/2010-04-01/Accounts/" + account.accountSid() + "/" + resource);
        String credentials = Base64.getEncoder()
                .encodeToString((account.accountSid() + ":" + account.authToken()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(account.timeout())
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new PhoneGatewayException("Twilio answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new PhoneGatewayException(
                    "Twilio could not be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PhoneGatewayException("Interrupted while sending");
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
