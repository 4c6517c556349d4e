package dev.rootline.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One request and its answer: query parameters, a bounded JSON body, JSON or byte responses with rootline's headers. */
final class Exchange {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Annotation bodies are small; anything larger is refused before it is read whole. */
    private static final int MAX_BODY = 64 * 1024;

    /** What the page's own scripts and styles need, and nothing else: no inline script or style, no other origin. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final HttpExchange http;
    private final Map<String, String> params;

    Exchange(HttpExchange http) {
        this.http = http;
        this.params = parse(http.getRequestURI().getRawQuery());
    }

    HttpExchange http() {
        return http;
    }

    String method() {
        return http.getRequestMethod();
    }

    String path() {
        return http.getRequestURI().getPath();
    }

    String header(String name) {
        return http.getRequestHeaders().getFirst(name);
    }

    /** A query parameter, or null when absent or blank. */
    String param(String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    String param(String name, String fallback) {
        String v = param(name);
        return v == null ? fallback : v;
    }

    int intParam(String name, int fallback, int min, int max) {
        String v = param(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw ApiError.badRequest(name + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number, got '" + v + "'");
        }
    }

    /** The request body as JSON (an empty body is an empty object). */
    JsonNode jsonBody() throws IOException {
        String type = header("Content-Type");
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiError(415, "send application/json");
        }
        try (InputStream in = http.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ApiError(413, "the body is larger than " + MAX_BODY + " bytes");
            }
            if (body.length == 0) {
                return JSON.createObjectNode();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw ApiError.badRequest("the body is not JSON");
            }
        }
    }

    /** Writes a JSON response produced by {@code body}. */
    void json(int status, JsonBody body) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = JSON.getFactory().createGenerator(buf)) {
            body.write(g);
        }
        bytes(status, "application/json; charset=utf-8", buf.toByteArray());
    }

    void error(ApiError e) throws IOException {
        json(e.status(), g -> {
            g.writeStartObject();
            g.writeStringField("error", e.getMessage());
            if (e.position() >= 0) {
                g.writeNumberField("position", e.position());
            }
            g.writeEndObject();
        });
    }

    void bytes(int status, String contentType, byte[] body) throws IOException {
        securityHeaders(CSP);
        http.getResponseHeaders().set("Content-Type", contentType);
        if (http.getResponseHeaders().getFirst("Cache-Control") == null) {
            http.getResponseHeaders().set("Cache-Control", "no-store");
        }
        boolean head = "HEAD".equals(method());
        http.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head) {
            try (OutputStream out = http.getResponseBody()) {
                out.write(body);
            }
        }
        http.close();
    }

    void redirect(String location) throws IOException {
        securityHeaders(CSP);
        http.getResponseHeaders().set("Location", location);
        http.sendResponseHeaders(303, -1);
        http.close();
    }

    void securityHeaders(String csp) {
        var h = http.getResponseHeaders();
        h.set("Content-Security-Policy", csp);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Cross-Origin-Opener-Policy", "same-origin");
        h.set("Cross-Origin-Resource-Policy", "same-origin");
    }

    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("a query parameter is not valid URL encoding");
            }
        }
        return out;
    }

    /** Writes one JSON document. */
    @FunctionalInterface
    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }
}
