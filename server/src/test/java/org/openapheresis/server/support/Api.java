package org.openapheresis.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openapheresis.server.json.Json;

/** A small JSON client of the real server on a port, with java.net.http. */
public final class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** An answer: status, raw body and headers. */
    public record Answer(int status, String body, HttpResponse<String> raw) {

        public Object json() {
            return Json.parse(body);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map() {
            return (Map<String, Object>) json();
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list() {
            return (List<Map<String, Object>>) json();
        }

        public String id() {
            return (String) map().get("id");
        }
    }

    public Answer send(String method, String path, String token, String body, Map<String, String> headers) {
        return send(CLIENT, method, path, token, body, headers);
    }

    /**
     * Sends on a connection of its own (a new client, nothing pooled): a request sent again after a lost connection
     * then cannot meet another pooled connection the server closed meanwhile.
     */
    public Answer sendUnpooled(String method, String path, String token, String body) {
        HttpClient own = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return send(own, method, path, token, body, Map.of());
    }

    private Answer send(HttpClient client, String method, String path, String token, String body,
            Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Answer get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Answer post(String path, String token, Object body) {
        return send("POST", path, token, body instanceof String s ? s : Json.write(body), Map.of());
    }

    public Answer put(String path, String token, Object body) {
        return send("PUT", path, token, body instanceof String s ? s : Json.write(body), Map.of());
    }

    /** Logs in and returns the token (fails the test on anything but 200). */
    public String login(String username, String password) {
        Answer a = post("/api/login", null, Map.of("username", username, "password", password));
        if (a.status() != 200) {
            throw new AssertionError("login of " + username + " gave " + a.status() + ": " + a.body());
        }
        return (String) a.map().get("token");
    }
}
