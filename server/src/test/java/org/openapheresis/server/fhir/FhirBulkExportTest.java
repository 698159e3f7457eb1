package org.openapheresis.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * FHIR Bulk Data export driven as an integration drives it: HAPI's generic client for the kick-off, then the
 * status URL polled until the manifest, and every NDJSON file downloaded, parsed and validated.
 */
class FhirBulkExportTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Unit unit;
    private static final List<String> PATIENTS = new ArrayList<>();
    /**
     * Lines validated per file: each file holds one type made by one mapper, and FhirRecordTest validates every
     * kind of resource in full; validating every line of every export would cost a minute of the test command.
     */
    private static final int VALIDATED_PER_FILE = 5;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
        for (int i = 0; i < 3; i++) {
            String p = unit.createPatient(Unit.mrn("BULK" + i));
            PATIENTS.add(p);
            unit.signedOrder(p);
        }
        unit.startedSession(unit.signedOrder(PATIENTS.get(0)));
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static String base() {
        return "http://localhost:" + unit.server.port() + "/fhir";
    }

    private static IGenericClient client(Role role) {
        R4Validation.context().getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient c = R4Validation.context().newRestfulGenericClient(base());
        c.registerInterceptor(new BearerTokenAuthInterceptor(unit.token(role)));
        return c;
    }

    /** The kick-off by the generic client; answers the status URL. */
    private static String kickOff(Role role, String level, Map<String, String> params) {
        var op = ("Patient".equals(level) ? client(role).operation().onType(Patient.class)
                : client(role).operation().onServer()).named("$export");
        Parameters in = new Parameters();
        params.forEach((k, v) -> in.addParameter(k, v));
        MethodOutcome out = (params.isEmpty() ? op.withNoParameters(Parameters.class) : op.withParameters(in))
                .useHttpGet().withAdditionalHeader("Prefer", "respond-async").returnMethodOutcome().execute();
        assertThat(out.getResponseStatusCode()).isEqualTo(202);
        return out.getFirstResponseHeader("Content-Location").orElseThrow();
    }

    private static HttpResponse<String> send(String method, String url, Role role) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + unit.token(role)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the manifest (202 with X-Progress meanwhile). */
    private static JsonNode manifest(String statusUrl, Role role) throws Exception {
        for (int i = 0; i < 300; i++) {
            HttpResponse<String> r = send("GET", statusUrl, role);
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            assertThat(r.headers().firstValue("X-Progress")).isPresent();
            Thread.sleep(100);
        }
        throw new AssertionError("the export did not finish");
    }

    /** Each file of the manifest: its resources, by type. */
    private static Map<String, List<IBaseResource>> files(JsonNode manifest, Role role) {
        Map<String, List<IBaseResource>> out = new LinkedHashMap<>();
        for (JsonNode o : manifest.get("output")) {
            HttpResponse<String> r = send("GET", o.get("url").asText(), role);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+ndjson");
            List<IBaseResource> resources = new ArrayList<>();
            int validated = 0;
            for (String line : r.body().split("\n")) {
                if (!line.isBlank()) {
                    if (validated++ < VALIDATED_PER_FILE) {
                        assertThat(R4Validation.errors(line)).as(line).isEmpty();
                    }
                    resources.add(R4Validation.context().newJsonParser().parseResource(line));
                }
            }
            assertThat(resources).hasSize(o.get("count").asInt());
            assertThat(resources).allMatch(x -> x.fhirType().equals(o.get("type").asText()));
            out.put(o.get("type").asText(), resources);
        }
        return out;
    }

    private static List<String> ids(List<IBaseResource> rs) {
        return rs.stream().map(r -> r.getIdElement().getIdPart()).toList();
    }

    @Test
    void a_system_export_answers_a_manifest_of_valid_ndjson_files_one_type_per_file() throws Exception {
        String status = kickOff(Role.PHYSICIAN, "system", Map.of());
        assertThat(status).startsWith(base() + "/$export-poll-status?_jobId=");
        JsonNode m = manifest(status, Role.PHYSICIAN);
        assertThat(m.get("requiresAccessToken").asBoolean()).isTrue();
        assertThat(m.get("transactionTime").asText()).isNotBlank();
        Map<String, List<IBaseResource>> files = files(m, Role.PHYSICIAN);
        assertThat(files.keySet()).contains("Patient", "ServiceRequest", "Procedure", "Observation", "Practitioner",
                "Device");
        assertThat(ids(files.get("Patient"))).containsAll(PATIENTS);
        assertThat(files.get("ServiceRequest")).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void type_limits_the_files_and_a_patient_level_export_has_no_unit_resources() throws Exception {
        JsonNode m = manifest(kickOff(Role.PHYSICIAN, "Patient", Map.of("_type", "Patient,Procedure")),
                Role.PHYSICIAN);
        assertThat(files(m, Role.PHYSICIAN).keySet()).containsExactly("Patient", "Procedure");
        HttpResponse<String> r = send("GET", base() + "/Patient/$export?_type=Device", Role.PHYSICIAN, "respond-async");
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void since_after_every_change_exports_nothing_that_did_not_change() throws Exception {
        String soon = java.time.Instant.now().minusMillis(1).toString();
        Thread.sleep(20);
        JsonNode m = manifest(kickOff(Role.PHYSICIAN, "system", Map.of("_type", "Patient,ServiceRequest",
                "_since", soon)), Role.PHYSICIAN);
        assertThat(m.get("output")).isEmpty();
    }

    @Test
    void billing_exports_patients_without_asking_and_is_refused_observations() throws Exception {
        JsonNode m = manifest(kickOff(Role.BILLING, "system", Map.of()), Role.BILLING);
        assertThat(files(m, Role.BILLING).keySet()).doesNotContain("Observation", "Procedure", "ServiceRequest")
                .contains("Patient");
        HttpResponse<String> r = send("GET", base() + "/$export?_type=Observation", Role.BILLING, "respond-async");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(R4Validation.context().newJsonParser().parseResource(r.body())).isInstanceOf(OperationOutcome.class);
    }

    @Test
    void bad_kick_offs_are_operation_outcomes_naming_the_problem() {
        HttpResponse<String> noPrefer = send("GET", base() + "/$export", Role.PHYSICIAN);
        assertThat(noPrefer.statusCode()).isEqualTo(400);
        assertThat(noPrefer.body()).contains("respond-async");
        HttpResponse<String> future = send("GET", base() + "/$export?_since=2999-01-01T00:00:00Z", Role.PHYSICIAN,
                "respond-async");
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("in the future");
        HttpResponse<String> unknown = send("GET", base() + "/$export?_type=Banana", Role.PHYSICIAN, "respond-async");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Banana");
        HttpResponse<String> format = send("GET", base() + "/$export?_outputFormat=text/csv", Role.PHYSICIAN,
                "respond-async");
        assertThat(format.statusCode()).isEqualTo(400);
    }

    @Test
    void only_the_requester_follows_a_job_and_delete_removes_it() throws Exception {
        String status = kickOff(Role.PHYSICIAN, "system", Map.of("_type", "Patient"));
        manifest(status, Role.PHYSICIAN);
        assertThat(send("GET", status, Role.NURSE).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", status, Role.PHYSICIAN).statusCode()).isEqualTo(202);
        assertThat(send("GET", status, Role.PHYSICIAN).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> send(String method, String url, Role role, String prefer) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", "Bearer " + unit.token(role)).header("Prefer", prefer).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
