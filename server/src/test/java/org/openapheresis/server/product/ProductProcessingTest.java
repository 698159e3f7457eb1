package org.openapheresis.server.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
 * Processing steps that change a bag's contents, over HTTP: a volume reduction and a T-cell depletion record the
 * volume and the counts measured after (none scaled from the volume), keep the recovery with the event, may change
 * the product description code, and are charged by the code rules (38215, 38210).
 */
class ProductProcessingTest {

    private static Unit unit;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    private static Api.Answer step(String product, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("at", Instant.now().toString());
        return unit.api.post("/api/products/" + product + "/events", unit.token(Role.LAB), body);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastEvent(Api.Answer product) {
        List<Map<String, Object>> custody = (List<Map<String, Object>>) product.map().get("custody");
        return custody.get(custody.size() - 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_volume_reduction_records_the_new_volume_and_counts_and_its_recovery_and_is_charged_38215() {
        String product = unit.quarantinedProduct(); // 200 mL, 1,000 CD34+/µL: 2.0e8 CD34+ cells
        String patient = (String) Unit.expect(unit.api.get("/api/products/" + product, unit.token(Role.LAB)), 200)
                .map().get("recipientId");

        Api.Answer notLess = step(product, Map.of("type", "volume-reduced", "volumeMl", 200, "cd34PerUl", 1000));
        assertThat(notLess.status()).isEqualTo(422);
        assertThat(notLess.body()).contains("volumeMl");
        Api.Answer uncounted = step(product, Map.of("type", "volume-reduced", "volumeMl", 100));
        assertThat(uncounted.status()).as("the CD34+ count is measured again, not scaled").isEqualTo(422);
        assertThat(uncounted.body()).contains("cd34PerUl");

        // 100 mL at 1,900 /µL: 1.9e8 cells of 2.0e8, a 95 % recovery
        Api.Answer done = Unit.expect(step(product, Map.of("type", "volume-reduced", "volumeMl", 100, "cd34PerUl",
                1900)), 200);
        assertThat(((Number) done.map().get("volumeMl")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) done.map().get("cd34PerUl")).doubleValue()).isEqualTo(1900.0);
        Map<String, Object> details = (Map<String, Object>) lastEvent(done).get("details");
        assertThat(lastEvent(done)).containsEntry("type", "volume-reduced");
        assertThat(((Number) details.get("volumeBeforeMl")).doubleValue()).isEqualTo(200.0);
        assertThat(((Number) details.get("cd34RecoveryPercent")).doubleValue()).isEqualTo(95.0);

        List<Map<String, Object>> items = (List<Map<String, Object>>) Unit.expect(unit.api.get(
                "/api/charges?patientId=" + patient, unit.token(Role.BILLING)), 200).map().get("items");
        assertThat(items).filteredOn(i -> "38215".equals(i.get("code"))).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_t_cell_depletion_needs_its_method_and_cd3_count_and_may_change_the_product_code() {
        String product = unit.quarantinedProduct();
        assertThat(step(product, Map.of("type", "t-cell-depleted", "volumeMl", 80, "cd34PerUl", 1800, "cd3PerUl", 2))
                .body()).contains("method");
        Api.Answer noCd3 = step(product, Map.of("type", "t-cell-depleted", "volumeMl", 80, "cd34PerUl", 1800,
                "method", "CD34+ selection"));
        assertThat(noCd3.status()).isEqualTo(422);
        assertThat(noCd3.body()).contains("cd3PerUl");
        Api.Answer unknownCode = step(product, Map.of("type", "t-cell-depleted", "volumeMl", 80, "cd34PerUl", 1800,
                "cd3PerUl", 2, "method", "CD34+ selection", "descriptionCode", "S9999"));
        assertThat(unknownCode.status()).isEqualTo(422);
        assertThat(unknownCode.body()).contains("descriptionCode");

        // the sample table has no T-cell depleted code: S1195 stands in for the licensed table's row
        Api.Answer done = Unit.expect(step(product, Map.of("type", "t-cell-depleted", "volumeMl", 80, "cd34PerUl",
                1800, "cd3PerUl", 2, "method", "CD34+ selection", "descriptionCode", "S1195")), 200);
        assertThat(done.map()).containsEntry("descriptionCode", "S1195");
        assertThat((String) done.map().get("productCode")).startsWith("S1195");
        Map<String, Object> details = (Map<String, Object>) lastEvent(done).get("details");
        assertThat(details).containsEntry("method", "CD34+ selection").containsEntry("descriptionCodeBefore", "S1128");
        // 80 mL x 2 /uL x 1,000 = 160,000 CD3+ cells left
        assertThat(((Number) details.get("cd3Total")).doubleValue()).isEqualTo(160_000.0);
        assertThat(((Number) details.get("cd34RecoveryPercent")).doubleValue()).isEqualTo(72.0);
    }

    @Test
    void a_frozen_product_is_thawed_before_it_is_processed() {
        String product = unit.quarantinedProduct();
        Unit.expect(step(product, Map.of("type", "cryopreserved", "dmsoPercent", 10, "expiresAt", Instant.now().plus(
                Duration.ofDays(3650)).toString())), 200);
        Api.Answer refused = step(product, Map.of("type", "volume-reduced", "volumeMl", 100, "cd34PerUl", 1900));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("thaw");
    }

    @Test
    @SuppressWarnings("unchecked")
    void viability_and_haematocrit_measured_after_processing_are_shown_with_the_step_that_measured_them() {
        String product = unit.quarantinedProduct();
        String lab = unit.token(Role.LAB);
        Map<String, Object> before = Unit.expect(unit.api.get("/api/products/" + product, lab), 200).map();
        assertThat(before).doesNotContainKey("viability"); // none measured at the collection
        Api.Answer impossible = step(product, Map.of("type", "volume-reduced", "volumeMl", 100, "cd34PerUl", 1900,
                "viabilityPercent", 130, "hematocritPercent", 95));
        assertThat(impossible.status()).isEqualTo(422);
        assertThat(impossible.body()).contains("viabilityPercent").contains("hematocritPercent").contains("OUT_OF_RANGE");
        Api.Answer notProcessing = step(product, Map.of("type", "release-prepared", "viabilityPercent", 90));
        assertThat(notProcessing.status()).isEqualTo(422);
        assertThat(notProcessing.body()).contains("viabilityPercent").contains("NOT_APPLICABLE");

        Api.Answer done = Unit.expect(step(product, Map.of("type", "volume-reduced", "volumeMl", 100, "cd34PerUl", 1900,
                "viabilityPercent", 92, "hematocritPercent", 4)), 200);
        Map<String, Object> viability = (Map<String, Object>) done.map().get("viability");
        assertThat(((Number) viability.get("percent")).doubleValue()).isEqualTo(92.0);
        assertThat(viability).containsEntry("step", "volume-reduced").containsEntry("productId", product);
        Map<String, Object> hematocrit = (Map<String, Object>) done.map().get("hematocrit");
        assertThat(((Number) hematocrit.get("percent")).doubleValue()).isEqualTo(4.0);
        assertThat(hematocrit).containsEntry("step", "volume-reduced");
        Map<String, Object> details = (Map<String, Object>) lastEvent(done).get("details");
        assertThat(((Number) details.get("viabilityPercent")).doubleValue()).isEqualTo(92.0);
        assertThat(((Number) details.get("hematocritPercent")).doubleValue()).isEqualTo(4.0);
        assertThat(details).doesNotContainKey("viabilityBefore"); // nothing measured before
        assertThat(details.get("hematocritBefore")).isNull();

        // an aliquot shows its parent's latest measurement, named as measured on the parent
        List<String> children = (List<String>) Unit.expect(step(product, Map.of("type", "divided", "aliquots", List.of(
                Map.of("volumeMl", 50), Map.of("volumeMl", 50)))), 200).map().get("children");
        Map<String, Object> a0 = Unit.expect(unit.api.get("/api/products/" + children.get(0), lab), 200).map();
        assertThat((Map<String, Object>) a0.get("viability")).containsEntry("step", "volume-reduced")
                .containsEntry("productId", product);
        Api.Answer again = Unit.expect(step(children.get(0), Map.of("type", "volume-reduced", "volumeMl", 20,
                "cd34PerUl", 4500, "viabilityPercent", 88)), 200);
        assertThat((Map<String, Object>) again.map().get("viability")).containsEntry("step", "volume-reduced")
                .containsEntry("productId", children.get(0));
        assertThat(((Number) ((Map<String, Object>) again.map().get("viability")).get("percent")).doubleValue())
                .isEqualTo(88.0);
        Map<String, Object> againDetails = (Map<String, Object>) lastEvent(again).get("details");
        assertThat(againDetails.get("viabilityBefore").toString()).contains("percent=92").contains("volume-reduced");
    }
}
