package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The demo unit ({@code serve --demo}) through each role's eyes: what is shown and what is offered. */
class UiDemoUnitTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
        assertThat(server.demoPassword).as("the demo seed prints the staff password").isNotBlank();
    }

    @Test
    void a_nurse_sees_the_day_by_machine_and_chair_and_reaches_a_run_sheet_in_one_click() {
        browser.signIn("nurse.moreau", server.demoPassword);
        // a nurse sees the sessions assigned to her first, and the whole unit's day one click away
        browser.awaitHeading("My sessions");
        browser.await(By.cssSelector(".board .machine"));
        int mine = browser.all(By.cssSelector(".board .slot")).size();
        assertThat(mine).isPositive();
        assertThat(browser.text(By.cssSelector(".board"))).as("the nurse by name, not user name")
                .contains("nurse: Claire Moreau RN").doesNotContain("nurse.moreau").doesNotContain("Kenji Tanaka");
        browser.click(By.id("show-all"));
        browser.awaitHeading("Today");
        assertThat(browser.all(By.cssSelector(".board .slot")).size()).isGreaterThan(mine);
        assertThat(browser.all(By.cssSelector(".board .machine .chair .slot")))
                .as("the demo seats every session in a chair beside its machine")
                .hasSameSizeAs(browser.all(By.cssSelector(".board .slot")));
        assertThat(browser.text(By.cssSelector(".board"))).containsIgnoringCase("Chair 1");
        assertThat(browser.text(By.cssSelector(".board"))).contains("Plasma exchange").contains("min planned");
        browser.screenshot("02-today-board-demo");
        browser.click(By.cssSelector(".board .slot"));
        browser.awaitHeading("Run sheet");
        browser.screenshot("06c-run-sheet-demo");
    }

    @Test
    void a_coordinator_sees_the_week_by_machine_and_moves_to_the_next_week() {
        browser.signIn("nurse.moreau", server.demoPassword);
        browser.go("/week");
        browser.awaitHeading("Week");
        assertThat(browser.all(By.cssSelector("#week-grid [role=columnheader]"))).as("a machine column and seven days")
                .hasSize(8);
        assertThat(browser.text(By.id("week-grid"))).contains("Optia-1");
        int thisWeek = browser.all(By.cssSelector("#week-grid a.slot")).size();
        assertThat(thisWeek).as("the demo's sessions this week").isPositive();
        browser.screenshot("13-week-by-machine");
        By firstDayHead = By.cssSelector("#week-grid [role=columnheader] a");
        String firstDay = browser.text(firstDayHead);
        browser.click(By.id("next-week"));
        browser.wait.until(d -> !firstDay.equals(browser.text(firstDayHead)));
        browser.click(By.id("this-week"));
        browser.awaitText(By.cssSelector("#week-grid [role=columnheader] a"), firstDay);
    }

    @Test
    void the_administrator_sets_the_units_assistance_policy_and_sees_no_charges() {
        browser.signIn("admin", UiServer.ADMIN_PASSWORD);
        browser.go("/billing");
        browser.awaitHeading("Prices and financial assistance");
        assertThat(browser.all(By.id("charges-table"))).as("no patient's charges for the administrator").isEmpty();
        assertThat(browser.text(By.id("assistance-policy"))).contains("EXAMPLE").contains("2025 poverty guideline");
        browser.fill("assistance-policy-form", Map.of("year", "2026", "guidelineFirstPerson", "15000",
                "guidelinePerAdditionalPerson", "5000", "tiers", "200, 100\n150, 50",
                "source", "HHS poverty guidelines 2026; the hospital's financial assistance policy"));
        browser.click(By.id("set-assistance-policy"));
        browser.awaitError("tiers", "line 2");
        browser.fill("assistance-policy-form", Map.of("tiers", "200, 100\n300, 50"));
        browser.click(By.id("set-assistance-policy"));
        browser.awaitText(By.id("assistance-guideline"), "2026 poverty guideline");
        assertThat(browser.text(By.id("assistance-policy"))).doesNotContain("EXAMPLE").contains("200 to 300 %")
                .contains("50 % off").contains("set by admin");
        browser.screenshot("08b-assistance-policy-set");
    }

    @Test
    void billing_works_the_charges_and_sees_demographics_and_coverage_only() {
        browser.signIn("billing.novak", server.demoPassword);
        browser.awaitHeading("Billing");
        assertThat(browser.all(By.cssSelector("#nav a"))).extracting(e -> e.getText()).containsExactly("Patients",
                "Billing");
        browser.await(By.cssSelector("#charges-table tbody tr[data-charge]"));
        assertThat(browser.all(By.cssSelector("#charges-table tbody tr[data-charge]"))).isNotEmpty();
        // the CIDP patient's completed IVIG day: the Privigen J-code and the infusion's first hour
        assertThat(browser.text(By.id("charges-table"))).contains("36514").contains("$").contains("J1459")
                .contains("96365");
        // the unrelated donor's HPC collection is no charge of his: held for the recipient's transplant claim
        assertThat(browser.text(By.cssSelector("#charges-table .acquisition"))).contains("Donor acquisition")
                .contains("0815");
        assertThat(browser.text(By.id("charges-table"))).contains("Held for the transplant claim");
        assertThat(browser.text(By.id("price-list"))).contains("example");
        browser.screenshot("08-billing-worklist");
        browser.click(By.cssSelector("button[data-correct]"));
        assertThat(browser.all(By.cssSelector(".correction-row:not([hidden]) form"))).hasSize(1);
        browser.go("/patients");
        browser.awaitHeading("Patients");
        assertThat(browser.all(By.id("new-patient"))).isEmpty();
        browser.click(By.cssSelector("main tbody tr a"));
        browser.await(By.cssSelector(".alert-info"));
        assertThat(browser.text(By.cssSelector("main"))).contains("demographics and coverage only")
                .doesNotContain("Allergies").doesNotContain("Orders and courses").doesNotContain("Lab trends");
        assertThat(browser.all(By.id("new-order"))).isEmpty();
        browser.await(By.id("coverages"));
        browser.screenshot("09-billing-patient-demographics-only");
    }

    @Test
    void a_physician_sees_the_patient_list_and_a_patient_with_orders_and_lab_trends() {
        browser.signIn("dr.lindqvist", server.demoPassword);
        browser.go("/patients");
        browser.awaitHeading("Patients");
        assertThat(browser.all(By.cssSelector("main tbody tr")).size()).isGreaterThan(3);
        UiSignInTest.assertEveryInputLabelled(browser);
        browser.screenshot("10-patients-list-demo");
        browser.click(By.cssSelector("main tbody tr a"));
        browser.await(By.id("orders"));
        browser.await(By.id("new-order"));
        browser.screenshot("08b-patient-page-demo");
        // edit the weight: the record's version travels with the form, the page shows the new value
        browser.click(By.cssSelector("a[href$='/edit']"));
        browser.awaitHeading("Edit");
        browser.type("weightKg", "83.5");
        browser.click(By.id("save-patient"));
        browser.await(By.id("orders"));
        browser.awaitText(By.cssSelector("main dl.facts"), "83.5");
    }
}
