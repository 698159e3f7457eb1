package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The administrator keeps the unit's machines and chairs, the lists every booking is made on. */
class UiUnitResourcesTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
    }

    @Test
    void an_admin_adds_a_machine_for_cell_collections_and_takes_a_chair_out_of_service() {
        browser.signIn("admin", UiServer.ADMIN_PASSWORD);
        browser.go("/unit");
        browser.awaitHeading("The unit");
        assertThat(browser.text(By.id("machines"))).contains("Optia-1").contains("MCS-1");
        browser.type("name", "Optia-9");
        browser.type("model", "Spectra Optia");
        browser.click(By.cssSelector("#machine-form [name='type.plasma-exchange']"));
        browser.click(By.id("add-machine"));
        browser.awaitText(By.cssSelector("#machines [data-machine='Optia-9']"), "In service");
        assertThat(browser.text(By.cssSelector("#machines [data-machine='Optia-9']")))
                .doesNotContain("Plasma exchange").contains("HPC collection");
        browser.js("window.confirm = () => true; return 0;");
        browser.click(By.cssSelector("#chairs [data-chair='Bed 1'] button"));
        browser.awaitText(By.cssSelector("#chairs [data-chair='Bed 1']"), "Out of service");
        browser.screenshot("12-the-unit-machines-and-chairs");

        // the planning rules: Saturday closed, the lab's cut-off later; a day that closes before it opens is refused
        assertThat(browser.text(By.id("opening-hours"))).contains("Saturday");
        browser.click(By.cssSelector("#rules-form [name='open.saturday']"));
        browser.fill("rules-form", Map.of("labCutOff", "16:00", "closes.monday", "07:00"));
        browser.click(By.id("save-rules"));
        browser.wait.until(d -> browser.text(By.id("rules-form")).contains("not after it opens"));
        browser.fill("rules-form", Map.of("closes.monday", "18:00"));
        browser.click(By.id("save-rules"));
        browser.wait.until(d -> browser.text(By.id("rules-form")).contains("by admin"));
        assertThat(browser.await(By.cssSelector("#rules-form [name='open.saturday']")).isSelected()).isFalse();
        assertThat(browser.await(By.cssSelector("#rules-form [name='labCutOff']")).getAttribute("value"))
                .isEqualTo("16:00");
        browser.screenshot("13-the-unit-planning-rules");
    }

    @Test
    void an_admin_sets_the_unit_s_paper_to_us_letter_and_the_order_page_offers_a4_as_the_other_size() throws Exception {
        browser.signIn("admin", UiServer.ADMIN_PASSWORD);
        browser.go("/unit");
        browser.awaitHeading("The unit");
        browser.select("paper", "letter");
        browser.click(By.id("save-print-settings"));
        browser.wait.until(d -> browser.text(By.id("print-settings-form")).contains("by admin"));
        browser.screenshot("14-the-unit-printed-documents");
        try {
            String token = server.login("dr.lindqvist", server.demoPassword);
            String orderId = server.call("GET", "/api/orders", token, null).body().get(0).get("id").asText();
            browser.signIn("dr.lindqvist", server.demoPassword);
            browser.go("/orders/" + orderId);
            assertThat(browser.await(By.id("plan-sheet-pdf")).getAttribute("href")).endsWith("/plan-sheet?format=pdf");
            assertThat(browser.text(By.id("plan-sheet-pdf-other-paper"))).isEqualTo("A4");
            assertThat(browser.await(By.id("plan-sheet-pdf-other-paper")).getAttribute("href")).endsWith("&paper=a4");
            assertThat(browser.await(By.id("patient-sheet")).getAttribute("href")).endsWith("lang=en");
        } finally {
            String admin = server.login("admin", UiServer.ADMIN_PASSWORD);
            int version = server.call("GET", "/api/print-settings", admin, null).body().get("version").asInt();
            assertThat(server.call("PUT", "/api/print-settings", admin, Map.of("paper", "a4", "sheetLanguage", "en",
                    "version", version)).status()).isEqualTo(200);
        }
    }

    @Test
    void an_admin_replaces_the_standard_s_example_fin_a_wrong_one_named_beside_its_field() {
        browser.signIn("admin", UiServer.ADMIN_PASSWORD);
        browser.go("/unit");
        browser.awaitText(By.id("facility"), "Cell product labels (ISBT 128)");
        assertThat(browser.await(By.cssSelector("#facility-form [name='fin']")).getAttribute("value"))
                .isEqualTo("A9999");
        assertThat(browser.text(By.id("facility-set"))).contains("standard’s own examples");
        browser.js("window.confirm = () => true; return 0;");
        browser.fill("facility-form", Map.of("fin", "G12"));
        browser.click(By.id("save-facility"));
        browser.wait.until(d -> browser.text(By.id("facility-form")).contains("5 expected"));
        String admin = server.login("admin", UiServer.ADMIN_PASSWORD);
        assertThat(server.call("GET", "/api/facility", admin, null).body().get("fin").asText()).isEqualTo("A9999");
        try {
            browser.fill("facility-form", Map.of("fin", "G1234", "name", "Demo cell therapy lab"));
            browser.click(By.id("save-facility"));
            browser.wait.until(d -> server.call("GET", "/api/facility", admin, null).body().get("fin").asText()
                    .equals("G1234"));
            browser.go("/unit");
            browser.awaitText(By.id("facility-set"), "by admin");
            assertThat(browser.text(By.id("facility-set"))).doesNotContain("standard’s own examples");
            browser.js("document.getElementById('facility').scrollIntoView(); return 0;");
            browser.screenshot("15-the-unit-facility-fin");
        } finally {
            server.call("PUT", "/api/facility", admin, Map.of("fin", "A9999", "name",
                    "OpenApheresis demo unit (the standard's example facility A9999)"));
        }
    }
}
