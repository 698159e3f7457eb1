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

    /** What a taken position shows of its product: the DIN's last six digits before the check character. */
    private static String sequence(String dinPrinted) {
        String digits = dinPrinted.replace(" ", "");
        digits = digits.substring(0, digits.length() - 1);
        return digits.substring(digits.length() - 6);
    }

    @Test
    void the_lab_finds_the_frozen_hpc_in_the_freezer_map_and_reads_its_custody() {
        browser.signIn("lab.fischer", server.demoPassword);
        browser.go("/products");
        browser.awaitHeading("Cell products");
        browser.awaitText(By.id("freezer-map"), "LN2-1");
        assertThat(browser.text(By.id("freezer-map"))).contains("rack 2 / box 5").contains("rack 4 / box 1")
                .contains("9 × 9").contains("Kept at -196 to -150 °C").contains("temperature excursion");
        String token = server.login("lab.fischer", server.demoPassword);
        JsonNode hpc = first(products(token), "hpc", "released");
        // the frozen HPC in position A1 of its box: the cell shows its DIN's sequence and opens the product
        String a1 = "#freezer-map [data-container='rack 2 / box 5'] td[data-position='A1']";
        assertThat(browser.text(By.cssSelector(a1))).isEqualTo(sequence(hpc.get("din").asText()));
        assertThat(browser.await(By.cssSelector(a1)).getAttribute("title")).contains(hpc.get("din").asText())
                .contains("Released");
        assertThat(browser.await(By.cssSelector("#freezer-map [data-container='rack 2 / box 5'] td[data-position='A2']"))
                .getAttribute("class")).contains("free");
        browser.screenshot("50-products-freezer-map");
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

        // the lab puts the fresh bag in the refrigerator by clicking a free position: the tank is shown, but not
        // offered, since it cannot hold a fresh product
        JsonNode fridge = null;
        for (JsonNode unit : server.call("GET", "/api/storage-units", token, null).body()) {
            if (unit.get("unit").get("name").asText().equals("FRIDGE-1")) {
                fridge = unit.get("unit");
            }
        }
        assertThat(fridge).as("the demo refrigerator").isNotNull();
        String shelf2 = null;
        for (JsonNode c : server.call("GET", "/api/storage-units/" + fridge.get("id").asText() + "/map", token, null)
                .body().get("containers")) {
            if (c.get("name").asText().equals("shelf 2")) {
                shelf2 = c.get("id").asText();
            }
        }
        browser.click(By.id("step-stored"));
        browser.await(By.cssSelector("#picker-grid .position-grid"));
        org.openqa.selenium.WebElement tank = browser.await(By.xpath(
                "//select[@data-field='storageUnit']/option[starts-with(normalize-space(.), 'LN2-1')]"));
        assertThat(tank.getAttribute("disabled")).isNotNull();
        assertThat(tank.getText()).contains("cannot hold it").contains("fresh");
        browser.select("storageUnit", fridge.get("id").asText());
        browser.select("containerId", shelf2);
        browser.click(By.cssSelector("#picker-grid [data-container='shelf 2'] button[aria-label='shelf 2 position A4, free']"));
        browser.awaitText(By.id("chosen-place"), "Into FRIDGE-1 / shelf 2 / A4");
        assertThat(browser.await(By.cssSelector("#picker-grid td[data-position='A4']")).getAttribute("class"))
                .contains("chosen");
        browser.screenshot("53c-product-store-position-picker");
        browser.click(By.id("record-step"));
        browser.awaitText(By.id("custody"), "FRIDGE-1 / shelf 2 / A4");

        // moved: a position outside the shelf's six is named beside the position; a free one in shelf 1 is taken
        browser.click(By.id("step-moved"));
        browser.await(By.cssSelector("#picker-grid td.current"));
        browser.select("containerId", shelf2);
        browser.type("position", "A9");
        browser.click(By.id("record-step"));
        browser.awaitError("position", "A9");
        browser.click(By.cssSelector("#picker-grid [data-container='shelf 2'] button[aria-label='shelf 2 position A6, free']"));
        browser.click(By.id("record-step"));
        browser.awaitText(By.id("custody"), "Moved");
        assertThat(browser.text(By.id("custody"))).contains("FRIDGE-1 / shelf 2 / A6").contains("from FRIDGE-1 / shelf 2 / A4");
        String din = browser.text(By.id("product-din"));
        browser.go("/products");
        browser.await(By.cssSelector("#freezer-map [data-container='shelf 2'] td[data-position='A6'] a"));
        assertThat(browser.text(By.cssSelector("#freezer-map [data-container='shelf 2'] td[data-position='A6']")))
                .isEqualTo(sequence(din));
        assertThat(browser.await(By.cssSelector("#freezer-map [data-container='shelf 2'] td[data-position='A4']"))
                .getAttribute("class")).contains("free");
    }

    @Test
    void the_lab_adds_a_storage_unit_and_lays_it_out_and_the_freezer_map_draws_its_grid() {
        browser.signIn("lab.fischer", server.demoPassword);
        browser.go("/products");
        browser.await(By.id("unit-form"));
        browser.click(By.id("add-unit"));
        browser.awaitError("name", "required");
        browser.fill("unit-form", java.util.Map.of("name", "ROOM-1", "lowestC", "24", "highestC", "20"));
        browser.select("kind", "room");
        browser.click(By.id("add-unit"));
        browser.awaitError("highestC", "not above the lowest");
        browser.fill("unit-form", java.util.Map.of("lowestC", "20", "highestC", "24"));
        browser.click(By.id("add-unit"));
        browser.awaitText(By.id("freezer-map"), "ROOM-1");
        assertThat(browser.text(By.id("unit-ROOM-1"))).contains("Room").contains("Kept at 20 to 24 °C")
                .contains("Nothing is stored here.");
        new org.openqa.selenium.support.ui.Select(browser.await(By.cssSelector("#container-form [data-field='unit']")))
                .selectByVisibleText("ROOM-1");
        browser.fill("container-form", java.util.Map.of("name", "bench / tray 1", "rows", "2", "columns", "60"));
        browser.click(By.id("add-container"));
        browser.awaitError("columns", "50");
        browser.fill("container-form", java.util.Map.of("columns", "4"));
        browser.click(By.id("add-container"));
        browser.await(By.cssSelector("#unit-ROOM-1 [data-container='bench / tray 1'] td[data-position='B4']"));
        assertThat(browser.text(By.id("unit-ROOM-1"))).contains("bench / tray 1").contains("2 × 4, 8 of 8 free");
        browser.screenshot("50b-products-storage-unit-laid-out");
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
                "reaction", "rigors, 39.1 °C and a fall in blood pressure at 20 minutes; infusion stopped, not resumed"));
        // a reaction without its grade is named beside the grade
        browser.click(By.id("check-and-infuse"));
        browser.awaitError("reactionGrade", "CTCAE");
        browser.select("reactionGrade", "3");
        browser.click(By.id("check-and-infuse"));
        browser.awaitText(By.cssSelector(".page-head .sub"), "Infused");
        assertThat(browser.text(By.id("custody"))).contains("Infused").contains("by nurse.moreau")
                .contains("before: BP 118/70 mmHg, pulse 96 /min, 38.4 °C").contains("after: pulse 104 /min, 39.1 °C")
                .contains("reaction (CTCAE grade 3): rigors");
        // grade 3 or more is a serious adverse event of the recipient, said at the top of the product's page
        assertThat(browser.text(By.id("serious-reaction"))).contains("CTCAE grade 3").contains("by nurse.moreau")
                .contains("serious adverse event");
        browser.screenshot("55-bedside-infused");
    }
}
