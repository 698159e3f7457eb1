package org.openapheresis.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/** The FHIR R4 face on a real server (H2): what the specification says a read, a search and an error answer. */
class FhirServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Unit unit;
    private static String patientId;
    private static String mrn;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
        mrn = Unit.mrn("FHIR");
        patientId = unit.createPatient(mrn);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    record Answer(int status, String body, HttpResponse<String> raw) {
        IBaseResource resource() {
            return R4Validation.context().newJsonParser().parseResource(body);
        }
    }

    private static Answer get(String pathOrUrl, Role role) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + unit.server.port() + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (role != null) {
            b.header("Authorization", "Bearer " + unit.token(role));
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every resource answered, the bundle and each of its entries, is valid R4. */
    private static void assertValid(Answer a) {
        assertThat(R4Validation.errors(a.body())).as(a.body()).isEmpty();
    }

    @Test
    void metadata_answers_a_capability_statement_listing_the_resources_without_sign_in() {
        Answer a = get("/fhir/metadata", null);
        assertThat(a.status()).isEqualTo(200);
        CapabilityStatement cs = (CapabilityStatement) a.resource();
        assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
        assertThat(cs.getRestFirstRep().getResource()).extracting(r -> r.getType())
                .contains("Patient", "Observation", "ServiceRequest", "Procedure");
        assertValid(a);
    }

    @Test
    void patient_read_by_id_answers_the_patient_with_the_mrn_as_identifier() {
        Answer a = get("/fhir/Patient/" + patientId, Role.NURSE);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        Patient p = (Patient) a.resource();
        assertThat(p.getIdElement().getIdPart()).isEqualTo(patientId);
        assertThat(p.getIdentifierFirstRep().getSystem()).isEqualTo(FhirSystems.MRN);
        assertThat(p.getIdentifierFirstRep().getValue()).isEqualTo(mrn);
        assertThat(p.getNameFirstRep().getFamily()).isEqualTo("Berg");
        assertThat(p.getBirthDateElement().getValueAsString()).isEqualTo("1991-03-14");
        assertValid(a);
    }

    @Test
    void patient_search_by_system_and_mrn_finds_that_patient_only() {
        Answer a = get("/fhir/Patient?identifier=" + enc(FhirSystems.MRN + "|" + mrn), Role.NURSE);
        assertThat(a.status()).isEqualTo(200);
        Bundle b = (Bundle) a.resource();
        assertThat(b.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
        assertThat(b.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(patientId);
        assertValid(a);
        Bundle other = (Bundle) get("/fhir/Patient?identifier=" + enc("urn:other|" + mrn), Role.NURSE).resource();
        assertThat(other.getEntry()).isEmpty();
    }

    @Test
    void observation_search_by_patient_answers_each_lab_with_a_verified_loinc_code() {
        Answer a = get("/fhir/Observation?patient=" + patientId, Role.NURSE);
        assertThat(a.status()).isEqualTo(200);
        Bundle b = (Bundle) a.resource();
        // the MS patient's labs: haematocrit, platelets, IgG, fibrinogen, albumin, ionised calcium; albumin has no
        // verified LOINC code and is left out
        assertThat(b.getEntry()).extracting(e -> ((Observation) e.getResource()).getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("4544-3", "777-3", "2465-3", "3255-7", "1994-3");
        assertValid(a);
    }

    @Test
    void observation_search_by_code_answers_the_platelets_in_ucum() {
        Answer a = get("/fhir/Observation?patient=Patient/" + patientId + "&code=" + enc(FhirSystems.LOINC + "|777-3"),
                Role.PHYSICIAN);
        Bundle b = (Bundle) a.resource();
        assertThat(b.getEntry()).hasSize(1);
        Observation o = (Observation) b.getEntryFirstRep().getResource();
        Quantity q = o.getValueQuantity();
        assertThat(q.getValue().doubleValue()).isEqualTo(240.0);
        assertThat(q.getSystem()).isEqualTo(FhirSystems.UCUM);
        assertThat(q.getCode()).isEqualTo("10*9/L");
        assertThat(o.getSubject().getReference()).isEqualTo("Patient/" + patientId);
        Answer read = get("/fhir/Observation/" + o.getIdElement().getIdPart(), Role.PHYSICIAN);
        assertThat(read.status()).isEqualTo(200);
        assertValid(read);
    }

    @Test
    void count_pages_the_search_and_the_next_link_answers_the_next_page() {
        Answer first = get("/fhir/Observation?patient=" + patientId + "&_count=2", Role.NURSE);
        Bundle page1 = (Bundle) first.resource();
        assertThat(page1.getEntry()).hasSize(2);
        assertThat(page1.getLink(Bundle.LINK_NEXT)).isNotNull();
        Answer second = get(page1.getLink(Bundle.LINK_NEXT).getUrl(), Role.NURSE);
        assertThat(second.status()).isEqualTo(200);
        Bundle page2 = (Bundle) second.resource();
        assertThat(page2.getEntry()).hasSize(2);
        Bundle page3 = (Bundle) get(page2.getLink(Bundle.LINK_NEXT).getUrl(), Role.NURSE).resource();
        assertThat(page3.getEntry()).hasSize(1);
        assertThat(page3.getLink(Bundle.LINK_NEXT)).isNull();
        List<String> ids = new java.util.ArrayList<>();
        for (Bundle b : List.of(page1, page2, page3)) {
            b.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(5);
        assertValid(second);
    }

    @Test
    void an_unknown_id_is_404_with_an_operation_outcome() {
        Answer a = get("/fhir/Patient/00000000-0000-0000-0000-000000000000", Role.NURSE);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.resource()).isInstanceOf(OperationOutcome.class);
        assertValid(a);
    }

    @Test
    void no_token_is_401_with_an_operation_outcome() {
        Answer a = get("/fhir/Patient/" + patientId, null);
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.resource()).isInstanceOf(OperationOutcome.class);
        assertThat(a.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertValid(a);
    }

    @Test
    void billing_reads_the_patient_but_is_refused_the_labs() {
        assertThat(get("/fhir/Patient/" + patientId, Role.BILLING).status()).isEqualTo(200);
        Answer labs = get("/fhir/Observation?patient=" + patientId, Role.BILLING);
        assertThat(labs.status()).isEqualTo(403);
        assertThat(labs.resource()).isInstanceOf(OperationOutcome.class);
        assertValid(labs);
    }

    @Test
    void a_fhir_read_is_in_the_audit_of_the_patient() {
        String other = unit.createPatient(Unit.mrn("FHIR-AUDIT"));
        assertThat(get("/fhir/Patient/" + other, Role.LAB).status()).isEqualTo(200);
        assertThat(get("/fhir/Observation?patient=" + other, Role.BILLING).status()).isEqualTo(403);
        List<Map<String, Object>> entries = unit.api.get("/api/audit?patientId=" + other, unit.token(Role.ADMIN))
                .list();
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("action", "GET /fhir/Patient/{id}")
                .containsEntry("outcome", "200").containsEntry("username", "lab1"));
        assertThat(entries).anySatisfy(e -> assertThat(e).containsEntry("action", "GET /fhir/Observation")
                .containsEntry("outcome", "403"));
    }

    @Test
    void an_order_is_a_service_request_and_its_session_a_procedure() {
        String order = unit.signedOrder(patientId);
        String session = unit.scheduledSession(order);
        Answer sr = get("/fhir/ServiceRequest/" + order, Role.PHYSICIAN);
        assertThat(sr.status()).isEqualTo(200);
        ServiceRequest r = (ServiceRequest) sr.resource();
        assertThat(r.getStatus()).isEqualTo(ServiceRequest.ServiceRequestStatus.ACTIVE);
        assertThat(r.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("G35.A");
        assertThat(r.getAuthoredOn()).isNotNull();
        assertThat(r.getRequester().getDisplay()).isNotBlank();
        assertValid(sr);
        Answer proc = get("/fhir/Procedure?patient=" + patientId, Role.NURSE);
        Bundle b = (Bundle) proc.resource();
        assertThat(b.getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart()).contains(session);
        Procedure p = (Procedure) b.getEntry().stream().filter(e -> e.getResource().getIdElement().getIdPart()
                .equals(session)).findFirst().orElseThrow().getResource();
        assertThat(p.getStatus()).isEqualTo(Procedure.ProcedureStatus.PREPARATION);
        assertThat(p.getBasedOnFirstRep().getReference()).isEqualTo("ServiceRequest/" + order);
        assertValid(proc);
    }

    @Test
    void a_cell_product_is_a_biologically_derived_product_with_its_din_and_found_by_it() {
        String productId = unit.quarantinedProduct();
        Map<String, Object> product = unit.api.get("/api/products/" + productId, unit.token(Role.LAB)).map();
        String din = org.openapheresis.isbt128.Din.parsePrinted("din", (String) product.get("din")).value();
        Answer read = get("/fhir/BiologicallyDerivedProduct/" + productId, Role.NURSE);
        assertThat(read.status()).isEqualTo(200);
        org.hl7.fhir.r4.model.BiologicallyDerivedProduct r = (org.hl7.fhir.r4.model.BiologicallyDerivedProduct) read
                .resource();
        assertThat(r.getIdentifierFirstRep().getSystem()).isEqualTo(ProductMapper.DIN_SYSTEM);
        assertThat(r.getIdentifierFirstRep().getValue()).isEqualTo(din);
        assertThat(r.getProductCode().getCodingFirstRep().getCode()).isEqualTo("s1128");
        assertThat(r.getStatus()).isEqualTo(org.hl7.fhir.r4.model.BiologicallyDerivedProduct
                .BiologicallyDerivedProductStatus.AVAILABLE);
        assertThat(r.getCollection().getSource().getReference()).startsWith("Patient/");
        assertThat(r.getExtensionByUrl(ProductMapper.DIVISION_EXTENSION).getValue().primitiveValue()).isEqualTo("00");
        assertValid(read);
        Answer byDin = get("/fhir/BiologicallyDerivedProduct?identifier=" + enc(ProductMapper.DIN_SYSTEM + "|" + din),
                Role.LAB);
        assertThat(((Bundle) byDin.resource()).getEntry()).extracting(e -> e.getResource().getIdElement().getIdPart())
                .containsExactly(productId);
        assertValid(byDin);
        assertThat(get("/fhir/BiologicallyDerivedProduct/" + productId, Role.BILLING).status()).isEqualTo(403);
    }

    @Test
    void format_xml_answers_xml() {
        Answer a = get("/fhir/Patient/" + patientId + "?_format=xml", Role.NURSE);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+xml");
        assertThat(a.body()).contains("<Patient xmlns=\"http://hl7.org/fhir\">");
        assertThat(R4Validation.errors(a.body())).isEmpty();
    }
}
