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
}
