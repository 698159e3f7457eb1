package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The procedure types beyond plasma exchange: their dose inputs, the product collected, the infusion. */
class UiCellCollectionTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(false);
        browser.signIn(UiServer.PHYSICIAN, UiServer.PASSWORD);
    }

    private static void choose(String field, String value) {
        new Select(browser.await(By.cssSelector("[data-field='" + field + "']"))).selectByValue(value);
    }

    @Test
    void a_physician_orders_an_hpc_collection_for_a_target_and_sees_the_cd34_yield_and_the_sessions_needed() {
        String physician = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        // The myeloma autologous collection of examples/myeloma-autologous-hpc-collection.json, less its CD34 count.
        UiServer.Answer patient = server.call("POST", "/api/patients", physician, Map.of("mrn", "MRN-HPC-1",
                "givenName", "Karl", "familyName", "Weiss", "birthDate", "1968-05-14", "sex", "male", "heightCm", 178,
                "weightKg", 80, "labs", Map.of("hematocritPercent", 34, "plateletsE9PerL", 140,
                        "ionizedCalciumMmolPerL", 1.18)));
        assertThat(patient.status()).isEqualTo(201);
        String patientId = patient.body().get("id").asText();

        browser.go("/patients/" + patientId + "/orders/new");
        browser.awaitHeading("New order");
        choose("procedure.type", "hpc-collection");
        browser.await(By.cssSelector("[data-field='procedure.target.cd34PerKg']"));
        browser.await(By.cssSelector("[data-field='recipient.weightKg']"));
        browser.awaitText(By.id("missing-labs"), "CD34+ cells (/µL)");
        browser.awaitText(By.id("live-plan"), "cd34PerUl");
        assertThat(browser.await(By.cssSelector("#missing-labs a")).getAttribute("href")).endsWith("#/patients/" + patientId);

        java.util.Map<String, Object> edit = new java.util.HashMap<>(Map.of("mrn", "MRN-HPC-1", "givenName", "Karl",
                "familyName", "Weiss", "birthDate", "1968-05-14", "sex", "male", "heightCm", 178, "weightKg", 80));
        edit.put("version", patient.body().get("version").asInt());
        edit.put("labs", Map.of("cd34PerUl", 35));
        assertThat(server.call("PUT", "/api/patients/" + patientId, physician, edit).status()).isEqualTo(200);
        browser.go("/patients/" + patientId + "/orders/new");
        browser.awaitHeading("New order");
        choose("procedure.type", "hpc-collection");
        browser.type("procedure.target.cd34PerKg", "6e6");
        browser.awaitText(By.id("sessions-needed"), "2 sessions needed");
        assertThat(browser.text(By.id("collected"))).containsIgnoringCase("CD34+ per recipient kg")
                .contains("× 10⁶").contains("/kg").containsIgnoringCase("Product volume");
        browser.await(By.cssSelector("#chart-run-cd34 svg"));
        assertThat(browser.all(By.id("missing-labs"))).isEmpty();
        browser.screenshot("08-order-hpc-collection");

        choose("indication.row", browser.all(By.cssSelector("[data-field='indication.row'] option")).get(1)
                .getAttribute("value"));
        browser.type("indication.text", "Multiple myeloma, autologous collection before high-dose melphalan");
        choose("procedure.type", "hpc-collection");
        browser.click(By.id("create-order"));
        browser.await(By.id("sign-order"));
        assertThat(browser.text(By.id("collected"))).containsIgnoringCase("CD34+ per recipient kg");
        UiServer.Answer order = server.call("GET", "/api/orders?patientId=" + patientId, physician, null);
        assertThat(order.body().toString()).contains("hpc-collection").contains("cd34PerKg");
    }

    @Test
    void the_planner_plans_an_ivig_course_with_grams_millilitres_and_time_per_day() {
        browser.go("/plan");
        browser.awaitHeading("Planner");
        browser.await(By.cssSelector("#live-plan .kpis"));
        choose("procedure.type", "ivig-infusion");
        browser.type("procedure.doseGPerKg", "2");
        browser.type("procedure.days", "5");
        browser.awaitText(By.id("infusion"), "g/day");
        String infusion = browser.text(By.id("infusion"));
        // 2 g/kg for 70 kg over 5 days of a 10 % product: 140 g, 28 g and 280 mL a day.
        assertThat(infusion).containsIgnoringCase("Total dose").contains("140 g").contains("28 g/day")
                .contains("280 mL/day").containsIgnoringCase("Infusion time");
        assertThat(browser.all(By.cssSelector("[data-field='procedure.inletFlowMlPerMin']")).get(0).isDisplayed())
                .as("an infusion has no separator settings").isFalse();
        browser.await(By.cssSelector("#chart-run-proteins svg"));
        browser.screenshot("09-planner-ivig");
    }

    @Test
    void the_planner_plans_a_donor_lymphocyte_collection_with_one_aliquot_per_planned_infusion() {
        browser.go("/plan");
        browser.awaitHeading("Planner");
        browser.await(By.cssSelector("#live-plan .kpis"));
        choose("procedure.type", "lymphocyte-collection");
        browser.type("recipient.weightKg", "70");
        browser.type("procedure.collectionEfficiencyPercent", "50");
        browser.type("procedure.target.cd3PerKgDoses", "1e6, 5e6, 1e7");
        browser.wait.until(d -> browser.all(By.cssSelector("#aliquots tbody tr")).size() == 3);
        assertThat(browser.text(By.id("collected"))).containsIgnoringCase("CD3+ per recipient kg");
        assertThat(browser.text(By.id("aliquots"))).contains("1.00 × 10⁶ /kg").contains("1.00 × 10⁷ /kg")
                .contains("mL");
        browser.await(By.cssSelector("#chart-run-cd3 svg"));
        UiSignInTest.assertEveryInputLabelled(browser);
        browser.screenshot("10-planner-dli-aliquots");
    }
}
