package org.openapheresis.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.AccessPolicy;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * A unit that names its EHR's MRN system ({@code serve --fhir-mrn-system}): its Patients carry their MRN in that
 * system, a search by identifier in it finds them and one in the project's default system does not, and a lab
 * import matches its subject by it.
 */
class FhirMrnSystemTest {

    private static final String SYSTEM = "urn:oid:2.16.840.1.113883.19.5";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Unit unit;
    private static String mrn;
    private static String patientId;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.config(Databases.Kind.H2).withMrnSystem(SYSTEM), AccessPolicy.contract(),
                List.of());
        mrn = Unit.mrn("SYS");
        patientId = unit.createPatient(mrn);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + unit.server.port() + path))
                .header("Authorization", "Bearer " + unit.token(Role.PHYSICIAN))
                .header("Accept", "application/fhir+json");
        if (body != null) {
            b.header("Content-Type", "application/fhir+json");
        }
        return CLIENT.send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Bundle search(String system) throws Exception {
        HttpResponse<String> r = send("GET", "/fhir/Patient?identifier=" + URLEncoder.encode(system + "|" + mrn,
                StandardCharsets.UTF_8), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (Bundle) R4Validation.context().newJsonParser().parseResource(r.body());
    }

    @Test
    void the_patient_carries_its_mrn_in_the_unit_s_system_and_is_found_by_it_only() throws Exception {
        HttpResponse<String> read = send("GET", "/fhir/Patient/" + patientId, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(R4Validation.errors(read.body())).isEmpty();
        Patient p = (Patient) R4Validation.context().newJsonParser().parseResource(read.body());
        assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo(SYSTEM);
        assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo(mrn);
        assertThat(search(SYSTEM).getEntry()).hasSize(1);
        assertThat(search(FhirSystems.MRN).getEntry()).as("the project's default system is not this unit's").isEmpty();
    }

    @Test
    void a_lab_import_finds_its_subject_by_the_unit_s_system_and_refuses_another() throws Exception {
        String entry = """
                {"fullUrl": "urn:uuid:%s", "request": {"method": "POST", "url": "Observation"},
                 "resource": {"resourceType": "Observation", "status": "final",
                  "code": {"coding": [{"system": "http://loinc.org", "code": "777-3"}]},
                  "subject": {"identifier": {"system": "%s", "value": "%s"}},
                  "effectiveDateTime": "%s",
                  "valueQuantity": {"value": 210, "unit": "10*9/L", "system": "http://unitsofmeasure.org",
                   "code": "10*9/L"}}}""";
        String now = java.time.Instant.now().minusSeconds(3600).toString();
        String ours = "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [" + String.format(entry,
                java.util.UUID.randomUUID(), SYSTEM, mrn, now) + "]}";
        HttpResponse<String> ok = send("POST", "/fhir", ours);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        String theirs = "{\"resourceType\": \"Bundle\", \"type\": \"transaction\", \"entry\": [" + String.format(entry,
                java.util.UUID.randomUUID(), FhirSystems.MRN, mrn, now) + "]}";
        HttpResponse<String> refused = send("POST", "/fhir", theirs);
        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.body()).contains("resource.subject").contains(SYSTEM);
    }
}
