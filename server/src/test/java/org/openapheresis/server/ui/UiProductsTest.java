package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Cell products in the demo unit as the lab and the nurse use them: the inventory and its freezer map, a frozen
 * product's custody, a product made from a completed collection on its run sheet and its release begun, and the
 * bedside check that stops a wrong bag before the granulocytes issued this morning are given.
 */
class UiProductsTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
    }

    private static JsonNode products(String token) {
        return server.call("GET", "/api/products", token, null).body();
    }

    private static JsonNode first(JsonNode list, String kind, String status) {
        for (JsonNode p : list) {
            if (p.get("kind").asText().equals(kind) && p.get("status").asText().equals(status)) {
                return p;
            }
        }
        throw new AssertionError("no " + kind + " product " + status + " in " + list);
    }

    @Test
    void the_lab_finds_the_frozen_hpc_in_the_freezer_map_and_reads_its_custody() {
        browser.signIn("lab.fischer", server.demoPassword);
        browser.go("/products");
        browser.awaitHeading("Cell products");
        browser.awaitText(By.id("freezer-map"), "LN2-1");
        assertThat(browser.text(By.id("freezer-map"))).contains("rack 2 / box 5 / A1").contains("rack 4 / box 1 / B1")
                .contains("Kept at -196 to -150 °C").contains("temperature excursion");
        browser.screenshot("50-products-freezer-map");
        String token = server.login("lab.fischer", server.demoPassword);
        JsonNode hpc = first(products(token), "hpc", "released");
        browser.go("/products/" + hpc.get("id").asText());
        browser.awaitHeading("HPC, Apheresis");
        assertThat(browser.text(By.id("custody"))).contains("Release verified by a second person")
                .contains("by lab.weber, the second person")
                .contains("Cryopreserved").contains("10 % DMSO").contains("Stored");
        assertThat(browser.text(By.id("product-din"))).contains(hpc.get("checkCharacter").asText());
        assertThat(browser.all(By.id("label-link"))).hasSize(1);
        assertThat(browser.text(By.id("product-excursions"))).contains("-141.5 °C");
        browser.screenshot("51-product-hpc-frozen");
    }

    @Test
    void the_lab_makes_the_product_of_a_completed_collection_on_its_run_sheet_and_prepares_its_release() {
        browser.signIn("lab.fischer", server.demoPassword);
        String token = server.login("lab.fischer", server.demoPassword);
        // the allogeneic HPC donor's first collection, completed yesterday, has no product yet
        JsonNode sessions = server.call("GET", "/api/sessions", token, null).body();
        String session = null;
        for (JsonNode s : sessions) {
            if (s.get("procedureType").asText().equals("hpc-collection") && s.get("status").asText().equals("completed")) {
                boolean made = false;
                for (JsonNode p : products(token)) {
                    made |= p.get("sessionId").asText().equals(s.get("id").asText());
                }
                if (!made) {
                    session = s.get("id").asText();
                }
            }
        }
        assertThat(session).as("a completed HPC collection without its product").isNotNull();
        browser.go("/sessions/" + session);
        browser.await(By.id("product-new-form"));
        browser.click(By.id("make-product"));
        browser.awaitError("recipientId", "donor");
        new org.openqa.selenium.support.ui.Select(browser.await(By.cssSelector("[data-field='recipientId']")))
                .selectByIndex(1);
        browser.select("abo", "A");
        browser.select("rh", "pos");
        browser.screenshot("52-runsheet-make-product");
        browser.click(By.id("make-product"));
        browser.awaitHeading("HPC, Apheresis");
        assertThat(browser.text(By.cssSelector(".page-head .sub"))).contains("Quarantine");
        browser.click(By.id("step-release-prepared"));
        browser.click(By.id("record-step"));
        browser.awaitText(By.id("custody"), "Release prepared");
        assertThat(browser.text(By.cssSelector(".page-head .sub"))).contains("Release pending");
        assertThat(browser.all(By.id("step-release-verified"))).as("offered, for the second person").hasSize(1);
        browser.screenshot("53-product-release-prepared");

        // the lab reduces the volume: the counts the product carries are asked for again, and the recovery is kept
        browser.click(By.id("step-volume-reduced"));
        browser.await(By.cssSelector("#step-form [data-field='volumeMl']"));
        browser.click(By.id("record-step"));
        browser.awaitError("volumeMl", "required");
        browser.fill("step-form", java.util.Map.of("volumeMl", "10"));
        for (String count : new String[] {"cd34PerUl", "cd3PerUl", "wbcE9PerL"}) {
            if (!browser.all(By.cssSelector("#step-form [data-field='" + count + "']")).isEmpty()) {
                browser.fill("step-form", java.util.Map.of(count, "1000"));
            }
        }
        browser.click(By.id("record-step"));
        browser.awaitText(By.id("custody"), "Volume reduced");
        assertThat(browser.text(By.id("custody"))).contains("→ 10 mL");
        browser.screenshot("53b-product-volume-reduced");
    }

    @Test
    void the_bedside_check_stops_a_wrong_bag_and_records_the_right_one() {
        browser.signIn("nurse.moreau", server.demoPassword);
        String token = server.login("nurse.moreau", server.demoPassword);
        JsonNode gran = first(products(token), "granulocytes", "issued");
        JsonNode hpc = first(products(token), "hpc", "released");
        browser.go("/products/" + gran.get("id").asText());
        browser.await(By.id("bedside-form"));
        browser.fill("bedside-form", java.util.Map.of("scannedDin", hpc.get("din").asText(), "patientId",
                gran.get("recipientId").asText()));
        browser.click(By.id("check-and-infuse"));
        browser.awaitText(By.id("bedside-refused"), "STOP");
        assertThat(browser.text(By.id("bedside-refused"))).contains("is not this product's");
        browser.screenshot("54-bedside-check-refused");
        browser.fill("bedside-form", java.util.Map.of("scannedDin", gran.get("din").asText(),
                "vitalsBefore.systolicMmHg", "118", "vitalsBefore.diastolicMmHg", "70", "vitalsBefore.pulsePerMin", "96",
                "vitalsBefore.temperatureC", "38.4", "vitalsAfter.temperatureC", "39.1", "vitalsAfter.pulsePerMin", "104",
                "reaction", "rigors and a rise in temperature at 20 minutes; infusion paused, pethidine given, resumed"));
        // a reaction without its grade is named beside the grade
        browser.click(By.id("check-and-infuse"));
        browser.awaitError("reactionGrade", "CTCAE");
        browser.select("reactionGrade", "2");
        browser.click(By.id("check-and-infuse"));
        browser.awaitText(By.cssSelector(".page-head .sub"), "Infused");
        assertThat(browser.text(By.id("custody"))).contains("Infused").contains("by nurse.moreau")
                .contains("before: BP 118/70 mmHg, pulse 96 /min, 38.4 °C").contains("after: pulse 104 /min, 39.1 °C")
                .contains("reaction (CTCAE grade 2): rigors");
        browser.screenshot("55-bedside-infused");
    }
}
