package org.openapheresis.server.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * The FHIR face at volume, on an embedded PostgreSQL: {@code FhirExportRun [PATIENTS] [SESSIONS_IN_THE_YEAR]}
 * (default 10,000 patients, 104 sessions). Makes one real patient through the API (an order, a running session with
 * vital signs, run values, an adverse event and calcium given), copies that session {@code SESSIONS_IN_THE_YEAR}
 * times for the same patient (twice a week for a year) and copies the patient with an order, two sessions and the
 * labs {@code PATIENTS} times, by SQL; then times {@code Patient/{id}/$everything} for the year's patient (the first
 * page and the walk of every page) and a system {@code $export} of everything (kick-off to manifest, then every
 * file downloaded), sampling the heap every 50 ms. Not a unit test: see docs/benchmarks.md.
 */
public final class FhirExportRun {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirExportRun() {
    }

    /** Copies the rows of {@code table} matching {@code where} for each g in 1..n, with the columns set anew. */
    private static void copy(Handle h, String table, String where, int n, String set) {
        h.execute("DROP TABLE IF EXISTS tmp_copy");
        h.execute("CREATE TEMP TABLE tmp_copy AS SELECT t.*, g AS copy_no, row_number() OVER () AS row_no FROM " + table
                + " t, generate_series(1, " + n + ") g WHERE " + where);
        h.execute("UPDATE tmp_copy SET " + set);
        h.execute("ALTER TABLE tmp_copy DROP COLUMN copy_no");
        h.execute("ALTER TABLE tmp_copy DROP COLUMN row_no");
        h.execute("INSERT INTO " + table + " SELECT * FROM tmp_copy");
    }

