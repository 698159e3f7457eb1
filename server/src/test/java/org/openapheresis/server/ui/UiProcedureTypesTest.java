package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Every procedure type beside plasma exchange (which {@link UiFullDayTest} walks) from the signature to the printed
 * summary, as its staff would: the physician signs the order on its checklist and schedules a session on a machine
 * (or a chair, for an infusion) for a nurse of the unit; the nurse starts it, records what this procedure records
 * (collect flow and volume on a separator, the product against its target for a collection, the infused volume for
 * IVIG), completes it after the check of what is missing, and sees the plan against the actual. Each page must show
 * no "null", "undefined" or "NaN" and write nothing to the console ({@link BrowserTest}).
 */
class UiProcedureTypesTest extends BrowserTest {

    /** The cases: a patient, an order and what the nurse enters for it. */
    enum Case {
        LEUKOCYTAPHERESIS("leukocytapheresis", "C92.00", "Acute myeloid leukaemia with hyperleukocytosis",
                Map.of("type", "leukocytapheresis", "device", "continuous-flow", "bloodVolumesProcessed", 2.0),
                Map.of("hematocritPercent", 26, "plateletsE9PerL", 45, "wbcE9PerL", 186), null, "wbcE9PerL"),
        HPC("hpc-collection", "Z52.091", "Allogeneic HPC-A donation",
                Map.of("type", "hpc-collection", "device", "continuous-flow", "target", Map.of("cd34PerKg", 4e6)),
                Map.of("hematocritPercent", 42, "plateletsE9PerL", 190, "wbcE9PerL", 38, "cd34PerUl", 62), "cd34PerUl",
                "cd34PerUl"),
        DLI("lymphocyte-collection", "Z52.001", "Donor lymphocytes for DLI after allogeneic HPC transplant",
                Map.of("type", "lymphocyte-collection", "device", "continuous-flow", "target",
                        Map.of("cd3PerKgDoses", List.of(1e6, 5e6))),
                Map.of("hematocritPercent", 40, "plateletsE9PerL", 240, "wbcE9PerL", 6.5, "lymphocytesE9PerL", 1.9,
                        "cd3PerUl", 1300), "cd3PerUl", "cd3PerUl"),
        GRANULOCYTES("granulocyte-collection", "Z52.091", "Granulocytes for a neutropenic infected recipient",
                Map.of("type", "granulocyte-collection", "device", "continuous-flow", "sedimentingAgent", "hes",
                        "bloodVolumesProcessed", 2.0),
                Map.of("hematocritPercent", 45, "plateletsE9PerL", 230, "wbcE9PerL", 32, "neutrophilsE9PerL", 28),
                "neutrophilsE9PerL", "wbcE9PerL"),
        IVIG("ivig-infusion", "G61.81", "Chronic inflammatory demyelinating polyneuropathy",
                Map.of("type", "ivig-infusion", "doseGPerKg", 0.4, "days", 1, "productPercent", 10, "product",
                        "gamunex-c"),
                Map.of("hematocritPercent", 39, "plateletsE9PerL", 250, "iggGPerL", 9.2), null, "iggGPerL");

        final String type;
        final String code;
        final String text;
        final Map<String, Object> procedure;
        final Map<String, Object> labs;
        /** The product's cell count field, or null when nothing is collected. */
        final String productCount;
        /** A lab taken after the procedure. */
        final String postLab;

        Case(String type, String code, String text, Map<String, Object> procedure, Map<String, Object> labs,
                String productCount, String postLab) {
            this.type = type;
            this.code = code;
            this.text = text;
            this.procedure = procedure;
            this.labs = labs;
            this.productCount = productCount;
            this.postLab = postLab;
        }

        boolean collects() {
            return productCount != null;
        }

        boolean onSeparator() {
            return !type.equals("ivig-infusion");
        }
    }

