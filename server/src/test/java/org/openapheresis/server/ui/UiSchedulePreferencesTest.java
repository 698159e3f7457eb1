package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * What the week's planner weighs, as staff set it: the physician asks for pre-procedure labs on the order form (and
 * reads them on the order), and the times a patient prefers to come are kept on the patient's page, a wrong window
 * refused beside the field.
 */
class UiSchedulePreferencesTest extends BrowserTest {

    private static String patientId;

    @BeforeAll
    static void start() throws Exception {
        open(false);
        String physician = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        UiServer.Answer patient = server.call("POST", "/api/patients", physician, Map.of("mrn", "MRN-PREF-1",
                "givenName", "Elin", "familyName", "Sandberg", "birthDate", "1975-02-11", "sex", "female", "heightCm",
                166, "weightKg", 62, "labs", Map.of("hematocritPercent", 40, "iggGPerL", 10, "fibrinogenGPerL", 3)));
        assertThat(patient.status()).isEqualTo(201);
        patientId = patient.body().get("id").asText();
        browser.signIn(UiServer.PHYSICIAN, UiServer.PASSWORD);
    }

    /**
     * Waits out the live plan the indication asked for: it is asked 350 ms after a change of the plan's inputs and,
     * drawn, clears the form's problems, which would hide the refusal of a submit made before it.
     */
    private static void settle() {
        try {
            Thread.sleep(1200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_physician_asks_for_pre_procedure_labs_on_the_order_form_and_reads_them_on_the_order() {
        browser.go("/patients/" + patientId + "/orders/new");
        browser.awaitHeading("New order");
        new Select(browser.await(By.cssSelector("[data-field='indication.row']"))).selectByValue("ms-relapse");
        browser.await(By.cssSelector("#pre-procedure-labs input.pre-lab[value='fibrinogenGPerL']")).click();
        browser.await(By.cssSelector("#pre-procedure-labs input.pre-lab[value='plateletsE9PerL']")).click();
        browser.type("preProcedureLabs.maxAgeHours", "0");
        settle();
        browser.click(By.id("create-order"));
        browser.awaitError("preProcedureLabs.maxAgeHours", "168");
        browser.type("preProcedureLabs.maxAgeHours", "24");
        browser.click(By.id("create-order"));
        browser.await(By.id("sign-order"));
        assertThat(browser.text(By.id("pre-procedure-labs"))).contains("Fibrinogen").contains("Platelets")
                .contains("no older than 24 h");
        browser.screenshot("75-order-pre-procedure-labs");
    }

    @Test
    void the_times_a_patient_prefers_are_kept_on_the_patients_page() {
        browser.go("/patients/" + patientId);
        browser.await(By.id("preferred-times"));
        assertThat(browser.text(By.id("preferred-summary"))).contains("No preference recorded");
        browser.await(By.cssSelector("[data-field='thursday.on']")).click();
        browser.fill("preferred-form", Map.of("thursday.from", "13:00", "thursday.to", "12:00"));
        browser.click(By.id("save-preferred"));
        browser.awaitError("thursday.to", "not after");
        browser.fill("preferred-form", Map.of("thursday.to", "17:30"));
        browser.click(By.id("save-preferred"));
        browser.awaitText(By.id("preferred-summary"), "Thursday 13:00–17:30");
        browser.go("/patients");
        browser.go("/patients/" + patientId);
        browser.awaitText(By.id("preferred-summary"), "Thursday 13:00–17:30");
        assertThat(browser.missingValueTexts()).isEmpty();

        // a colleague changes them while the page is open: the save is refused, nothing is written, the page says
        // what is stored now, and saving again (having seen it) writes the change
        String nurse = server.login(UiServer.NURSE, UiServer.PASSWORD);
        String path = "/api/patients/" + patientId + "/preferred-times";
        String revision = server.call("GET", path, nurse, null).body().get("revision").asText();
        assertThat(server.call("PUT", path, nurse, Map.of("preferredTimes", java.util.List.of(Map.of("day", "monday",
                "from", "08:00", "to", "12:00")), "revision", revision)).status()).isEqualTo(200);
        browser.await(By.cssSelector("[data-field='friday.on']")).click();
        browser.click(By.id("save-preferred"));
        browser.awaitText(By.cssSelector("#preferred-form .form-errors"), "Not saved: someone changed these preferred times");
        assertThat(browser.text(By.id("preferred-summary"))).contains("Monday 08:00–12:00").doesNotContain("Thursday");
        browser.screenshot("75b-preferred-times-changed-meanwhile");
        browser.click(By.id("save-preferred"));
        browser.awaitText(By.id("preferred-summary"), "Thursday 13:00–17:30 · Friday");
        assertThat(server.call("GET", path, nurse, null).body().get("preferredTimes").size()).isEqualTo(2);
    }
}
