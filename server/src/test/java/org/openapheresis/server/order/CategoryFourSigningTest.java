package org.openapheresis.server.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Api;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/**
 * An order whose guideline row is ASFA category IV (apheresis ineffective or harmful) is signed only with the
 * physician's reason, given in the signature or in the order; a reason for another category is refused; the order
 * set route answers a row's prefill.
 */
class CategoryFourSigningTest {

    private static final String GEMCITABINE = "thrombotic-microangiopathy-drug-induced-gemcitabine-tpe";
    private static Unit u;

    @BeforeAll
    static void start() {
        u = Unit.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        u.close();
    }

    private static Map<String, Object> order(String patientId, String row, String reason) {
        Map<String, Object> indication = new LinkedHashMap<>();
        indication.put("code", "D59.3");
        indication.put("text", "Thrombotic microangiopathy after gemcitabine");
        indication.put("guidelineRow", row);
        if (reason != null) {
            indication.put("categoryIvReason", reason);
        }
        Map<String, Object> o = new LinkedHashMap<>(Unit.plasmaExchangeOrder(patientId));
        o.put("indication", indication);
        return o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(Api.Answer a, String field) {
        return ((List<Map<String, Object>>) a.map().get("problems")).stream().filter(p -> field.equals(p.get("field")))
                .findFirst().orElseThrow(() -> new AssertionError("no problem of " + field + " in " + a.body()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_category_iv_order_is_refused_signing_without_a_reason_and_signed_with_one() {
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("CAT4"));
        Api.Answer created = Unit.expect(u.api.post("/api/orders", dr, order(patient, GEMCITABINE, null)), 201);
        Map<String, Object> guideline = (Map<String, Object>) created.map().get("guideline");
        assertThat(guideline).containsEntry("category", "IV").containsEntry("id", GEMCITABINE)
                .containsEntry("verified", false);
        assertThat((String) guideline.get("verification")).startsWith("UNVERIFIED: one transcription of Table 1");
        assertThat((String) guideline.get("rowSource")).contains("fact sheet p.235");

        Map<String, Object> ack = Unit.acknowledgingOrderWarnings(created);
        Api.Answer refused = u.api.post("/api/orders/" + created.id() + "/sign", dr, ack);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(problem(refused, "categoryIvReason")).containsEntry("key", "REQUIRED_WHEN");
        assertThat(String.valueOf(problem(refused, "categoryIvReason").get("message"))).contains("category IV")
                .contains(GEMCITABINE);
        assertThat(u.api.get("/api/orders/" + created.id(), dr).map()).containsEntry("status", "unsigned");

        Map<String, Object> withReason = new LinkedHashMap<>(ack);
        withReason.put("categoryIvReason", "No other option left after eculizumab; discussed with the patient");
        Api.Answer signed = Unit.expect(u.api.post("/api/orders/" + created.id() + "/sign", dr, withReason), 200);
        assertThat(signed.map()).containsEntry("status", "signed");
        assertThat((Map<String, Object>) signed.map().get("guideline")).containsEntry("categoryIvReason",
                "No other option left after eculizumab; discussed with the patient");
        assertThat((Map<String, Object>) u.api.get("/api/orders/" + created.id(), dr).map().get("indication"))
                .containsEntry("categoryIvReason", "No other option left after eculizumab; discussed with the patient");
    }

    @Test
    void a_reason_written_in_the_order_is_enough_to_sign() {
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("CAT4B"));
        Api.Answer created = Unit.expect(u.api.post("/api/orders", dr, order(patient, GEMCITABINE,
                "Refractory despite drug withdrawal")), 201);
        Unit.expect(u.api.post("/api/orders/" + created.id() + "/sign", dr, Unit.acknowledgingOrderWarnings(created)),
                200);
    }

    @Test
    void a_reason_for_an_indication_of_another_category_is_refused() {
        String dr = u.token(Role.PHYSICIAN);
        String patient = u.createPatient(Unit.mrn("CAT4C"));
        Map<String, Object> o = order(patient, "ms-relapse", "no reason needed");
        ((Map<String, Object>) o.get("indication")).put("code", "G35.A");
        Api.Answer refused = u.api.post("/api/orders", dr, o);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(problem(refused, "indication.categoryIvReason")).containsEntry("key", "INVALID");
        assertThat(String.valueOf(problem(refused, "indication.categoryIvReason").get("message")))
                .contains("row ms-relapse is category II");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_order_set_route_answers_the_prefill_of_a_row_and_404_for_no_row() {
        String nurse = u.token(Role.NURSE);
        Map<String, Object> set = Unit.expect(u.api.get("/api/order-sets?row=ms-relapse", nurse), 200).map();
        assertThat((List<Map<String, Object>>) set.get("prefill")).anySatisfy(p -> assertThat(p)
                .containsEntry("field", "procedure.plasmaVolumes").containsEntry("value", 1));
        assertThat(u.api.get("/api/order-sets?row=no-such-row", nurse).status()).isEqualTo(404);
        assertThat(u.api.get("/api/order-sets", nurse).status()).isEqualTo(422);
    }
}
