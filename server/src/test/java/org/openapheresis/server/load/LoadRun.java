package org.openapheresis.server.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.json.Json;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * Load run of the real server on loopback: {@code LoadRun plans|orders|starts|run-values|run-values-batchN|ratios
 * h2|postgresql SECONDS CLIENTS} ({@code run-values-batch10}: ten samples per request, as a machine interface sends
 * them; {@code orders}: {@code POST /api/orders} for one patient; {@code starts}: each request starts one of
 * {@code -Dload.sessions} sessions scheduled beforehand, until they run out).
 * Closed loop: each client thread sends the next request when the last is answered. Prints requests per second
 * and latency percentiles of the measured phase (after a warm-up of a third of the time). Not a unit test:
 * see docs/benchmarks.md for the command and the results.
 */
public final class LoadRun {

    private LoadRun() {
    }

    public static void main(String[] args) throws Exception {
        String what = args[0];
        Databases.Kind kind = Databases.Kind.valueOf(args[1].toUpperCase(java.util.Locale.ROOT));
        int seconds = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        if (what.equals("ratios")) {
            ratios(kind, seconds);
            return;
        }
        try (Unit unit = Unit.start(kind)) {
            String base = "http://localhost:" + unit.server.port();
            String path;
            String body;
            String token;
            java.util.function.IntFunction<String> pathOf;
            if (what.equals("plans")) {
                path = "/api/plans";
                body = Files.readString(Path.of("examples", "ms-relapse-plasma-exchange.json"));
                token = unit.token(Role.PHYSICIAN);
                pathOf = i -> "/api/plans";
            } else if (what.equals("orders")) {
                String patient = unit.createPatient("MRN-LOAD-1");
                path = "/api/orders";
                body = Json.write(Unit.plasmaExchangeOrder(patient));
                token = unit.token(Role.PHYSICIAN);
                pathOf = i -> "/api/orders";
            } else if (what.equals("starts")) {
                // each request starts a session of its own: scheduled beforehand, one per request
                String patient = unit.createPatient("MRN-LOAD-1");
                String order = unit.signedOrder(patient);
                int n = Integer.getInteger("load.sessions", 2000);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    ids.add(unit.scheduledSession(order));
                }
                token = unit.token(Role.NURSE);
                body = Json.write(Unit.acknowledgingPlanWarnings(unit.api, token, ids.get(0)));
                path = "/api/sessions/{id}/start";
                pathOf = i -> i < ids.size() ? "/api/sessions/" + ids.get(i) + "/start" : null;
            } else {
                String patient = unit.createPatient("MRN-LOAD-1");
                String session = unit.startedSession(unit.signedOrder(patient));
                path = "/api/sessions/" + session + "/run-values";
                Map<String, Object> sample = runValue();
                int batch = what.startsWith("run-values-batch") ? Integer.parseInt(what.substring(16)) : 1;
                body = Json.write(batch == 1 ? sample : Map.of("samples", java.util.Collections.nCopies(batch, sample)));
                token = unit.token(Role.NURSE);
                String fixed = path;
                pathOf = i -> fixed;
            }
            if (System.getProperty("load.wrk") != null) {
                // serve only: an external generator (wrk) sends the load; see docs/benchmarks.md
                Path bodyFile = Path.of(System.getProperty("load.wrk"));
                Files.writeString(bodyFile, body);
                System.out.println("WRK " + base + path + " " + token + " " + bodyFile);
                System.out.flush();
                Thread.sleep(seconds * 1000L);
                System.exit(0);
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String tokenUsed = token;
            String bodyUsed = body;
            java.util.concurrent.atomic.AtomicInteger counter = new java.util.concurrent.atomic.AtomicInteger();
            long warmupEnd = System.nanoTime() + seconds * 1_000_000_000L / 3;
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            AtomicLong errors = new AtomicLong();
            List<long[]> perThread = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long[] measuredStart = {0};
            for (int c = 0; c < clients; c++) {
                long[] lat = new long[5_000_000 / clients];
                perThread.add(lat);
                int idx = c;
                Thread t = new Thread(() -> {
                    int n = 0;
                    try {
                        while (System.nanoTime() < end) {
                            String p = pathOf.apply(counter.getAndIncrement());
                            if (p == null) {
                                break; // every prepared session was started
                            }
                            HttpRequest request = HttpRequest.newBuilder(URI.create(base + p))
                                    .header("Authorization", "Bearer " + tokenUsed)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodyUsed)).build();
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
                            long t1 = System.nanoTime();
                            if (r.statusCode() >= 300) {
                                errors.incrementAndGet();
                            }
                            if (t0 >= warmupEnd && n < lat.length - 1) {
                                lat[++n] = t1 - t0;
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    lat[0] = n;
                }, "load-" + idx);
                threads.add(t);
            }
            measuredStart[0] = warmupEnd;
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            double measuredSeconds = (Math.min(end, System.nanoTime()) - warmupEnd) / 1e9;
            List<Long> all = new ArrayList<>();
            for (long[] lat : perThread) {
                for (int i = 1; i <= lat[0]; i++) {
                    all.add(lat[i]);
                }
            }
            long[] sorted = all.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            System.out.printf(java.util.Locale.ROOT,
                    "%s on %s, %d clients, %d s measured: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, "
                            + "max %.2f ms, errors %d%n", what, kind, clients, (long) measuredSeconds, sorted.length,
                    sorted.length / measuredSeconds, pct(sorted, 50), pct(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors.get());
        }
        System.exit(0);
    }

    /**
     * Serves for {@code seconds} with everything the one-run comparison of {@code bench/load-run.sh} needs, and
     * prints one line per target: {@code TARGET name method url token bodyFile} for run values (durable write),
     * the audited session read, the plan and {@code /api/me}, and {@code PGBENCH port user database} for the
     * database itself, so that pgbench and wrk measure the same PostgreSQL in one run.
     */
    private static void ratios(Databases.Kind kind, int seconds) throws Exception {
        try (Unit unit = Unit.start(kind)) {
            String base = "http://localhost:" + unit.server.port();
            String patient = unit.createPatient("MRN-LOAD-1");
            String session = unit.startedSession(unit.signedOrder(patient));
            String nurse = unit.token(Role.NURSE);
            Path dir = Files.createTempDirectory("load-run");
            Path sample = dir.resolve("run-value.json");
            Files.writeString(sample, Json.write(runValue()));
            Path plan = dir.resolve("plan.json");
            Files.writeString(plan, Files.readString(Path.of("examples", "ms-relapse-plasma-exchange.json")));
            System.out.println("TARGET run-values POST " + base + "/api/sessions/" + session + "/run-values " + nurse
                    + " " + sample);
            System.out.println("TARGET session-read GET " + base + "/api/sessions/" + session + " " + nurse + " -");
            System.out.println("TARGET plans POST " + base + "/api/plans " + nurse + " " + plan);
            System.out.println("TARGET me GET " + base + "/api/me " + nurse + " -");
            if (kind == Databases.Kind.POSTGRESQL) {
                System.out.println("PGBENCH " + Databases.postgres().getPort() + " postgres postgres");
            }
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(seconds * 1000L);
        }
        System.exit(0);
    }

    /** One machine sample of a plasma exchange, timed now. */
    private static Map<String, Object> runValue() {
        return Map.of("time", Unit.now(), "source", "machine", "inletFlowMlPerMin", 60, "acFlowMlPerMin", 5,
                "processedVolumeMl", 1500, "removedVolumeMl", 800, "replacementVolumeMl", 790, "fluidBalanceMl", 10);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}
