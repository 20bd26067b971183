package org.openkyc.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client for OpenKYC's HTTP API over a real socket. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private @Nullable String bearer;
    private @Nullable String mode;
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

    public Api(String base) {
        this.base = base;
    }

    /** The same client sending one more header. */
    public Api header(String name, String value) {
        Api api = as(bearer);
        api.headers.putAll(headers);
        api.headers.put(name, value);
        return api;
    }

    /** The same client sending {@code Authorization: Bearer credential}. */
    public Api as(@Nullable String credential) {
        Api api = new Api(base);
        api.bearer = credential;
        api.mode = mode;
        api.headers.putAll(headers);
        return api;
    }

    /** The same client sending {@code X-OpenKYC-Mode}. */
    public Api inMode(String mode) {
        Api api = new Api(base);
        api.bearer = bearer;
        api.mode = mode;
        api.headers.putAll(headers);
        return api;
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, @Nullable Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public Response send(String method, String path, @Nullable Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(
                                        body instanceof String s ? s : JSON.writeValueAsString(body)))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return exchange(request);
    }

    private Response exchange(HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (mode != null) {
            request.header("X-OpenKYC-Mode", mode);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(), response.body(), response.headers().map());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts a multipart form: the text fields, then one file. */
    public Response upload(
            String path, Map<String, String> fields, String fileField, String filename, String type, byte[] data) {
        return upload(path, fields, fileField, type, java.util.List.of(data), filename);
    }

    /** Posts a multipart form: the text fields, then files under one name ({@code <index>-<filename>} each). */
    public Response upload(
            String path,
            Map<String, String> fields,
            String fileField,
            String type,
            java.util.List<byte[]> files,
            String filename) {
        String boundary = "openkyc" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        for (int i = 0; i < files.size(); i++) {
            String name = files.size() == 1 ? filename : i + "-" + filename;
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                            + "\"; filename=\"" + name + "\"\r\nContent-Type: " + type + "\r\n\r\n")
                    .getBytes(utf8));
            body.writeBytes(files.get(i));
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        return exchange(request);
    }

    /** An answer: status, raw body and the body as JSON when it is JSON. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().get(field).asString();
        }

        public String contentType() {
            return headers.getOrDefault("content-type", java.util.List.of("")).getFirst();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
