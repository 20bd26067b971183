package org.openkyc.core.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.openkyc.core.Actor;
import org.openkyc.core.Problems;
import org.openkyc.core.crypto.PayloadCipher;
import org.openkyc.core.crypto.PayloadKeys;
import org.openkyc.core.crypto.Tokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Encrypted API payloads for integrators, with the crypto key of the private key's application (AES-256-CBC,
 * see {@link PayloadCipher}):
 *
 * <ul>
 *   <li>a JSON request body of the form {@code {"data":"<base64(iv ‖ ciphertext)>"}} (one member, a string) is
 *       decrypted and handled as if its plaintext had been sent;
 *   <li>with {@code X-OpenKYC-Encrypt-Response: true}, a JSON response (problems included) comes back as
 *       {@code {"data":"<base64(iv ‖ ciphertext)>"}}, and any other response (reports, media) as a stream of
 *       ciphertext whose IV is in the {@code X-OpenKYC-IV} header (base64); either way the response carries
 *       {@code X-OpenKYC-Encrypted: json} or {@code stream}.
 * </ul>
 *
 * Both need a private application key; a user token has no crypto key and is refused.
 */
final class PayloadEncryptionFilter extends OncePerRequestFilter {

    static final String ENCRYPT_RESPONSE = "X-OpenKYC-Encrypt-Response";
    static final String ENCRYPTED = "X-OpenKYC-Encrypted";
    static final String IV = "X-OpenKYC-IV";
    private static final int MAX_JSON_BODY = 1024 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PayloadKeys keys;

    PayloadEncryptionFilter(PayloadKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Actor actor = CurrentActor.of(request);
        if (actor == null) {
            // Unauthenticated: the request is refused further on, unencrypted, as any other.
            chain.doFilter(request, response);
            return;
        }
        boolean encryptResponse = "true".equalsIgnoreCase(request.getHeader(ENCRYPT_RESPONSE));
        HttpServletRequest handled = request;
        if (isJson(request.getContentType())) {
            byte[] body = request.getInputStream().readNBytes(MAX_JSON_BODY + 1);
            if (body.length > MAX_JSON_BODY) {
                ProblemResponses.write(
                        response,
                        Problems.of(
                                HttpStatus.CONTENT_TOO_LARGE,
                                "payload-too-large",
                                "Payload too large",
                                "A JSON body may be at most 1 MiB."));
                return;
            }
            Optional<String> encrypted = encryptedData(body);
            if (encrypted.isPresent()) {
                PayloadCipher cipher = cipher(actor);
                if (cipher == null) {
                    refuse(response);
                    return;
                }
                try {
                    body = cipher.decrypt(encrypted.get());
                } catch (IllegalArgumentException e) {
                    ProblemResponses.write(
                            response,
                            Problems.of(
                                    HttpStatus.BAD_REQUEST,
                                    "undecryptable-payload",
                                    "Payload does not decrypt",
                                    "The body's data is not base64(iv ‖ ciphertext) under the application's crypto"
                                            + " key."));
                    return;
                }
            }
            handled = new BodyRequest(request, body);
        }
        if (!encryptResponse) {
            chain.doFilter(handled, response);
            return;
        }
        PayloadCipher cipher = cipher(actor);
        if (cipher == null) {
            refuse(response);
            return;
        }
        EncryptingResponse encrypting = new EncryptingResponse(response, cipher);
        try {
            chain.doFilter(handled, encrypting);
        } finally {
            encrypting.finish();
        }
    }

    private @Nullable PayloadCipher cipher(@Nullable Actor actor) {
        if (actor == null || actor.applicationId() == null) {
            return null;
        }
        return keys.cipherFor(actor.applicationId()).orElse(null);
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        ProblemResponses.write(
                response,
                Problems.of(
                        HttpStatus.BAD_REQUEST,
                        "encryption-needs-application-key",
                        "Encryption needs a private key",
                        "Encrypted payloads use the crypto key of the application whose private key authenticates"
                                + " the request."));
    }

    private static boolean isJson(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || type.getSubtype().endsWith("+json");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The ciphertext of a body that is exactly {@code {"data": "<string>"}}. */
    private static Optional<String> encryptedData(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node != null
                    && node.isObject()
                    && node.size() == 1
                    && node.path("data").isString()) {
                return Optional.of(node.path("data").asString());
            }
        } catch (JacksonException e) {
            // not JSON: the handler reports it
        }
        return Optional.empty();
    }

    /** A request whose body has been read (and perhaps decrypted) already. */
    private static final class BodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /**
     * Holds back a JSON response to encrypt it whole, or encrypts any other response as it streams. Which one is
     * decided at the first write, from the content type the handler set.
     */
    private static final class EncryptingResponse extends HttpServletResponseWrapper {

        private final PayloadCipher cipher;
        private @Nullable ByteArrayOutputStream json;
        private @Nullable OutputStream stream;
        private @Nullable ServletOutputStream out;
        private @Nullable PrintWriter writer;

        EncryptingResponse(HttpServletResponse response, PayloadCipher cipher) {
            super(response);
            this.cipher = cipher;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (out == null) {
                OutputStream target = target();
                out = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        target.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        target.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }
            return out;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                writer = new PrintWriter(new OutputStreamWriter(
                        getOutputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            // the ciphertext has another length
        }

        @Override
        public void setContentLengthLong(long length) {
            // the ciphertext has another length
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (stream != null) {
                stream.flush();
                super.flushBuffer();
            }
        }

        private OutputStream target() throws IOException {
            if (isJson(getContentType())) {
                json = new ByteArrayOutputStream();
                return json;
            }
            byte[] iv = Tokens.randomBytes(PayloadCipher.IV_BYTES);
            super.setHeader(ENCRYPTED, "stream");
            super.setHeader(IV, Base64.getEncoder().encodeToString(iv));
            stream = cipher.encrypting(iv, getResponse().getOutputStream());
            return stream;
        }

        /** Writes the held-back JSON, encrypted, or the last block of a stream. */
        void finish() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (json != null) {
                byte[] wrapped = JSON.writeValueAsBytes(Map.of("data", cipher.encrypt(json.toByteArray())));
                super.setHeader(ENCRYPTED, "json");
                getResponse().setContentLength(wrapped.length);
                getResponse().getOutputStream().write(wrapped);
            } else if (stream != null) {
                stream.close();
            }
        }
    }
}
