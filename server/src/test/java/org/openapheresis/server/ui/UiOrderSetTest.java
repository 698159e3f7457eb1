package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Order sets on the new-order page: choosing MS relapse fills the plasma volumes, the albumin, the sessions and
 * the interval from the ASFA fact sheet, each with the fact sheet's words beside it, and the row says what it was
 * checked against; an indication of category IV says so and is signed only with the physician's reason.
 */
class UiOrderSetTest extends BrowserTest {

    private static String patientId;

    @BeforeAll
    static void start() throws Exception {
        open(false);
        String physician = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        UiServer.Answer patient = server.call("POST", "/api/patients", physician, Map.of("mrn", "MRN-ORDERSET-1",
                "givenName", "Lena", "familyName", "Holm", "birthDate", "1985-02-11", "sex", "female", "heightCm",
                170, "weightKg", 66, "labs", Map.of("hematocritPercent", 40, "iggGPerL", 10, "fibrinogenGPerL", 3,
                        "plateletsE9PerL", 230)));
        assertThat(patient.status()).isEqualTo(201);
        patientId = patient.body().get("id").asText();
        browser.signIn(UiServer.PHYSICIAN, UiServer.PASSWORD);
    }

    private static void choose(String field, String value) {
        new Select(browser.await(By.cssSelector("[data-field='" + field + "']"))).selectByValue(value);
    }

    private static String value(String field) {
        return browser.await(By.cssSelector("[data-field='" + field + "']")).getAttribute("value");
    }

    @Test
    void choosing_an_indication_fills_the_order_from_its_fact_sheet_and_category_iv_asks_for_a_reason() {
        browser.go("/patients/" + patientId + "/orders/new");
        browser.awaitHeading("New order");
        browser.type("procedure.plasmaVolumes", "1.4");
        choose("indication.row", "ms-relapse");
        browser.await(By.cssSelector("[data-prefill-for='procedure.plasmaVolumes']"));
        assertThat(value("procedure.plasmaVolumes")).as("the order set fills what was typed before the row")
                .isEqualTo("1");
        assertThat(value("procedure.replacement.albuminPercent")).isEqualTo("100");
        assertThat(value("procedure.replacement.plasmaPercent")).isEqualTo("0");
        assertThat(value("schedule.sessions")).isEqualTo("5");
        assertThat(value("schedule.intervalHours")).isEqualTo("48");
        assertThat(browser.text(By.cssSelector("[data-prefill-for='procedure.plasmaVolumes']")))
                .startsWith("from ASFA 2023 fact sheet: \"TPE: 1-1.5 TPV").contains("the range's lower end");
        assertThat(browser.text(By.cssSelector("[data-prefill-for='schedule.sessions']")))
                .contains("5-7 over 10-14 days");
        assertThat(browser.text(By.id("guideline-category"))).contains("category II, grade 1A");
        assertThat(browser.text(By.id("guideline-verification")))
                .startsWith("UNVERIFIED: one transcription of Table 1");
        assertThat(browser.text(By.id("order-set-text"))).contains("stopping: Start within 14-20 days");
        assertThat(browser.all(By.cssSelector("#category-iv:not([hidden])"))).isEmpty();
        // the physician changes a prefilled value; it stays as typed, and the plan follows it
        browser.type("procedure.plasmaVolumes", "1.25");
        browser.awaitText(By.id("live-plan"), "1.25 plasma volumes");
        browser.screenshot("30-order-set-ms-relapse-prefilled");

        // a category IV indication: said before signing, and the order is signed only with a reason
        choose("indication.row", "thrombotic-microangiopathy-drug-induced-gemcitabine-tpe");
        browser.await(By.cssSelector("#category-iv:not([hidden])"));
        assertThat(browser.text(By.id("guideline-category"))).contains("category IV");
        browser.type("indication.code", "D59.3");
        browser.type("indication.text", "Thrombotic microangiopathy after gemcitabine");
        browser.screenshot("31-order-category-iv-reason-asked");
        browser.click(By.id("create-order"));
        browser.await(By.id("sign-order"));
        assertThat(browser.text(By.id("category-iv"))).contains("No reason given yet");
        assertThat(browser.text(By.id("guideline-verification"))).contains("UNVERIFIED");
        browser.click(By.id("sign-order"));
        browser.awaitText(By.id("sign-form"), "category IV");
        browser.tickEvery("sign-form");
        browser.click(By.id("acknowledge-and-sign"));
        browser.awaitText(By.id("sign-form"), "Give the reason");
        assertThat(browser.text(By.id("signed-by"))).isEqualTo("not signed");
        browser.type("categoryIvReason", "Severe TMA refractory to drug withdrawal; discussed with the patient");
        browser.screenshot("32-order-category-iv-sign-with-reason");
        browser.click(By.id("acknowledge-and-sign"));
        browser.awaitText(By.id("signed-by"), UiServer.PHYSICIAN);
        browser.awaitText(By.id("category-iv"), "Reason given: Severe TMA refractory");
    }
}
