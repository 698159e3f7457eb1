package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The patient information sheet from the order page of the demo unit: the physician finds the button on the GBS
 * patient's order, opens the sheet the patient takes home, and it reads from that patient's own plan.
 */
class UiPatientSheetTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
    }

    @Test
    void the_order_page_opens_the_patients_own_sheet_in_plain_words() {
        browser.signIn("dr.lindqvist", server.demoPassword);
        String token = server.login("dr.lindqvist", server.demoPassword);
        String orderId = null;
        for (JsonNode o : server.call("GET", "/api/orders", token, null).body()) {
            if (o.get("indication").get("code").asText().equals("G61.0")) {
                orderId = o.get("id").asText();
            }
        }
        assertThat(orderId).as("the demo GBS order").isNotNull();
        browser.go("/orders/" + orderId);
        // the order page also says what the course may cost, uninsured: 5 exchanges at the demo's example price
        // (36514, 2,400) and each one's planned 5 % albumin in 13 containers of 250 mL (P9045, 65): 5 x 3,245
        assertThat(browser.text(By.id("estimate-total"))).isEqualTo("$16,225.00");
        assertThat(browser.text(By.id("estimate-share"))).isEqualTo("$16,225.00");
        // the assistance screen: 3 people earning 60,000 are 225.1 % of the 2025 guideline (26,650): 75 % off
        browser.click(By.cssSelector("#assistance summary"));
        browser.fill("assistance-form", java.util.Map.of("householdSize", "3", "annualIncome", "60000"));
        browser.click(By.id("assistance-check"));
        assertThat(browser.text(By.id("assistance-percent"))).contains("225.1 %").contains("3 people")
                .contains("$26,650.00");
        assertThat(browser.text(By.id("assistance-discount"))).isEqualTo("75 % off the patient's share: $16,225.00 "
                + "becomes $4,056.25");
        browser.screenshot("61-order-assistance-screen");
        browser.fill("assistance-form", java.util.Map.of("householdSize", "0"));
        browser.click(By.id("assistance-check"));
        browser.awaitError("householdSize", "outside");
        browser.await(By.id("patient-sheet"));
        String href = browser.await(By.id("patient-sheet")).getAttribute("href");
        assertThat(href).endsWith("/api/orders/" + orderId + "/patient-sheet?lang=en");
        assertThat(browser.await(By.id("patient-sheet-pdf")).getAttribute("href")).endsWith("?format=pdf&lang=en");
        browser.js("window.location.href = arguments[0]", href);
        browser.await(By.id("sheet-title"));
        assertThat(browser.text(By.id("sheet-title"))).isEqualTo("Your treatment: information for you");
        assertThat(browser.text(By.id("sheet-person"))).contains("Aalto").contains("MRN-100871");
        assertThat(browser.text(By.id("sheet-what"))).contains("plasma exchange").contains("Guillain-Barre");
        assertThat(browser.text(By.id("sheet-before"))).contains("You take an ACE inhibitor");
        assertThat(browser.text(By.id("sheet-time"))).contains("5 treatments, one every other day")
                .containsPattern("about (1 hour|an hour and a half|\\d( and a half)? hours)");
        browser.screenshot("60-patient-sheet-gbs");
    }

    /** The demo order of the given ICD-10 code and procedure type. */
    private static String order(String token, String icd10, String type) {
        for (JsonNode o : server.call("GET", "/api/orders", token, null).body()) {
            if (o.get("indication").get("code").asText().equals(icd10)
                    && o.get("procedure").get("type").asText().equals(type)) {
                return o.get("id").asText();
            }
        }
        throw new AssertionError("no demo " + type + " order for " + icd10);
    }

    @Test
    void a_leukocytapheresis_patient_and_a_stem_cell_donor_each_read_a_sheet_of_their_own() {
        browser.signIn("dr.lindqvist", server.demoPassword);
        String token = server.login("dr.lindqvist", server.demoPassword);
        browser.go("/orders/" + order(token, "C92.00", "leukocytapheresis"));
        browser.js("window.location.href = arguments[0]", browser.await(By.id("patient-sheet")).getAttribute("href"));
        browser.await(By.id("sheet-title"));
        assertThat(browser.text(By.id("sheet-title"))).isEqualTo("Your treatment: information for you");
        assertThat(browser.text(By.id("sheet-what"))).contains("white blood cells").contains("30 to 60 of every 100");
        assertThat(browser.text(By.id("sheet-person"))).contains("Wojcik");
        browser.screenshot("60b-patient-sheet-leukocytapheresis");

        // the allogeneic stem cell donor: a donation, what happens to his cells, and that he pays nothing for it
        String donation = order(token, "Z52.091", "hpc-collection");
        browser.go("/orders/" + donation);
        browser.awaitText(By.id("estimate-share"), "nothing");
        assertThat(browser.text(By.id("coverage-verdict"))).contains("the donor pays nothing");
        assertThat(browser.all(By.id("assistance"))).as("no assistance screen for a donor").isEmpty();
        browser.screenshot("60c-order-donation-cost");
        browser.js("window.location.href = arguments[0]", browser.await(By.id("patient-sheet")).getAttribute("href"));
        browser.await(By.id("sheet-title"));
        assertThat(browser.text(By.id("sheet-title"))).isEqualTo("Your donation: information for you");
        assertThat(browser.text(By.id("sheet-cells"))).contains("given to the person who needs them");
        assertThat(browser.text(By.id("sheet-time"))).contains("It depends on how many cells each visit collects")
                .doesNotContain("get better");
        assertThat(browser.text(By.id("sheet-before"))).contains("during the donation");
        assertThat(browser.text(By.id("sheet-cost"))).contains("You do not pay for your donation").doesNotContain("$");
        assertThat(browser.text(By.id("sheet-sources"))).contains("Donors never pay for donating");
        browser.screenshot("60d-patient-sheet-hpc-donor");
    }
}
