package org.openkyc.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A cookie-keeping HTTP client that fills in workplace forms, CSRF token included, like a browser would. */
public final class FormClient {

    private final String base;
    private final HttpClient http;

    public FormClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * A client signed in to the workplace as {@code email} with the tests' password; a refused sign-in fails.
     */
    public static FormClient signedIn(String base, String email) {
        FormClient client = new FormClient(base);
        Page done = client.submit(client.get("/signin"), Map.of("email", email, "password", SignUps.PASSWORD));
        String location = done.location();
        if (location == null || location.contains("error")) {
            throw new IllegalStateException("sign-in of " + email + " refused: " + location);
        }
        return client;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A download's bytes (an answer other than 200 fails). */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a form with the CSRF token of the page it came from. */
    public Page submit(Page from, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", from.csrf());
        return post(from.formAction(), all);
    }

    /** Posts without any CSRF token, as a forged cross-site form would. */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends JSON as the workplace's own scripts do, with the CSRF token in a header. */
    public Page json(String method, String path, String json, String csrf) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-CSRF-TOKEN", csrf)
                .method(method, HttpRequest.BodyPublishers.ofString(json)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Location").orElse(""));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page as served: status, HTML and where a redirect points. */
    public record Page(int status, String html, String location) {

        public Document document() {
            return Jsoup.parse(html);
        }

        public String csrf() {
            Element input = document().selectFirst("input[name=_csrf]");
            if (input == null) {
                throw new AssertionError("No CSRF token on the page:\n" + html);
            }
            return input.attr("value");
        }

        /** The action of the page's first own form (not the header's). */
        public String formAction() {
            Element input = document().selectFirst("main form:has(input[name=_csrf])");
            if (input == null) {
                throw new AssertionError("No form on the page");
            }
            return input.attr("action");
        }
    }
}