    public static void main(String[] args) throws Exception {
        int patients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int yearSessions = args.length > 1 ? Integer.parseInt(args[1]) : 104;
        try (Unit u = Unit.start(Databases.Kind.POSTGRESQL)) {
            String p0 = u.createPatient(Unit.mrn("YEAR"));
            String s0 = u.startedSession(u.signedOrder(p0));
            String nurse = u.token(Role.NURSE);
            String now = Unit.now();
            Unit.expect(u.api.post("/api/sessions/" + s0 + "/vitals", nurse, Map.of("time", now, "systolicMmHg", 118,
                    "diastolicMmHg", 72, "pulsePerMin", 80, "spo2Percent", 98, "temperatureC", 36.8)), 201);
            for (int i = 0; i < 6; i++) {
                Unit.expect(u.api.post("/api/sessions/" + s0 + "/run-values", nurse, Map.of("time", now, "source",
                        "machine", "inletFlowMlPerMin", 60 + i, "acFlowMlPerMin", 5, "processedVolumeMl", 500 * i)), 201);
            }
            Unit.expect(u.api.post("/api/sessions/" + s0 + "/adverse-events", nurse, Map.of("time", now, "type",
                    "citrate-reaction", "grade", "mild", "interrupted", false)), 201);
            Unit.expect(u.api.post("/api/sessions/" + s0 + "/fluids", nurse, Map.of("time", now, "fluid",
                    "calcium-gluconate-10", "volumeMl", 10)), 201);
            long t0 = System.nanoTime();
            u.server.services().db().jdbi().useTransaction(h -> {
                String o0 = h.createQuery("SELECT order_id FROM treatment_session WHERE id = :s").bind("s", s0)
                        .mapTo(String.class).one();
                // the year: the session and its entries, once per week day
                copy(h, "treatment_session", "t.id = '" + s0 + "'", yearSessions, "id = 'y-' || copy_no, "
                        + "planned_start = planned_start - (copy_no * 3.5 || ' days')::interval, machine_id = NULL");
                for (String entries : new String[] {"vital_sign", "run_value", "adverse_event", "fluid_given"}) {
                    copy(h, entries, "t.session_id = '" + s0 + "'", yearSessions, "id = '" + entries.charAt(0)
                            + "y-' || copy_no || '-' || row_no, session_id = 'y-' || copy_no");
                }
                // the population: people, an order each, two sessions each with their entries, the labs
                copy(h, "patient", "t.id = '" + p0 + "'", patients, "id = 'p-' || copy_no, mrn = 'BX-' || copy_no");
                copy(h, "clinical_order", "t.id = '" + o0 + "'", patients, "id = 'o-' || copy_no, patient_id = 'p-' "
                        + "|| copy_no");
                for (int k = 1; k <= 2; k++) {
                    copy(h, "treatment_session", "t.id = '" + s0 + "'", patients, "id = 's" + k + "-' || copy_no, "
                            + "order_id = 'o-' || copy_no, patient_id = 'p-' || copy_no, machine_id = NULL");
                    for (String entries : new String[] {"vital_sign", "run_value"}) {
                        copy(h, entries, "t.session_id = '" + s0 + "'", patients, "id = '" + entries.charAt(0) + k
                                + "-' || copy_no || '-' || row_no, session_id = 's" + k + "-' || copy_no");
                    }
                }
                copy(h, "lab_result", "t.patient_id = '" + p0 + "' AND t.session_id IS NULL", patients,
                        "id = 'l-' || copy_no || '-' || row_no, patient_id = 'p-' || copy_no");
                for (String t : new String[] {"patient", "clinical_order", "treatment_session", "vital_sign", "run_value",
                        "lab_result", "adverse_event", "fluid_given"}) {
                    h.execute("ANALYZE " + t);
                }
            });
            System.out.printf("copied: 1 patient with %d sessions, %d patients with 2 sessions each, in %.1f s%n",
                    yearSessions + 1, patients, (System.nanoTime() - t0) / 1e9);
            String base = "http://localhost:" + u.server.port() + "/fhir";
            String token = u.token(Role.PHYSICIAN);
            long[] first = new long[20];
            long[] walk = new long[20];
            int resources = 0;
            for (int i = 0; i < 25; i++) {
                long a = System.nanoTime();
                JsonNode page = JSON.readTree(get(base + "/Patient/" + p0 + "/$everything?_count=100", token).body());
                long b = System.nanoTime();
                int n = page.path("entry").size();
                while (next(page) != null) {
                    page = JSON.readTree(get(next(page), token).body());
                    n += page.path("entry").size();
                }
                long c = System.nanoTime();
                resources = n;
                if (i >= 5) {
                    first[i - 5] = b - a;
                    walk[i - 5] = c - a;
                }
            }
            Arrays.sort(first);
            Arrays.sort(walk);
            System.out.printf("$everything of a patient with %d sessions (%d resources): first page of 100 p50 %.0f ms "
                    + "p95 %.0f ms; all pages p50 %.0f ms p95 %.0f ms%n", yearSessions + 1, resources, first[10] / 1e6,
                    first[18] / 1e6, walk[10] / 1e6, walk[18] / 1e6);

            MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = mem.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long k0 = System.nanoTime();
            HttpResponse<String> kick = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/$export"))
                    .header("Authorization", "Bearer " + token).header("Prefer", "respond-async").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String status = kick.headers().firstValue("Content-Location").orElseThrow(() -> new IllegalStateException(
                    "kick-off " + kick.statusCode() + ": " + kick.body()));
            JsonNode manifest;
            while (true) {
                HttpResponse<String> r = get(status, token);
                if (r.statusCode() == 200) {
                    manifest = JSON.readTree(r.body());
                    break;
                }
                if (r.statusCode() != 202) {
                    throw new IllegalStateException(r.statusCode() + ": " + r.body());
                }
                Thread.sleep(200);
            }
            long k1 = System.nanoTime();
            long exported = 0;
            long bytes = 0;
            StringBuilder perType = new StringBuilder();
            for (JsonNode o : manifest.get("output")) {
                exported += o.get("count").asLong();
                perType.append(' ').append(o.get("type").asText()).append('=').append(o.get("count").asLong());
                HttpResponse<java.io.InputStream> f = HTTP.send(HttpRequest.newBuilder(URI.create(o.get("url").asText()))
                        .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                try (java.io.InputStream in = f.body()) {
                    bytes += in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            long k2 = System.nanoTime();
            sampler.interrupt();
            System.out.printf("$export of %d people: %d resources in %.1f s (%.0f resources/s), files downloaded in "
                    + "%.1f s (%.1f MB); heap before %.0f MB, peak during the export %.0f MB (max heap %.0f MB)%n%s%n",
                    patients + 1, exported, (k1 - k0) / 1e9, exported / ((k1 - k0) / 1e9), (k2 - k1) / 1e9, bytes / 1e6,
                    baseline / 1e6, peak.get() / 1e6, mem.getHeapMemoryUsage().getMax() / 1e6, perType);
        }
        System.exit(0);
    }

    private static String next(JsonNode bundle) {
        for (JsonNode l : bundle.path("link")) {
            if ("next".equals(l.path("relation").asText())) {
                return l.path("url").asText();
            }
        }
        return null;
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
