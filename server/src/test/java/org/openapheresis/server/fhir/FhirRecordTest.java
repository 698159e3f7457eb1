package org.openapheresis.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Procedure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * What a session records as FHIR R4: vital signs, run values, adverse events and drugs given, the staff and the
 * machines, and the whole record of a patient by {@code $everything}; every resource valid R4.
 */
class FhirRecordTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Unit unit;
    private static String patientId;
    private static String sessionId;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
        patientId = unit.createPatient(Unit.mrn("REC"));
        sessionId = unit.startedSession(unit.signedOrder(patientId));
        String now = Unit.now();
        Unit.expect(unit.api.post("/api/sessions/" + sessionId + "/vitals", unit.token(Role.NURSE), Map.of("time", now,
                "systolicMmHg", 118, "diastolicMmHg", 72, "pulsePerMin", 80, "spo2Percent", 98, "temperatureC", 36.8)),
                201);
        Unit.expect(unit.api.post("/api/sessions/" + sessionId + "/run-values", unit.token(Role.NURSE),
                Map.of("time", now, "source", "nurse", "inletFlowMlPerMin", 60, "acFlowMlPerMin", 5, "processedVolumeMl", 1200)), 201);
        Unit.expect(unit.api.post("/api/sessions/" + sessionId + "/adverse-events", unit.token(Role.NURSE),
                Map.of("time", now, "type", "citrate-reaction", "grade", "moderate", "actionTaken",
                        "calcium gluconate 10 mL i.v.", "interrupted", false, "notes", "perioral tingling")), 201);
        Unit.expect(unit.api.post("/api/sessions/" + sessionId + "/fluids", unit.token(Role.NURSE), Map.of("time", now,
                "fluid", "calcium-gluconate-10", "volumeMl", 10)), 201);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static String get(String path, Role role) {
        String url = path.startsWith("http") ? path : "http://localhost:" + unit.server.port() + path;
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + unit.token(role)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(R4Validation.errors(r.body())).as(r.body()).isEmpty();
            return r.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static IBaseResource parse(String body) {
        return R4Validation.context().newJsonParser().parseResource(body);
    }

    private static Bundle bundle(String path, Role role) {
        return (Bundle) parse(get(path, role));
    }

    /** Every entry of a search, following the next links. */
    private static List<IBaseResource> all(String path, Role role) {
        List<IBaseResource> out = new ArrayList<>();
        Bundle b = bundle(path, role);
        while (true) {
            b.getEntry().forEach(e -> out.add(e.getResource()));
            if (b.getLink("next") == null) {
                return out;
            }
            b = bundle(b.getLink("next").getUrl(), role);
        }
    }

    @Test
    void vitals_are_vital_signs_observations_with_the_r4_profile_codes_and_blood_pressure_as_one_panel() {
        List<Observation> vitals = bundle("/fhir/Observation?patient=" + patientId + "&category=vital-signs", Role.NURSE)
                .getEntry().stream().map(e -> (Observation) e.getResource()).toList();
        assertThat(vitals).extracting(o -> o.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("85354-9", "8867-4", "2708-6", "8310-5");
        Observation bp = vitals.stream().filter(o -> o.getCode().getCodingFirstRep().getCode().equals("85354-9"))
                .findFirst().orElseThrow();
        assertThat(bp.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode() + "="
                + c.getValueQuantity().getValue().intValue() + " " + c.getValueQuantity().getCode())
                .containsExactly("8480-6=118 mm[Hg]", "8462-4=72 mm[Hg]");
        assertThat(bp.getPartOfFirstRep().getReference()).isEqualTo("Procedure/" + sessionId);
        Observation read = (Observation) parse(get("/fhir/Observation/" + bp.getIdElement().getIdPart(), Role.NURSE));
        assertThat(read.getComponent()).hasSize(2);
    }

    @Test
    void a_run_value_sample_is_one_observation_with_a_component_per_measure_and_the_machine_as_device() {
        List<Observation> samples = bundle("/fhir/Observation?patient=" + patientId + "&code="
                + EntryMapper.RUN_VALUE_SYSTEM + "%7Crun-values", Role.NURSE).getEntry().stream()
                .map(e -> (Observation) e.getResource()).toList();
        assertThat(samples).hasSize(1);
        Observation o = samples.get(0);
        assertThat(o.getComponent()).extracting(c -> c.getCode().getCodingFirstRep().getCode() + "="
                + c.getValueQuantity().getValue().intValue() + " " + c.getValueQuantity().getCode())
                .containsExactly("inletFlowMlPerMin=60 mL/min", "acFlowMlPerMin=5 mL/min", "processedVolumeMl=1200 mL");
        assertThat(o.getDevice().getReference()).startsWith("Device/");
        Device d = (Device) parse(get("/fhir/" + o.getDevice().getReference(), Role.NURSE));
        assertThat(d.getDeviceName()).extracting(n -> n.getType()).contains(Device.DeviceNameType.USERFRIENDLYNAME);
        Observation read = (Observation) parse(get("/fhir/Observation/" + o.getIdElement().getIdPart(), Role.NURSE));
        assertThat(read.getComponent()).hasSize(3);
    }

    @Test
    void an_adverse_event_carries_its_waa_grade_and_points_at_the_session() {
        List<AdverseEvent> events = bundle("/fhir/AdverseEvent?subject=" + patientId, Role.PHYSICIAN).getEntry()
                .stream().map(e -> (AdverseEvent) e.getResource()).toList();
        assertThat(events).hasSize(1);
        AdverseEvent a = events.get(0);
        assertThat(a.getEvent().getCodingFirstRep().getCode()).isEqualTo("citrate-reaction");
        assertThat(a.getSeverity().getCodingFirstRep().getCode()).isEqualTo("moderate");
        assertThat(((org.hl7.fhir.r4.model.Coding) a.getExtensionByUrl(EntryMapper.WAA_GRADE_EXTENSION).getValue())
                .getCode()).isEqualTo("moderate");
        assertThat(a.getSuspectEntityFirstRep().getInstance().getReference()).isEqualTo("Procedure/" + sessionId);
        assertThat(((AdverseEvent) parse(get("/fhir/AdverseEvent/" + a.getIdElement().getIdPart(), Role.PHYSICIAN)))
                .getEvent().getText()).contains("perioral tingling");
    }

    @Test
    void calcium_given_is_a_medication_administration_with_its_dose_in_grams() {
        List<MedicationAdministration> given = bundle("/fhir/MedicationAdministration?patient=" + patientId,
                Role.NURSE).getEntry().stream().map(e -> (MedicationAdministration) e.getResource()).toList();
        assertThat(given).hasSize(1);
        MedicationAdministration m = given.get(0);
        // 10 mL of a 10 g/100 mL solution is 1 g
        assertThat(m.getDosage().getDose().getValue().doubleValue()).isEqualTo(1.0);
        assertThat(m.getDosage().getDose().getCode()).isEqualTo("g");
        assertThat(m.getPartOfFirstRep().getReference()).isEqualTo("Procedure/" + sessionId);
    }

    @Test
    void staff_are_practitioners_found_by_user_name() {
        List<Practitioner> found = bundle("/fhir/Practitioner?identifier=" + UnitMapper.USERNAME_SYSTEM + "%7Cnurse1",
                Role.NURSE).getEntry().stream().map(e -> (Practitioner) e.getResource()).toList();
        assertThat(found).hasSize(1);
        assertThat(found.get(0).getIdentifierFirstRep().getValue()).isEqualTo("nurse1");
    }

    @Test
    void everything_answers_the_whole_record_of_the_patient_in_pages() {
        List<IBaseResource> all = all("/fhir/Patient/" + patientId + "/$everything?_count=5", Role.PHYSICIAN);
        assertThat(all).extracting(IBaseResource::fhirType).contains("Patient", "ServiceRequest", "Procedure",
                "Observation", "AdverseEvent", "MedicationAdministration", "Device");
        assertThat(all).filteredOn(r -> r instanceof Procedure).hasSize(1);
        assertThat(all).extracting(r -> r.fhirType() + "/" + r.getIdElement().getIdPart()).doesNotHaveDuplicates();
    }

    @Test
    void everything_gives_billing_only_what_billing_may_read() {
        List<IBaseResource> all = all("/fhir/Patient/" + patientId + "/$everything", Role.BILLING);
        assertThat(all).extracting(IBaseResource::fhirType).containsExactly("Patient");
    }

    @Test
    void everything_since_after_every_change_is_empty_and_since_before_them_has_the_entries() {
        List<IBaseResource> later = all("/fhir/Patient/" + patientId + "/$everything?_since=2999-01-01T00:00:00Z",
                Role.PHYSICIAN);
        assertThat(later).isEmpty();
        List<IBaseResource> all = all("/fhir/Patient/" + patientId + "/$everything?_since=2000-01-01T00:00:00Z",
                Role.PHYSICIAN);
        assertThat(all).extracting(IBaseResource::fhirType).contains("Patient", "AdverseEvent");
    }

    @Test
    void last_updated_finds_what_changed_in_the_range_and_nothing_after_it() {
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
        assertThat(bundle("/fhir/Observation?patient=" + patientId + "&_lastUpdated=ge" + yesterday, Role.NURSE)
                .getEntry()).isNotEmpty();
        assertThat(bundle("/fhir/Observation?patient=" + patientId + "&_lastUpdated=ge" + tomorrow, Role.NURSE)
                .getEntry()).isEmpty();
        assertThat(bundle("/fhir/Procedure?patient=" + patientId + "&_lastUpdated=ge" + yesterday, Role.NURSE)
                .getEntry()).hasSize(1);
    }

    @Test
    void vread_answers_the_current_version_and_refuses_a_version_not_kept() {
        Procedure p = (Procedure) parse(get("/fhir/Procedure/" + sessionId, Role.NURSE));
        String v = p.getMeta().getVersionId();
        assertThat(((Procedure) parse(get("/fhir/Procedure/" + sessionId + "/_history/" + v, Role.NURSE)))
                .getIdElement().getIdPart()).isEqualTo(sessionId);
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + unit.server.port() + "/fhir/Procedure/" + sessionId + "/_history/999"))
                    .header("Authorization", "Bearer " + unit.token(Role.NURSE)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("not kept");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
