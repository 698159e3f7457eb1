package org.openapheresis.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapheresis.server.OpenApheresisServer;
import org.openapheresis.server.ServerConfig;

/** The jar's log: a refused FHIR request is a line, not an ERROR with a stack trace that buries real errors. */
class FhirLogTest {

    @TempDir
    Path dir;

    @Test
    void a_fhir_request_without_a_token_is_refused_401_without_an_error_or_stack_trace_in_the_log() throws Exception {
        ServerConfig config = ServerConfig.embedded(0, dir.resolve("data")).withAdminPassword(
                "admin-password-for-cli-tests").withBcryptCost(4);
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (OpenApheresisServer server = OpenApheresisServer.start(config,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.port() + "/fhir/Patient")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.body()).contains("OperationOutcome", "sign in first");
        } finally {
            System.setErr(err);
        }
        String printed = log.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("ERROR").doesNotContain("\tat ca.uhn").doesNotContain("AuthenticationException:"
                + " sign in first: send the bearer token from POST /api/login in the Authorization header\n\tat");
    }
}
