package org.openapheresis.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/** What the attack probe found, each fixed at its cause and shown here against the real server. */
class HardeningTest {

    private static Unit unit;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    /** Sends a POST with a chunked body of {@code chunks} chunks of 100 kB; answers the status line. */
    private static String chunkedPost(String path, int chunks) throws IOException {
        try (Socket s = new Socket("localhost", unit.server.port())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[100_000];
            java.util.Arrays.fill(chunk, (byte) 'a');
            try {
                for (int i = 0; i < chunks; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // the server stops reading once the limit is passed and closes the connection
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) > 0) {
                got.write(buf, 0, n);
                if (got.toString(StandardCharsets.UTF_8).contains("\r\n\r\n")) {
                    break;
                }
            }
            return got.toString(StandardCharsets.UTF_8).lines().findFirst().orElse("");
        }
    }

    @Test
    void a_chunked_body_over_the_limit_is_413_without_signing_in_and_the_server_stays_up() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(chunkedPost("/api/login", 40)).contains("413");
        }
        assertThat(unit.api.get("/api/health", null).status()).isEqualTo(200);
        Api.Answer big = unit.api.post("/api/patients", unit.token(org.openapheresis.server.access.Role.NURSE),
                Map.of("givenName", "x".repeat(2_100_000)));
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.map()).containsEntry("maxBytes", 2_000_000);
    }

    /** Reads one HTTP/1.1 answer (a Content-Length or a chunked body) from the stream: its status line and headers. */
    private static String answerHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the server closed the connection after " + head.size() + " bytes: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = text.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).trim())).findFirst().orElse(0);
        in.readNBytes(length);
        if (text.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
            for (int size = -1; size != 0; ) {
                StringBuilder line = new StringBuilder();
                for (int b = in.read(); b != '\n'; b = in.read()) {
                    if (b < 0) {
                        throw new IOException("the server closed the connection inside a chunked answer");
                    }
                    line.append((char) b);
                }
                size = Integer.parseInt(line.toString().trim(), 16);
                in.readNBytes(size + 2);
            }
        }
        return text;
    }

    /**
     * A request refused before its body was read (here 401, nobody signed in) whose body arrives after the answer
     * was made: the server reads the body before answering, so the answer is not lost to a reset and the
     * connection stays open. Before, the server answered at once and closed the connection with the body still
     * coming; the body's bytes then reset the connection and a client could lose the answer (a loaded CI machine
     * lost it on every resend of one fuzz request).
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/orders", "/fhir", "/api/no-such-route"})
    void a_refused_request_whose_body_comes_late_is_answered_and_its_connection_kept(String path) throws Exception {
        unit.api.get("/fhir/metadata", null); // the FHIR face has started
        try (Socket s = new Socket("localhost", unit.server.port())) {
            s.setSoTimeout(15_000);
            OutputStream out = s.getOutputStream();
            byte[] body = ("{\"note\":\"" + "z".repeat(3000) + "\"}").getBytes(StandardCharsets.US_ASCII);
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write(body);
            out.flush();
            String first = answerHead(s.getInputStream());
            assertThat(first).startsWith(path.contains("no-such") ? "HTTP/1.1 404" : "HTTP/1.1 401")
                    .doesNotContainIgnoringCase("connection: close");
            out.write("GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(answerHead(s.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void every_answer_carries_the_browser_protections() {
        for (String path : new String[] {"/", "/api/health", "/api/openapi.json", "/js/app.js", "/api/no-such"}) {
            var headers = unit.api.get(path, null).raw().headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).get().asString()
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        }
    }

    private static long refusedCount(String route, String reason) {
        return unit.server.services().refused().since(java.time.Instant.EPOCH).stream()
                .filter(c -> c.route().equals(route) && c.reason().equals(reason))
                .mapToLong(org.openapheresis.server.audit.RefusedRequests.Count::requests).sum();
    }

    @Test
    void anonymous_requests_to_a_patient_route_add_no_audit_entry_and_are_counted_instead() {
        var audit = unit.server.services().audit();
        String chosen = "id-an-anonymous-caller-chose";
        long entries = audit.verify().entries();
        long none = refusedCount("GET /api/patients/{id}", "no-credentials");
        long bad = refusedCount("GET /api/patients/{id}", "bad-credentials");
        for (int i = 0; i < 100; i++) {
            assertThat(unit.api.get("/api/patients/" + chosen + i, null).status()).isEqualTo(401);
            assertThat(unit.api.get("/api/patients/" + chosen + i, "not-a-token-" + i).status()).isEqualTo(401);
        }
        assertThat(audit.verify().entries()).as("audit entries after 200 anonymous requests").isEqualTo(entries);
        assertThat(audit.entries(java.util.Optional.empty(), java.util.Optional.empty(), 1000))
                .noneMatch(e -> e.patientId() != null && e.patientId().startsWith(chosen));
        assertThat(refusedCount("GET /api/patients/{id}", "no-credentials") - none).isEqualTo(100);
        assertThat(refusedCount("GET /api/patients/{id}", "bad-credentials") - bad).isEqualTo(100);
    }

    @Test
    void a_signed_in_refusal_of_a_patient_route_is_still_audited_with_who_and_the_patient() {
        var audit = unit.server.services().audit();
        Api.Answer refused = unit.api.put("/api/patients/a-patient-lab-may-not-edit",
                unit.token(org.openapheresis.server.access.Role.LAB), Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(audit.entries(java.util.Optional.of("a-patient-lab-may-not-edit"), java.util.Optional.empty(), 10))
                .singleElement().satisfies(e -> {
                    assertThat(e.username()).isEqualTo("lab1");
                    assertThat(e.action()).isEqualTo("PUT /api/patients/{id}");
                    assertThat(e.outcome()).isEqualTo("403");
                });
    }

    @Test
    void a_signed_in_request_naming_a_patient_id_too_long_to_be_one_is_answered_404_and_audited_without_a_patient() {
        String path = "/api/patients/" + "x".repeat(100);
        Api.Answer a = unit.api.get(path, unit.token(org.openapheresis.server.access.Role.NURSE));
        assertThat(a.status()).as(a.body()).isEqualTo(404);
        assertThat(unit.server.services().audit().entries(java.util.Optional.empty(), java.util.Optional.empty(), 1000))
                .filteredOn(e -> e.resource().equals(path)).singleElement().satisfies(e -> {
                    assertThat(e.username()).isEqualTo("nurse1");
                    assertThat(e.outcome()).isEqualTo("404");
                    assertThat(e.patientId()).isNull();
                });
    }
}
