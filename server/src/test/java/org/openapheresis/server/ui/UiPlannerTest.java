package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The planner page: the live plan beside the form, and field errors beside the field. */
class UiPlannerTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(false);
        browser.signIn(UiServer.NURSE, UiServer.PASSWORD);
    }

    @Test
    void the_planner_shows_the_plan_its_charts_and_the_course_as_the_user_types() {
        browser.go("/plan");
        browser.awaitHeading("Planner");
        browser.await(By.cssSelector("#live-plan .kpis"));
        browser.await(By.cssSelector("#chart-run-proteins svg"));
        browser.await(By.cssSelector("#chart-run-calcium svg"));
        browser.await(By.cssSelector("#chart-course svg"));
        // the 5-95 % bands behind the lines, their medians, and in words what drives the calcium spread
        browser.await(By.cssSelector("#chart-run-calcium svg path.band"));
        browser.await(By.cssSelector("#chart-run-calcium svg path.median"));
        assertThat(browser.all(By.cssSelector("#chart-run-proteins svg path.band"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.text(By.id("spread-ionizedCalcium")))
                .contains("mmol/L", "5–95 % of 500 virtual patients", "Most of the spread in the ionised calcium nadir comes from:")
                .containsAnyOf("calcium mobilisation from the skeleton", "citrate clearance", "calcium binding by citrate");
        assertThat(browser.text(By.id("spread-igg"))).contains("g/L", "IgG at the end");
        assertThat(browser.all(By.cssSelector("#course-table tbody tr"))).hasSize(5);
        // the course's own bands, drawn when they arrive after the course
        browser.await(By.cssSelector("#chart-course svg path.band"));
        assertThat(browser.text(By.id("live-plan"))).containsIgnoringCase("run time").contains("min")
                .contains("Assumptions and sources");
        UiSignInTest.assertEveryInputLabelled(browser);

        browser.type("procedure.plasmaVolumes", "1.5");
        browser.awaitText(By.cssSelector("#live-plan"), "1.5 plasma volumes");
        browser.screenshot("03-planner-live-plan");
    }

    @Test
    void a_learner_plans_a_teaching_case_and_the_reveal_compares_the_plan_with_this_patient_and_names_what_was_hidden() {
        browser.go("/plan");
        browser.awaitHeading("Planner");
        browser.await(By.cssSelector("#live-plan .kpis"));
        browser.click(By.id("new-teaching-case"));
        browser.awaitText(By.id("teaching-case"), "-year-old");
        String weight = browser.driver.findElement(By.cssSelector("[data-field='patient.weightKg']")).getAttribute("value");
        assertThat(browser.text(By.id("teaching-case"))).as("the case's patient is in the form").contains(weight + " kg");
        assertThat(browser.text(By.id("teaching"))).doesNotContain("What was hidden");
        browser.type("procedure.plasmaVolumes", "1.0");
        browser.awaitText(By.cssSelector("#live-plan"), "1 plasma volume");
        browser.click(By.id("reveal-teaching-case"));
        browser.awaitText(By.id("teaching-reveal"), "How the plan fared for this patient");
        assertThat(browser.text(By.id("teaching-compare"))).contains("Your plan predicted", "This patient", "IgG after",
                "g/L", "Ionised calcium, lowest", "mmol/L", "%");
        assertThat(browser.all(By.cssSelector("#teaching-hidden tbody tr"))).as("the hidden parameters, by name")
                .isNotEmpty();
        assertThat(browser.text(By.id("teaching-hidden"))).contains("×").containsAnyOf("citrate clearance",
                "the blood volume estimate", "IgG return from the tissues");
        browser.screenshot("03c-planner-teaching-case-revealed");
    }

    @Test
    void an_impossible_value_is_named_beside_its_field_and_what_was_typed_stays() {
        browser.go("/plan");
        browser.awaitHeading("Planner");
        browser.await(By.cssSelector("#live-plan .kpis"));
        browser.type("patient.hematocritPercent", "420");
        browser.awaitError("patient.hematocritPercent", "420 is outside 10..70 %");
        browser.awaitText(By.id("live-plan"), "cannot be computed");
        assertThat(browser.await(By.cssSelector("[data-field='patient.hematocritPercent']")).getAttribute("value"))
                .isEqualTo("420");
        browser.screenshot("03b-planner-field-error");
    }
}
