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
    /** Two cell products infused at the bedside: one with vitals and a grade 3 reaction, one with a grade 1. */
    private static String productId;
    private static String recipientId;
    private static String mildProductId;
    private static String mildRecipientId;

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
        String lab2 = unit.secondLab();
        productId = infused(lab2, Map.of(
                "vitalsBefore", Map.of("systolicMmHg", 128, "diastolicMmHg", 78, "pulsePerMin", 74, "spo2Percent", 98,
                        "temperatureC", 36.8),
                "vitalsAfter", Map.of("pulsePerMin", 118, "temperatureC", 38.9),
                "reaction", "rigors and hypotension at 15 minutes; infusion stopped, admitted for observation",
                "reactionGrade", 3));
        recipientId = (String) unit.api.get("/api/products/" + productId, unit.token(Role.NURSE)).map().get("recipientId");
        mildProductId = infused(lab2, Map.of("reaction", "transient flushing", "reactionGrade", 1));
        mildRecipientId = (String) unit.api.get("/api/products/" + mildProductId, unit.token(Role.NURSE)).map()
                .get("recipientId");
    }

    /** A fresh autologous HPC product released, issued and infused with what the nurse observed; answers its id. */
    private static String infused(String secondLab, Map<String, Object> observed) {
        String id = unit.quarantinedProduct();
        String lab = unit.token(Role.LAB);
        Unit.expect(unit.productStep(lab, id, Map.of("type", "release-prepared")), 200);
        Unit.expect(unit.productStep(secondLab, id, Map.of("type", "release-verified")), 200);
        Map<String, Object> p = Unit.expect(unit.productStep(lab, id, Map.of("type", "issued", "issuedTo", "ward 4")),
                200).map();
        Map<String, Object> body = new java.util.LinkedHashMap<>(observed);
        body.put("patientId", p.get("recipientId"));
        body.put("scannedDin", p.get("din"));
        body.put("at", java.time.Instant.now().toString());
        Unit.expect(unit.api.post("/api/products/" + id + "/infusions", unit.token(Role.NURSE), body), 201);
        return id;
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    /** A GET of the path (or a full URL) with the role's token, whatever it answers. */
    private static HttpResponse<String> answer(String path, Role role) {
        String url = path.startsWith("http") ? path : "http://localhost:" + unit.server.port() + path;
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + unit.token(role)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET that must answer 200 with valid R4; its body. */
    private static String get(String path, Role role) {
        HttpResponse<String> r = answer(path, role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(R4Validation.errors(r.body())).as(r.body()).isEmpty();
        return r.body();
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
    void an_infusions_vital_signs_are_observations_of_its_recipient_naming_the_product() {
        List<Observation> vitals = bundle("/fhir/Observation?patient=" + recipientId + "&category=vital-signs",
                Role.NURSE).getEntry().stream().map(e -> (Observation) e.getResource()).toList();
        // before: blood pressure, pulse, SpO2, temperature; after: pulse and temperature
        assertThat(vitals).extracting(o -> o.getIdElement().getIdPart().substring(productId.length()))
                .containsExactlyInAnyOrder("-i5-before-bp", "-i5-before-hr", "-i5-before-spo2", "-i5-before-temp",
                        "-i5-after-hr", "-i5-after-temp");
        Observation after = vitals.stream().filter(o -> o.getIdElement().getIdPart().endsWith("-after-temp"))
                .findFirst().orElseThrow();
        assertThat(after.getValueQuantity().getValue().doubleValue()).isEqualTo(38.9);
        assertThat(after.getCode().getCodingFirstRep().getCode()).isEqualTo("8310-5");
        assertThat(after.getPartOf()).as("no session: the infusion is not one").isEmpty();
        assertThat(((org.hl7.fhir.r4.model.Reference) after.getExtensionByUrl(InfusionMapper.INFUSED_PRODUCT_EXTENSION)
                .getValue()).getReference()).isEqualTo("BiologicallyDerivedProduct/" + productId);
        assertThat(after.getNoteFirstRep().getText()).startsWith("After the infusion of HPC, Apheresis");
        Observation read = (Observation) parse(get("/fhir/Observation/" + after.getIdElement().getIdPart(), Role.NURSE));
        assertThat(read.getValueQuantity().getValue().doubleValue()).isEqualTo(38.9);
        assertThat(bundle("/fhir/Observation?patient=" + mildRecipientId + "&category=vital-signs", Role.NURSE)
                .getEntry()).as("no vitals recorded, none answered").isEmpty();
    }

    @Test
    void an_infusion_reaction_is_an_adverse_event_graded_by_ctcae_with_the_product_as_suspect() {
        List<AdverseEvent> events = bundle("/fhir/AdverseEvent?subject=" + recipientId, Role.PHYSICIAN).getEntry()
                .stream().map(e -> (AdverseEvent) e.getResource()).toList();
        assertThat(events).hasSize(1);
        AdverseEvent a = events.get(0);
        assertThat(a.getIdElement().getIdPart()).isEqualTo(productId + "-i5-reaction");
        assertThat(a.getEvent().getCodingFirstRep().getCode()).isEqualTo(InfusionMapper.INFUSION_REACTION_CODE);
        assertThat(a.getEvent().getText()).contains("rigors and hypotension");
        assertThat(a.getSeverity().getCodingFirstRep().getCode()).isEqualTo("severe");
        assertThat(a.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Serious");
        assertThat(((org.hl7.fhir.r4.model.Coding) a.getExtensionByUrl(InfusionMapper.CTCAE_GRADE_EXTENSION).getValue())
                .getCode()).isEqualTo("3");
        assertThat(a.getSuspectEntityFirstRep().getInstance().getReference())
                .isEqualTo("BiologicallyDerivedProduct/" + productId);
        assertThat(((AdverseEvent) parse(get("/fhir/AdverseEvent/" + productId + "-i5-reaction", Role.PHYSICIAN)))
                .getEvent().getText()).contains("admitted for observation");

        AdverseEvent mild = (AdverseEvent) bundle("/fhir/AdverseEvent?subject=" + mildRecipientId, Role.PHYSICIAN)
                .getEntryFirstRep().getResource();
        assertThat(mild.getSeverity().getCodingFirstRep().getCode()).isEqualTo("mild");
        assertThat(mild.getSeriousness().getCodingFirstRep().getCode()).isEqualTo("Non-serious");
        assertThat(mild.hasOutcome()).isFalse();
    }

    @Test
    void an_id_naming_no_infusion_is_not_found() throws Exception {
        for (String path : List.of("/fhir/AdverseEvent/" + productId + "-i4-reaction",
                "/fhir/AdverseEvent/" + java.util.UUID.randomUUID() + "-i5-reaction",
                "/fhir/Observation/" + mildProductId + "-i5-before-bp")) {
            HttpResponse<String> r = answer(path, Role.PHYSICIAN);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void recorded_conditions_allergies_and_medications_are_fhir_resources_with_their_text() throws Exception {
        Map<String, Object> body = Unit.msRelapsePatient(Unit.mrn("HIST"));
        body.put("conditions", List.of("Relapsing-remitting multiple sclerosis", "Hypertension"));
        body.put("allergies", List.of("penicillin (rash)"));
        body.put("plasmaAllergy", true);
        body.put("medications", List.of("interferon beta-1a 44 µg s.c. three times weekly"));
        String person = Unit.expect(unit.api.post("/api/patients", unit.token(Role.NURSE), body), 201).id();

        List<IBaseResource> conditions = all("/fhir/Condition?subject=Patient/" + person, Role.PHYSICIAN);
        assertThat(conditions).extracting(r -> ((org.hl7.fhir.r4.model.Condition) r).getCode().getText())
                .containsExactly("Relapsing-remitting multiple sclerosis", "Hypertension");
        assertThat(conditions).allSatisfy(r -> assertThat(((org.hl7.fhir.r4.model.Condition) r).getSubject()
                .getReference()).isEqualTo("Patient/" + person));
        List<IBaseResource> allergies = all("/fhir/AllergyIntolerance?patient=Patient/" + person, Role.NURSE);
        assertThat(allergies).extracting(r -> ((org.hl7.fhir.r4.model.AllergyIntolerance) r).getCode().getText())
                .containsExactly("penicillin (rash)", HistoryMapper.PLASMA_ALLERGY);
        assertThat(allergies).allSatisfy(r -> assertThat(((org.hl7.fhir.r4.model.AllergyIntolerance) r)
                .getClinicalStatus().getCodingFirstRep().getCode()).isEqualTo("active"));

        List<IBaseResource> meds = all("/fhir/MedicationStatement?subject=Patient/" + person, Role.PHYSICIAN);
        assertThat(meds).extracting(r -> ((org.hl7.fhir.r4.model.MedicationStatement) r).getMedicationCodeableConcept()
                .getText()).containsExactly("interferon beta-1a 44 µg s.c. three times weekly");
        assertThat(((org.hl7.fhir.r4.model.MedicationStatement) meds.get(0)).getStatus().toCode()).isEqualTo("active");

        // read by id, and the id stays while the text does
        String id = conditions.get(1).getIdElement().getIdPart();
        assertThat(((org.hl7.fhir.r4.model.Condition) parse(get("/fhir/Condition/" + id, Role.PHYSICIAN))).getCode()
                .getText()).isEqualTo("Hypertension");
        assertThat(all("/fhir/Patient/" + person + "/$everything", Role.PHYSICIAN)).extracting(IBaseResource::fhirType)
                .contains("Condition", "AllergyIntolerance", "MedicationStatement");
        for (String path : List.of("/fhir/Condition/" + person + "-cond-000000000000", "/fhir/Condition/no-such-id")) {
            HttpResponse<String> r = answer(path, Role.PHYSICIAN);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> billing = answer("/fhir/Condition?subject=Patient/" + person, Role.BILLING);
        assertThat(billing.statusCode()).as("billing reads no clinical history").isEqualTo(403);
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
    void sort_by_date_orders_the_observations_oldest_or_newest_first() {
        List<java.util.Date> up = bundle("/fhir/Observation?patient=" + patientId + "&_sort=date&_count=100",
                Role.NURSE).getEntry().stream().map(e -> SearchSort.start(((Observation) e.getResource())
                .getEffective())).toList();
        List<java.util.Date> down = bundle("/fhir/Observation?patient=" + patientId + "&_sort=-date&_count=100",
                Role.NURSE).getEntry().stream().map(e -> SearchSort.start(((Observation) e.getResource())
                .getEffective())).toList();
        // the labs were taken before the session's vital signs and run values: two times at least
        assertThat(new java.util.HashSet<>(up)).hasSizeGreaterThan(1);
        assertThat(up).doesNotContainNull().isSorted();
        assertThat(down).hasSameSizeAs(up).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(bundle("/fhir/Procedure?patient=" + patientId + "&_sort=-_lastUpdated,date", Role.NURSE)
                .getEntry()).hasSize(1);
    }

    @Test
    void sort_by_what_a_type_does_not_offer_is_400_naming_it_and_what_it_offers() throws Exception {
        HttpResponse<String> r = answer("/fhir/Observation?patient=" + patientId + "&_sort=code", Role.NURSE);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("OperationOutcome", "_sort", "'code'", "_lastUpdated, date");
    }

    @Test
    void include_patient_adds_the_person_once_to_every_page_as_an_include_entry() {
        Bundle first = bundle("/fhir/Observation?patient=" + patientId + "&_include=Observation:patient&_count=2",
                Role.NURSE);
        Bundle second = bundle(first.getLink("next").getUrl(), Role.NURSE);
        for (Bundle page : List.of(first, second)) {
            assertThat(page.getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH).hasSize(2)
                    .allMatch(e -> e.getResource() instanceof Observation o
                            && o.getSubject().getReference().equals("Patient/" + patientId));
            assertThat(page.getEntry()).filteredOn(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.INCLUDE)
                    .extracting(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart())
                    .containsExactly("Patient/" + patientId);
        }
        assertThat(bundle("/fhir/Observation?patient=" + patientId, Role.NURSE).getEntry())
                .as("nothing included unless asked").allMatch(e -> e.getResource() instanceof Observation);
    }

    @Test
    void include_of_a_reference_the_search_does_not_offer_is_400() throws Exception {
        HttpResponse<String> r = answer("/fhir/Procedure?patient=" + patientId + "&_include=Procedure:performer",
                Role.NURSE);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("OperationOutcome", "Procedure:performer");
    }

    @Test
    void procedure_date_finds_the_session_that_ran_in_the_range_only() {
        String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
        assertThat(bundle("/fhir/Procedure?patient=" + patientId + "&date=ge" + yesterday, Role.NURSE).getEntry())
                .extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(sessionId);
        assertThat(bundle("/fhir/Procedure?patient=" + patientId + "&date=lt" + yesterday, Role.NURSE).getEntry())
                .isEmpty();
        assertThat(bundle("/fhir/Procedure?patient=" + patientId + "&date=ge" + tomorrow, Role.NURSE).getEntry())
                .isEmpty();
    }

    @Test
    void medication_administration_honours_last_updated() {
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(2).toString();
        assertThat(bundle("/fhir/MedicationAdministration?patient=" + patientId + "&_lastUpdated=ge" + tomorrow,
                Role.NURSE).getEntry()).as("every administration changed before tomorrow").isEmpty();
        assertThat(bundle("/fhir/MedicationAdministration?patient=" + patientId + "&_lastUpdated=le" + tomorrow,
                Role.NURSE).getEntry()).hasSize(1);
    }

    @Test
    void vread_answers_the_current_version_and_refuses_a_version_not_kept() {
        Procedure p = (Procedure) parse(get("/fhir/Procedure/" + sessionId, Role.NURSE));
        String v = p.getMeta().getVersionId();
        assertThat(((Procedure) parse(get("/fhir/Procedure/" + sessionId + "/_history/" + v, Role.NURSE)))
                .getIdElement().getIdPart()).isEqualTo(sessionId);
        HttpResponse<String> r = answer("/fhir/Procedure/" + sessionId + "/_history/999", Role.NURSE);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("not kept");
    }

    @Test
    void a_session_and_its_order_carry_the_snomed_ct_concept_of_their_procedure_beside_its_name() {
        Procedure exchange = (Procedure) parse(get("/fhir/Procedure/" + sessionId, Role.NURSE));
        assertThat(exchange.getCode().getText()).isEqualTo("Plasma exchange (TPE)");
        assertThat(exchange.getCode().getCoding()).singleElement().satisfies(c -> {
            assertThat(c.getSystem()).isEqualTo("http://snomed.info/sct");
            assertThat(c.getCode()).isEqualTo("127788007");
            assertThat(c.getDisplay()).isEqualTo("Apheresis (procedure)");
        });
        String orderId = exchange.getBasedOnFirstRep().getReferenceElement().getIdPart();
        org.hl7.fhir.r4.model.ServiceRequest order = (org.hl7.fhir.r4.model.ServiceRequest) parse(get(
                "/fhir/ServiceRequest/" + orderId, Role.NURSE));
        assertThat(order.getCode().getCodingFirstRep().getCode()).isEqualTo("127788007");

        String collection = (String) unit.api.get("/api/products/" + productId, unit.token(Role.NURSE)).map()
                .get("sessionId");
        Procedure harvest = (Procedure) parse(get("/fhir/Procedure/" + collection, Role.NURSE));
        assertThat(harvest.getCode().getText()).isEqualTo("HPC collection");
        assertThat(harvest.getCode().getCodingFirstRep().getCode()).isEqualTo("418576007");
        assertThat(harvest.getCode().getCodingFirstRep().getDisplay())
                .isEqualTo("Harvesting of peripheral blood stem cells (procedure)");
    }
}
