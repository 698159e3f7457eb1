package org.openapheresis.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;

/**
 * The real server on a random port with a fresh embedded H2 database, plus a tiny JSON client for setting
 * up accounts and for checking what the API itself allows (the browser is the thing under test).
 */
final class UiServer implements AutoCloseable {

    static final String ADMIN_PASSWORD = "admin-password-for-ui-tests";
    static final String PHYSICIAN = "dr.ada";
    static final String NURSE = "nurse.ben";
    static final String PASSWORD = "amber ferry quartz 58";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dataDir;
    private final OpenApheresisServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The demo staff password the seed printed (demo only), else null. */
    final String demoPassword;

    UiServer() throws IOException {
        this(false);
    }

    /** With {@code demo}, the unit is seeded as {@code serve --demo} seeds it. */
    UiServer(boolean demo) throws IOException {
        dataDir = Files.createTempDirectory("openapheresis-ui-db-");
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        server = OpenApheresisServer.start(ServerConfig.embedded(0, dataDir).withAdminPassword(ADMIN_PASSWORD)
                .withBcryptCost(4).withDemo(demo), new PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Demo staff password[^:]*: (\\S+)")
                .matcher(printed.toString(java.nio.charset.StandardCharsets.UTF_8));
        demoPassword = m.find() ? m.group(1) : null;
        String admin = login("admin", ADMIN_PASSWORD);
        call("POST", "/api/users", admin, Map.of("username", PHYSICIAN, "password", PASSWORD, "role", "physician",
                "displayName", "Dr Ada Lovelace"));
        call("POST", "/api/users", admin, Map.of("username", NURSE, "password", PASSWORD, "role", "nurse",
                "displayName", "Ben Nightingale"));
        if (!demo) { // the demo unit has its own machines and chairs
            for (String machine : new String[] {"Optia 1", "Optia 2"}) {
                call("POST", "/api/machines", admin, Map.of("name", machine, "device", "continuous-flow", "model",
                        "Spectra Optia"));
            }
            for (int i = 1; i <= 4; i++) {
                call("POST", "/api/chairs", admin, Map.of("name", "Chair " + i));
            }
        }
    }

    String baseUrl() {
        return "http://localhost:" + server.port();
    }

    /** Logs in over the API and answers the bearer token. */
    String login(String username, String password) {
        return call("POST", "/api/login", null, Map.of("username", username, "password", password)).body()
                .get("token").asText();
    }

    record Answer(int status, JsonNode body) {
    }

    Answer call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Accept", "application/json");
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node = res.body().isBlank() ? JSON.nullNode() : JSON.readTree(res.body());
            return new Answer(res.statusCode(), node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        try (var walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
