package org.openapheresis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.ServerMain;
import org.openapheresis.server.support.Unit;

/**
 * A write answered 2xx survives the server process being killed (SIGKILL, no shutdown hook) and restarted: the
 * server runs in its own JVM on the embedded H2 database, the test writes, kills it with
 * {@link Process#destroyForcibly()} right after the last answer, restarts it and finds every acknowledged write.
 */
class DurabilityTest {

    private static Process launch(Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", ServerMain.class.getName(), data.toString());
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static int awaitReady(Process p) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        List<String> seen = new ArrayList<>();
        while ((line = r.readLine()) != null) {
            seen.add(line);
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (r.readLine() != null) {
                            // keep the pipe from filling
                        }
                    } catch (IOException e) {
                        // the process was killed
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(line.substring(6).trim());
            }
        }
        throw new AssertionError("the server process ended before it was ready: " + seen);
    }

    @Test
    void every_acknowledged_write_survives_kill_minus_9_and_restart() throws Exception {
        Path data = Databases.tempDir();
        Process first = launch(data);
        List<String> ids = new ArrayList<>();
        String session;
        int runValues = 0;
        try {
            Api api = new Api(awaitReady(first));
            String admin = api.login("admin", Databases.ADMIN_PASSWORD);
            Unit.expect(api.post("/api/users", admin, Map.of("username", "nurse1", "password", Unit.STAFF_PASSWORD,
                    "role", "nurse", "displayName", "N")), 201);
            Unit.expect(api.post("/api/users", admin, Map.of("username", "dr1", "password", Unit.STAFF_PASSWORD,
                    "role", "physician", "displayName", "D")), 201);
            String nurse = api.login("nurse1", Unit.STAFF_PASSWORD);
            String dr = api.login("dr1", Unit.STAFF_PASSWORD);
            for (int i = 0; i < 20; i++) {
                ids.add(Unit.expect(api.post("/api/patients", nurse, Unit.msRelapsePatient("MRN-D-" + i)), 201).id());
            }
            String order = Unit.expect(api.post("/api/orders", dr, Unit.plasmaExchangeOrder(ids.get(0))), 201).id();
            Unit.expect(api.post("/api/orders/" + order + "/acknowledge", dr, ""), 200);
            Unit.expect(api.post("/api/orders/" + order + "/sign", dr, ""), 200);
            session = Unit.expect(api.post("/api/sessions", nurse, Map.of("orderId", order, "plannedStart",
                    Unit.at(2, "08:30"))), 201).id();
            Unit.expect(api.post("/api/sessions/" + session + "/start", nurse,
                    Unit.acknowledgingPlanWarnings(api, nurse, session)), 200);
            for (int i = 0; i < 50; i++) {
                Unit.expect(api.post("/api/sessions/" + session + "/run-values", nurse, Map.of("time",
                        Unit.now(), "source", "machine",
                        "processedVolumeMl", 100 * i)), 201);
                runValues++;
            }
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        Process second = launch(data);
        try {
            Api api = new Api(awaitReady(second));
            String nurse = api.login("nurse1", Unit.STAFF_PASSWORD);
            for (String id : ids) {
                assertThat(api.get("/api/patients/" + id, nurse).status()).as(id).isEqualTo(200);
            }
            Map<String, Object> record = Unit.expect(api.get("/api/sessions/" + session + "/record", nurse), 200).map();
            assertThat((List<?>) record.get("runValues")).hasSize(runValues);
            String admin = api.login("admin", Databases.ADMIN_PASSWORD);
            assertThat(api.get("/api/audit/verify", admin).map()).containsEntry("valid", true);
        } finally {
            second.destroyForcibly();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
