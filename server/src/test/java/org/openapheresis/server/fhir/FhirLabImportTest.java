package org.openapheresis.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/** The lab system's feed: a transaction Bundle of Observations, all stored or none, each problem named by entry. */
class FhirLabImportTest {

    private static Unit unit;
    private static String patientId;
    private static String mrn;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
        mrn = Unit.mrn("LABS");
        patientId = unit.createPatient(mrn);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static IGenericClient client(Role role) {
        R4Validation.context().getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        IGenericClient c = R4Validation.context().newRestfulGenericClient("http://localhost:" + unit.server.port()
                + "/fhir");
        c.registerInterceptor(new BearerTokenAuthInterceptor(unit.token(role)));
        return c;
    }

    private static Observation lab(String subjectMrn, String loinc, double value, String ucum, Instant takenAt) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.getCode().addCoding().setSystem(FhirSystems.LOINC).setCode(loinc);
        o.setSubject(new Reference().setIdentifier(new Identifier().setSystem(FhirSystems.MRN).setValue(subjectMrn)));
        o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(Date.from(takenAt)));
        o.setValue(new Quantity().setValue(BigDecimal.valueOf(value)).setSystem(FhirSystems.UCUM).setCode(ucum));
        return o;
    }

    private static Bundle transaction(Observation... labs) {
        Bundle b = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        for (Observation o : labs) {
            b.addEntry().setResource(o).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        }
        return b;
    }

    private static List<Map<String, Object>> labHistory() {
        return Unit.expect(unit.api.get("/api/patients/" + patientId + "/labs",
                unit.token(Role.PHYSICIAN)), 200).list();
    }

    @Test
    void igg_in_mg_per_dl_and_platelets_per_microlitre_are_stored_converted_to_the_fields_units() {
        Instant taken = Instant.now().minusSeconds(3600);
        int before = labHistory().size();
        Bundle answer = client(Role.PHYSICIAN).transaction().withBundle(transaction(
                lab(mrn, "2465-3", 1050, "mg/dL", taken), lab(mrn, "777-3", 210, "10*3/uL", taken))).execute();
        assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(answer.getEntry()).extracting(e -> e.getResponse().getStatus()).containsExactly("201 Created",
                "201 Created");
        assertThat(labHistory()).hasSize(before + 2);
        String iggId = answer.getEntry().get(0).getResponse().getLocation().replace("Observation/", "");
        Observation igg = client(Role.PHYSICIAN).read().resource(Observation.class).withId(iggId).execute();
        // 1,050 mg/dL × 0.01 = 10.5 g/L
        assertThat(igg.getValueQuantity().getValue().doubleValue()).isEqualTo(10.5);
        assertThat(igg.getValueQuantity().getCode()).isEqualTo("g/L");
    }

    @Test
    void one_bad_entry_refuses_the_whole_bundle_and_every_problem_names_its_entry() {
        Instant taken = Instant.now().minusSeconds(600);
        int before = labHistory().size();
        UnprocessableEntityException e = catchThrowableOfType(() -> client(Role.PHYSICIAN).transaction()
                .withBundle(transaction(
                        lab(mrn, "2465-3", 9.8, "g/L", taken),                     // 0: good
                        lab(mrn, "9999-9", 1, "g/L", taken),                       // 1: unknown code
                        lab(mrn, "2465-3", 9.8, "mm[Hg]", taken),                  // 2: unit does not convert
                        lab(mrn, "777-3", 90000, "10*9/L", taken),                 // 3: out of range
                        lab("NO-SUCH-MRN", "777-3", 200, "10*9/L", taken),         // 4: unknown person
                        lab(mrn, "777-3", 200, "10*9/L", Instant.now().plusSeconds(86400)))) // 5: future
                .execute(), UnprocessableEntityException.class);
        OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
        assertThat(oo.getIssue()).extracting(i -> i.getExpression().get(0).getValue()).containsExactly(
                "Bundle.entry[1].resource.code", "Bundle.entry[2].resource.valueQuantity.code",
                "Bundle.entry[3].resource.valueQuantity.value", "Bundle.entry[4].resource.subject",
                "Bundle.entry[5].resource.effectiveDateTime");
        assertThat(labHistory()).hasSize(before);
    }

    @Test
    void billing_may_not_import_labs() {
        assertThat(catchThrowableOfType(() -> client(Role.BILLING).transaction().withBundle(transaction(
                lab(mrn, "2465-3", 9.8, "g/L", Instant.now().minusSeconds(60)))).execute(),
                ForbiddenOperationException.class)).isNotNull();
    }

    @Test
    void a_batch_is_refused_as_only_transactions_are_imported() {
        Bundle batch = transaction(lab(mrn, "2465-3", 9.8, "g/L", Instant.now().minusSeconds(60)))
                .setType(Bundle.BundleType.BATCH);
        assertThat(catchThrowableOfType(() -> client(Role.PHYSICIAN).transaction().withBundle(batch).execute(),
                UnprocessableEntityException.class).getMessage()).contains("transaction");
    }

    @Test
    void an_import_signed_in_by_the_session_cookie_needs_the_csrf_header() {
        org.openapheresis.server.support.Api.Answer login = unit.api.post("/api/login", null, Map.of("username",
                "nurse1", "password", Unit.STAFF_PASSWORD));
        String cookie = login.raw().headers().firstValue("Set-Cookie").orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        String csrf = (String) login.map().get("csrfToken");
        String body = R4Validation.context().newJsonParser().encodeResourceToString(transaction(
                lab(mrn, "3255-7", 3.1, "g/L", Instant.now().minusSeconds(60))));
        int before = labHistory().size();
        var without = unit.api.send("POST", "/fhir", null, body, Map.of("Cookie", session, "Content-Type",
                "application/fhir+json"));
        assertThat(without.status()).isEqualTo(403);
        assertThat(labHistory()).hasSize(before);
        var with = unit.api.send("POST", "/fhir", null, body, Map.of("Cookie", session, "Content-Type",
                "application/fhir+json", "X-CSRF-Token", csrf));
        assertThat(with.status()).as(with.body()).isEqualTo(200);
        assertThat(labHistory()).hasSize(before + 1);
    }
}
