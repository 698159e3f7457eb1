package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The coverage check on the order page of the demo unit, before the physician signs: a new, unsigned exchange
 * course for the MS patient (commercial plan, ASFA category II, the unit's example rule asks for prior
 * authorisation and one is on file for the course), then the signed orders of the AML patient (Medicare: NCD
 * 110.14 covers leukapheresis for leukaemia), the chronic GVHD patient (authorisation needed, none on file) and the
 * myasthenia patient (Medicaid: no rule, ask billing).
 */
class UiCoverageCheckTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
    }

    private static String orderOf(String token, String icd10) {
        for (JsonNode o : server.call("GET", "/api/orders", token, null).body()) {
            if (o.get("indication").get("code").asText().equals(icd10)) {
                return o.get("id").asText();
            }
        }
        throw new AssertionError("no demo order for " + icd10);
    }

    private static String patientOf(String token, String icd10) {
        for (JsonNode o : server.call("GET", "/api/orders", token, null).body()) {
            if (o.get("indication").get("code").asText().equals(icd10)) {
                return o.get("patientId").asText();
            }
        }
        throw new AssertionError("no demo order for " + icd10);
    }

    @Test
    void the_order_page_shows_category_payer_rule_and_prior_authorisation_before_the_signature() {
        browser.signIn("dr.lindqvist", server.demoPassword);
        String token = server.login("dr.lindqvist", server.demoPassword);
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("patientId", patientOf(token, "G35.A"));
        order.put("indication", Map.of("code", "G35.A", "text", "MS relapse, second course"));
        order.put("procedure", Map.of("type", "plasma-exchange", "device", "continuous-flow", "plasmaVolumes", 1.0,
                "replacement", Map.of("albuminPercent", 100, "plasmaPercent", 0)));
        order.put("schedule", Map.of("sessions", 5, "intervalHours", 48));
        UiServer.Answer created = server.call("POST", "/api/orders", token, order);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.body().get("id").asText();
        browser.go("/orders/" + id);
        browser.await(By.id("coverage-verdict"));
        // unsigned: the sign button is on the page, and the check is there before it is pressed
        assertThat(browser.await(By.id("sign-order")).isDisplayed()).isTrue();
        assertThat(browser.text(By.id("h-coverage-check"))).isEqualTo("Coverage before signing");
        assertThat(browser.text(By.id("coverage-verdict"))).startsWith("Covered");
        assertThat(browser.text(By.id("coverage-category"))).startsWith("ASFA category II, grade 1A");
        assertThat(browser.text(By.id("coverage-payer"))).contains("Example Commercial Health").contains("(commercial)");
        assertThat(browser.text(By.id("coverage-rule"))).contains("UNIT_COMMERCIAL_CATEGORY_II")
                .contains("the unit's own rule").contains("EXAMPLE");
        assertThat(browser.text(By.id("coverage-pa"))).startsWith("needed; on file: EX-PA-2231")
                .endsWith("holds for the whole course");
        browser.screenshot("62-order-coverage-check-before-signing");

        // Medicare: NCD 110.14 covers leukapheresis for leukaemia, a published fact with its source
        browser.go("/orders/" + orderOf(token, "C92.00"));
        browser.await(By.id("coverage-verdict"));
        assertThat(browser.text(By.id("coverage-verdict"))).startsWith("Covered");
        assertThat(browser.text(By.id("coverage-rule"))).contains("NCD_110_14_LEUKEMIA").contains("published fact")
                .contains("Leukapheresis in the treatment of leukemia");
        assertThat(browser.text(By.id("coverage-pa"))).startsWith("not stated by the rule — ask billing");

        // chronic GVHD on a commercial plan: category II needs an authorisation and none is on file
        browser.go("/orders/" + orderOf(token, "D89.81"));
        browser.await(By.id("coverage-verdict"));
        assertThat(browser.text(By.id("coverage-summary"))).contains("prior authorisation needed and none is recorded");
        assertThat(browser.text(By.id("coverage-pa"))).isEqualTo("needed; on file: none recorded");
        browser.screenshot("63-order-coverage-check-no-authorisation");

        // Medicaid: no rule is written, so the page says to ask billing, never "covered"
        browser.go("/orders/" + orderOf(token, "G70.01"));
        browser.await(By.id("coverage-verdict"));
        assertThat(browser.text(By.id("coverage-verdict"))).startsWith("No rule — ask billing");
        assertThat(browser.text(By.id("coverage-rule"))).isEqualTo("no rule matches: ask billing");
    }

    /**
     * A coverage recorded without its payer kind (as every coverage before the kind existed) is marked on the
     * patient's page; "Record again" fills the form with it, the coordinator adds the kind and what has been met
     * since, and the new record is the one used while the old one stays, marked superseded.
     */
    @Test
    void a_coordinator_records_a_coverage_again_with_its_payer_kind_and_the_old_record_stays() {
        String physician = server.login("dr.lindqvist", server.demoPassword);
        String coordinator = server.login("coord.silva", server.demoPassword);
        UiServer.Answer patient = server.call("POST", "/api/patients", physician, Map.of("mrn", "MRN-COV-9",
                "givenName", "Ines", "familyName", "Duarte", "birthDate", "1971-03-02", "sex", "female",
                "heightCm", 165, "weightKg", 62));
        assertThat(patient.status()).as(patient.body().toString()).isEqualTo(201);
        String patientId = patient.body().get("id").asText();
        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("payer", "Example Mutual");
        coverage.put("plan", "Gold 1000");
        coverage.put("memberId", "EM-5521");
        coverage.put("planYearStart", "2026-01-01");
        coverage.put("planYearEnd", "2026-12-31");
        coverage.put("deductible", 1000);
        coverage.put("deductibleMet", 200);
        coverage.put("coinsurancePercent", 10);
        coverage.put("copayPerVisit", 0);
        coverage.put("outOfPocketMax", 4000);
        coverage.put("outOfPocketMet", 200);
        UiServer.Answer recorded = server.call("POST", "/api/patients/" + patientId + "/coverages", coordinator,
                coverage);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);

        browser.signIn("coord.silva", server.demoPassword);
        browser.go("/patients/" + patientId);
        browser.await(By.id("coverages-table"));
        assertThat(browser.text(By.cssSelector("#coverages-table tbody tr td.payer-kind"))).isEqualTo("not recorded");
        browser.click(By.cssSelector("#coverages-table .record-again"));
        // the form opens with the coverage in it
        assertThat(browser.await(By.cssSelector("#coverage-form [data-field='payer']")).getAttribute("value"))
                .isEqualTo("Example Mutual");
        assertThat(browser.await(By.cssSelector("#coverage-form [data-field='deductible']")).getAttribute("value"))
                .isEqualTo("1000");
        browser.select("payerKind", "commercial");
        browser.type("deductibleMet", "650");
        browser.click(By.id("add-coverage"));
        browser.awaitText(By.cssSelector("#coverages-table tbody tr td.payer-kind"), "commercial plan");
        List<WebElement> rows = browser.all(By.cssSelector("#coverages-table tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).contains("$650.00").doesNotContain("superseded");
        assertThat(rows.get(1).getText()).contains("superseded").contains("not recorded").contains("$200.00");
        assertThat(rows.get(1).findElements(By.cssSelector(".record-again"))).isEmpty();
        browser.screenshot("64-coverage-recorded-again-with-payer-kind");

        JsonNode list = server.call("GET", "/api/patients/" + patientId + "/coverages", coordinator, null).body();
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("payerKind").asText()).isEqualTo("commercial");
        assertThat(list.get(0).get("deductibleMet").decimalValue()).isEqualByComparingTo("650");
        assertThat(list.get(1).get("payerKind").isNull()).isTrue();
        assertThat(list.get(1).get("id").asText()).isEqualTo(recorded.body().get("id").asText());
    }
}
