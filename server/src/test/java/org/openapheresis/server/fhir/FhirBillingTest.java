package org.openapheresis.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/** What is charged and who pays, as R4 ChargeItem and Coverage, for the roles that may read them. */
class FhirBillingTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Unit unit;
    private static String patientId;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
        Map<String, Object> price = new LinkedHashMap<>();
        price.put("code", "36514");
        price.put("price", 1000.00);
        price.put("currency", "USD");
        price.put("effectiveFrom", "2020-01-01");
        Unit.expect(unit.api.put("/api/price-list", unit.token(Role.ADMIN), Map.of("entries", List.of(price))), 200);
        patientId = unit.createPatient(Unit.mrn("FBILL"));
        String session = unit.startedSession(unit.signedOrder(patientId));
        Unit.expect(unit.api.post("/api/sessions/" + session + "/complete", unit.token(Role.NURSE), ""), 200);
        int year = java.time.LocalDate.now().getYear();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("payer", "Example Health");
        c.put("payerKind", "medicare");
        c.put("plan", "Bronze HD");
        c.put("memberId", "EH-9");
        c.put("network", "in-network");
        c.put("planYearStart", year + "-01-01");
        c.put("planYearEnd", year + "-12-31");
        c.put("deductible", 3000);
        c.put("deductibleMet", 500);
        c.put("coinsurancePercent", 20);
        c.put("copayPerVisit", 0);
        c.put("outOfPocketMax", 6000);
        c.put("outOfPocketMet", 500);
        Unit.expect(unit.api.post("/api/patients/" + patientId + "/coverages", unit.token(Role.COORDINATOR), c), 201);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static HttpResponse<String> get(String path, Role role) {
        try {
            return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + unit.server.port() + path))
                    .header("Authorization", "Bearer " + unit.token(role)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Bundle bundle(String path, Role role) {
        HttpResponse<String> r = get(path, role);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(R4Validation.errors(r.body())).as(r.body()).isEmpty();
        return (Bundle) R4Validation.context().newJsonParser().parseResource(r.body());
    }

    @Test
    void a_completed_exchange_is_a_billable_charge_item_in_cpt_with_its_price_and_diagnosis() {
        List<ChargeItem> items = bundle("/fhir/ChargeItem?patient=" + patientId, Role.BILLING).getEntry().stream()
                .map(e -> (ChargeItem) e.getResource()).toList();
        assertThat(items).hasSize(1);
        ChargeItem c = items.get(0);
        assertThat(c.getStatus()).isEqualTo(ChargeItem.ChargeItemStatus.BILLABLE);
        assertThat(c.getCode().getCodingFirstRep().getSystem()).isEqualTo(BillingMapper.CPT);
        assertThat(c.getCode().getCodingFirstRep().getCode()).isEqualTo("36514");
        assertThat(c.getPriceOverride().getValue().doubleValue()).isEqualTo(1000.0);
        assertThat(c.getPriceOverride().getCurrency()).isEqualTo("USD");
        assertThat(c.getReasonFirstRep().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.ICD10_CM);
        assertThat(c.getServiceFirstRep().getReference()).startsWith("Procedure/");
    }

    @Test
    void a_donors_acquisition_charge_names_the_recipient_and_stays_in_the_donors_compartment() {
        unit.withFacility();
        String donor = unit.registeredPerson("FACQDONOR", "donor", 75);
        String recipient = unit.registeredPerson("FACQRECIP", "patient", 60);
        String session = unit.completedCollection(donor, "hpc-collection", Map.of("cd34PerKg", 4e6),
                Map.of("weightKg", 60), Map.of("volumeMl", 200, "cd34PerUl", 1000));
        Unit.expect(unit.api.post("/api/products", unit.token(Role.LAB), Map.of("sessionId", session, "recipientId",
                recipient, "descriptionCode", "S1128", "expiresAt", java.time.Instant.now().plus(java.time.Duration
                        .ofDays(2)).toString(), "anticoagulant", "ACD-A")), 201);
        ChargeItem harvest = bundle("/fhir/ChargeItem?patient=" + donor, Role.BILLING).getEntry().stream()
                .map(e -> (ChargeItem) e.getResource()).filter(c -> c.getCode().getCodingFirstRep().getCode()
                        .equals("38205")).findFirst().orElseThrow();
        assertThat(harvest.getSubject().getReference()).isEqualTo("Patient/" + donor);
        assertThat(((org.hl7.fhir.r4.model.Reference) harvest.getExtensionByUrl(
                BillingMapper.ACQUISITION_FOR_EXTENSION).getValue()).getReference()).isEqualTo("Patient/" + recipient);
        assertThat(harvest.getNoteFirstRep().getText()).contains("never billed to the donor").contains("0815");
        assertThat(bundle("/fhir/ChargeItem?patient=" + recipient, Role.BILLING).getEntry())
                .as("the recipient's compartment does not name the donor").isEmpty();
    }

    @Test
    void a_coverage_carries_its_cost_sharing_and_the_amounts_met_as_extensions() {
        List<Coverage> cs = bundle("/fhir/Coverage?beneficiary=" + patientId, Role.COORDINATOR).getEntry().stream()
                .map(e -> (Coverage) e.getResource()).toList();
        assertThat(cs).hasSize(1);
        Coverage c = cs.get(0);
        assertThat(c.getSubscriberId()).isEqualTo("EH-9");
        // the payer kind as its Source of Payment Typology category (1 Medicare)
        assertThat(c.getType().getCodingFirstRep().getSystem()).isEqualTo(FhirSystems.SOPT);
        assertThat(c.getType().getCodingFirstRep().getCode()).isEqualTo("1");
        assertThat(c.getCostToBeneficiary()).extracting(x -> x.getType().getCodingFirstRep().getCode())
                .containsExactly("deductible", "copaypct", "copay", "maxoutofpocket");
        assertThat(((Money) c.getExtensionByUrl(BillingMapper.DEDUCTIBLE_MET_EXTENSION).getValue()).getValue()
                .doubleValue()).isEqualTo(500.0);
    }

    @Test
    void billing_everything_is_the_patient_the_coverage_and_the_charges_and_a_nurse_reads_no_charges() {
        List<String> types = bundle("/fhir/Patient/" + patientId + "/$everything", Role.BILLING).getEntry().stream()
                .map(e -> e.getResource().fhirType()).distinct().toList();
        assertThat(types).containsExactlyInAnyOrder("Patient", "Coverage", "ChargeItem");
        assertThat(get("/fhir/ChargeItem?patient=" + patientId, Role.NURSE).statusCode()).isEqualTo(403);
    }
}
