package org.openapheresis.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.access.Role;
import org.openapheresis.server.support.Databases;
import org.openapheresis.server.support.Unit;

/** A step the lab records on a cell product is charged by the code rules in the same transaction, once. */
class ProductChargesTest {

    private static Unit unit;

    @BeforeAll
    static void start() {
        unit = Unit.start(Databases.Kind.H2);
        Unit.expect(unit.api.put("/api/price-list", unit.token(Role.ADMIN), Map.of("entries", List.of(
                BillingRoutesTest.price("38207", 900.00, "2020-01-01")))), 200);
    }

    @AfterAll
    static void stop() {
        unit.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void freezing_an_autologous_hpc_product_charges_38207_once_to_its_patient() {
        String product = unit.quarantinedProduct();
        String patient = (String) Unit.expect(unit.api.get("/api/products/" + product, unit.token(Role.LAB)), 200)
                .map().get("recipientId");
        Map<String, Object> freeze = new LinkedHashMap<>();
        freeze.put("type", "cryopreserved");
        freeze.put("at", Instant.now().toString());
        freeze.put("dmsoPercent", 10);
        freeze.put("freezingRecord", "controlled-rate freezer run 7");
        freeze.put("expiresAt", Instant.now().plus(Duration.ofDays(3650)).toString());
        Unit.expect(unit.api.post("/api/products/" + product + "/events", unit.token(Role.LAB), freeze), 200);
        List<Map<String, Object>> items = BillingRoutesTest.items(Unit.expect(unit.api.get("/api/charges?patientId="
                + patient, unit.token(Role.BILLING)), 200));
        assertThat(items).filteredOn(i -> "38207".equals(i.get("code"))).hasSize(1)
                .allSatisfy(i -> assertThat(((Number) i.get("amount")).doubleValue()).isEqualTo(900.0));
        // storing it (no code rule for storage alone) adds nothing
        Unit.expect(unit.api.post("/api/products/" + product + "/events", unit.token(Role.LAB), Map.of("type", "stored",
                "at", Instant.now().toString(), "location", "LN2-1 / rack 1 / box 1 / A1", "temperatureC", -180)), 200);
        assertThat(BillingRoutesTest.items(unit.api.get("/api/charges?patientId=" + patient, unit.token(Role.BILLING))))
                .filteredOn(i -> "38207".equals(i.get("code"))).hasSize(1);
    }
}