    @BeforeAll
    static void start() throws Exception {
        open(false);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void a_session_of_each_procedure_type_is_signed_scheduled_run_completed_and_compared(Case c) {
        String physician = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        Map<String, Object> patient = new HashMap<>(Map.of("mrn", "MRN-TYPE-" + c.name(), "givenName", "Robin",
                "familyName", "Case" + c.ordinal(), "birthDate", "1980-06-15", "sex", "female", "heightCm", 170,
                "weightKg", 70, "labs", c.labs));
        patient.put("kind", c.collects() ? "donor" : "patient");
        UiServer.Answer p = server.call("POST", "/api/patients", physician, patient);
        assertThat(p.status()).as(p.body().toString()).isEqualTo(201);
        Map<String, Object> order = new HashMap<>(Map.of("patientId", p.body().get("id").asText(), "indication",
                Map.of("code", c.code, "text", c.text), "procedure", c.procedure));
        if (c.collects()) {
            order.put("recipient", Map.of("weightKg", 60));
        }
        UiServer.Answer o = server.call("POST", "/api/orders", physician, order);
        assertThat(o.status()).as(o.body().toString()).isEqualTo(201);
        String orderId = o.body().get("id").asText();

        // --- the physician signs on the checklist and schedules a session now ---
        browser.signIn(UiServer.PHYSICIAN, UiServer.PASSWORD);
        browser.go("/orders/" + orderId);
        browser.awaitHeading("order");
        browser.await(By.cssSelector("#dose, #target")); // the dose in blood volumes, or the cell target
        if (!c.onSeparator()) {
            assertThat(browser.text(By.id("ivig-product"))).as("the product billing codes the drug by")
                    .isEqualTo("Gamunex-C");
        }
        browser.click(By.id("sign-order"));
        if (!browser.all(By.id("sign-form")).isEmpty()) {
            browser.tickEvery("sign-form");
            browser.click(By.id("acknowledge-and-sign"));
        }
        browser.awaitText(By.id("signed-by"), UiServer.PHYSICIAN);
        if (c.onSeparator()) {
            browser.select("machine", "Optia 1");
        } else {
            assertThat(browser.all(By.cssSelector("[data-field='machine']"))).as("an infusion needs no machine").isEmpty();
        }
        browser.select("chair", "Chair 2");
        browser.select("nurse", UiServer.NURSE);
        browser.type("plannedTime", LocalTime.now().withSecond(0).withNano(0).toString());
        browser.click(By.id("schedule-session"));
        browser.bookOnCallIfWarned(); // the session runs now: at night or on a Sunday, on call
        String sessionUrl = browser.driver.getCurrentUrl();

        // --- the nurse runs it ---
        browser.signIn(UiServer.NURSE, UiServer.PASSWORD);
        browser.driver.get(sessionUrl);
        browser.awaitHeading("Run sheet");
        browser.click(By.id("start-session"));
        if (!browser.all(By.id("ack-form")).isEmpty()) {
            browser.tickEvery("ack-form");
            browser.click(By.id("ack-and-start"));
        }
        browser.awaitText(By.cssSelector("main .chip"), "In progress");
        if (c.onSeparator()) {
            assertThat(browser.text(By.id("run-values-form"))).contains("Collect flow").contains("mL/min")
                    .doesNotContain("Replacement");
            browser.fill("run-values-form", Map.of("inletFlowMlPerMin", "60", "acFlowMlPerMin", "5", "removalFlowMlPerMin", "1.2",
                    "processedVolumeMl", "9000", "acVolumeMl", "750", "removedVolumeMl", "250"));
            browser.click(By.cssSelector("#run-values-form button[type=submit]"));
            browser.awaitText(By.id("run-values"), "9,000");
            new Select(browser.await(By.cssSelector("#access-form [data-field='kind']"))).selectByValue("peripheral");
            browser.fill("access-form", Map.of("site", "left antecubital (draw), right forearm (return)"));
            browser.click(By.cssSelector("#access-form button[type=submit]"));
            browser.awaitText(By.cssSelector("main"), "left antecubital");
        } else {
            assertThat(browser.all(By.id("run-values-form"))).as("an infusion has no separator run values").isEmpty();
            assertThat(browser.all(By.id("access-form"))).isEmpty();
            new Select(browser.await(By.cssSelector("#fluids-form [data-field='fluid']"))).selectByValue("ivig");
            browser.fill("fluids-form", Map.of("volumeMl", "280"));
            browser.click(By.cssSelector("#fluids-form button[type=submit]"));
            browser.awaitText(By.cssSelector("main"), "280");
        }
        if (c.collects()) {
            browser.fill("product-form", Map.of("volumeMl", "250", c.productCount, c.productCount.equals("cd34PerUl") ? "1200"
                    : c.productCount.equals("cd3PerUl") ? "20000" : "150"));
            browser.click(By.cssSelector("#product-form button[type=submit]"));
            browser.awaitText(By.cssSelector("main"), "250");
        } else {
            assertThat(browser.all(By.id("product-form"))).as("nothing is collected").isEmpty();
        }
        new Select(browser.await(By.cssSelector("#labs-form [data-field='phase']"))).selectByValue("post");
        browser.fill("labs-form", Map.of("values." + c.postLab, "5"));
        browser.click(By.cssSelector("#labs-form button[type=submit]"));
        browser.fill("note-form", Map.of("text", "Tolerated well; no paraesthesia."));
        browser.click(By.cssSelector("#note-form button[type=submit]"));
        browser.awaitText(By.cssSelector("main"), "Tolerated well");
        browser.screenshot("30-" + c.type + "-run-sheet-in-progress");

        browser.click(By.id("complete-session"));
        browser.await(By.id("complete-confirm"));
        browser.click(By.id("confirm-complete"));
        browser.awaitText(By.cssSelector("main .chip"), "Completed");
        String compared = browser.text(By.id("plan-vs-actual"));
        if (c.collects()) {
            assertThat(compared).as("a collection is compared with its target").containsIgnoringCase("product volume");
        }
        assertThat(browser.all(By.id("record-missing"))).as("nothing this procedure needs is missing").isEmpty();
        assertThat(browser.await(By.id("late-entries")).getAttribute("open")).as("the entry forms fold away once done")
                .isNull();
        assertThat(browser.driver.findElement(By.cssSelector("#note-form")).isDisplayed()).isFalse();
        browser.screenshot("31-" + c.type + "-completed-plan-vs-actual");
        browser.printToPdf("31-" + c.type + "-session-summary-printed");
    }
}
