package org.openapheresis.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

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
 * {@code POST /api/plans?uncertainty=N} and {@code GET /api/orders/{id}/plan?uncertainty=N}: bands when asked, the
 * plan unchanged when not, 422 naming the field.
 */
class PlanRoutesUncertaintyTest {

    private static Unit unit;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void bands_are_added_when_asked_and_the_plan_is_unchanged_without_them() {
        String token = unit.token(Role.PHYSICIAN);
        Api.Answer plain = unit.api.post("/api/plans", token, PlanRoutes.EXAMPLE);
        Api.Answer banded = unit.api.post("/api/plans?uncertainty=50", token, PlanRoutes.EXAMPLE);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(banded.status()).isEqualTo(200);
        assertThat(plain.map()).doesNotContainKey("uncertainty");
        Map<String, Object> bands = (Map<String, Object>) banded.map().get("uncertainty");
        assertThat(bands).containsEntry("virtualPatients", 50).containsKeys("predicted", "timeline", "sensitivity");
        Map<String, Object> rest = new java.util.LinkedHashMap<>(banded.map());
        rest.remove("uncertainty");
        assertThat(rest).isEqualTo(plain.map());
        List<Number> bv = (List<Number>) ((Map<String, Object>) bands.get("quantities")).get("bloodVolumeMl");
        assertThat(bv.get(0).doubleValue()).isLessThan(bv.get(2).doubleValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_orders_plan_and_course_gain_bands_when_asked_and_refuse_a_bad_count_naming_uncertainty() {
        String patient = unit.createPatient("MRN-BANDS-" + System.nanoTime());
        String order = unit.signedOrder(patient);
        String token = unit.token(Role.NURSE);
        Api.Answer plain = unit.api.get("/api/orders/" + order + "/plan?timeline=true", token);
        Api.Answer banded = unit.api.get("/api/orders/" + order + "/plan?timeline=true&uncertainty=20", token);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(banded.status()).isEqualTo(200);
        assertThat(plain.map()).doesNotContainKey("uncertainty");
        Map<String, Object> bands = (Map<String, Object>) banded.map().get("uncertainty");
        assertThat(bands).containsEntry("virtualPatients", 20);
        assertThat((List<Object>) bands.get("timeline")).isNotEmpty();
        Map<String, Object> rest = new java.util.LinkedHashMap<>(banded.map());
        rest.remove("uncertainty");
        assertThat(rest).isEqualTo(plain.map());
        Api.Answer course = unit.api.get("/api/orders/" + order + "/course?uncertainty=20", token);
        assertThat(course.status()).isEqualTo(200);
        assertThat(course.map()).containsKey("uncertainty");
        for (String q : new String[] {"9", "many"}) {
            Api.Answer a = unit.api.get("/api/orders/" + order + "/plan?uncertainty=" + q, token);
            assertThat(a.status()).as(q).isEqualTo(422);
            assertThat(a.body()).as(q).contains("\"field\":\"uncertainty\"");
        }
    }

    @Test
    void a_count_out_of_range_or_not_a_number_is_422_naming_uncertainty() {
        String token = unit.token(Role.PHYSICIAN);
        for (String q : new String[] {"5", "100000", "many"}) {
            Api.Answer a = unit.api.post("/api/plans?uncertainty=" + q, token, PlanRoutes.EXAMPLE);
            assertThat(a.status()).as(q).isEqualTo(422);
            assertThat(a.body()).as(q).contains("\"field\":\"uncertainty\"");
        }
    }
}
