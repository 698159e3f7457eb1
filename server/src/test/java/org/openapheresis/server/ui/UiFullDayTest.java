package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * A full day on the unit in a real browser: a physician registers a patient, orders a course of plasma
 * exchange with the live plan beside the form and signs it; a nurse starts the session (acknowledging
 * warnings), records run values, vitals and a graded adverse event and completes it; the patient page then
 * shows it all. A nurse is never offered a Sign button and the API refuses her with 403.
 */
class UiFullDayTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(false);
    }

    @Test
    void a_physician_orders_and_signs_a_course_and_a_nurse_runs_the_session_at_the_chair() {
        // --- physician: register the patient with baseline labs ---
        browser.signIn(UiServer.PHYSICIAN, UiServer.PASSWORD);
        browser.go("/patients");
        browser.awaitHeading("Patients");
        browser.click(By.id("new-patient"));
        browser.awaitHeading("New patient");
        UiSignInTest.assertEveryInputLabelled(browser);
        browser.type("mrn", "MRN-2024-0117");
        browser.type("givenName", "Clara");
        browser.type("familyName", "Moreau");
        browser.type("birthDate", "1990-04-12"); // ISO dates typed, the same in every browser and locale
        new Select(browser.await(By.cssSelector("[data-field='sex']"))).selectByValue("female");
        browser.type("heightCm", "168");
        browser.type("weightKg", "4000");
        browser.type("allergies", "Latex");
        browser.type("medications", "ramipril 5 mg daily");
        browser.click(By.cssSelector("[data-field='aceInhibitor']"));
        browser.type("labsTakenDate", java.time.LocalDate.now().minusDays(2).toString());
        browser.type("labsTakenTime", "07:45");
        browser.type("labs.hematocritPercent", "40");
        browser.type("labs.iggGPerL", "10.5");
        browser.type("labs.fibrinogenGPerL", "3.0");
        browser.type("labs.albuminGPerL", "42");
        browser.type("labs.plateletsE9PerL", "240");
        browser.type("labs.ionizedCalciumMmolPerL", "1.20");
        browser.click(By.id("save-patient"));
        // a wrong value is named beside its field, and nothing typed is lost
        browser.awaitError("weightKg", "outside 0.4..350 kg");
        assertThat(browser.await(By.cssSelector("[data-field='familyName']")).getAttribute("value")).isEqualTo("Moreau");
        assertThat(browser.await(By.cssSelector("[data-field='labs.iggGPerL']")).getAttribute("value")).isEqualTo("10.5");
        browser.screenshot("05b-new-patient-field-error");
        browser.type("weightKg", "64");
        browser.click(By.id("save-patient"));
        browser.awaitHeading("Moreau, Clara");
        String patientUrl = browser.driver.getCurrentUrl();
        String patientId = patientUrl.substring(patientUrl.lastIndexOf('/') + 1);

        // --- physician: order a course of five exchanges, see the live plan and its charts ---
        browser.click(By.id("new-order"));
        browser.awaitHeading("New order");
        UiSignInTest.assertEveryInputLabelled(browser);
        // indications are chosen by their guideline row; the ICD-10 code follows and can be made more specific
        new Select(browser.await(By.cssSelector("[data-field='indication.row']"))).selectByValue("ms-relapse");
        assertThat(browser.await(By.cssSelector("[data-field='indication.code']")).getAttribute("value"))
                .isEqualTo("G35");
        browser.type("indication.text", "Multiple sclerosis, steroid-refractory relapse");
        browser.type("procedure.plasmaVolumes", "1.25");
        browser.awaitText(By.id("live-plan"), "1.25 plasma volumes");
        browser.await(By.cssSelector("#chart-run-proteins svg"));
        browser.await(By.cssSelector("#chart-run-calcium svg"));
        browser.await(By.cssSelector("#chart-course svg"));
        assertThat(browser.all(By.cssSelector("#course-table tbody tr"))).hasSize(5);
        assertThat(browser.text(By.id("live-plan"))).contains("FIBRINOGEN_LOW_POST")
                .contains("mL/min").contains("mg/kg/min");
        assertThat(browser.contrastFailures()).as("text below WCAG AA contrast").isEmpty();
        browser.screenshot("04-new-order-live-plan");
        browser.click(By.id("create-order"));
        browser.awaitHeading("Plasma exchange (TPE) order");
        String orderUrl = browser.driver.getCurrentUrl();
        String orderId = orderUrl.substring(orderUrl.lastIndexOf('/') + 1);
        // the record's candidacy warning (ACE inhibitor) and the plan's are acknowledged in the act of signing
        browser.awaitText(By.id("candidacy"), "ACE");
        browser.click(By.id("sign-order"));
        browser.awaitText(By.id("sign-form"), "ACE");
        browser.click(By.id("acknowledge-and-sign"));
        browser.awaitText(By.id("sign-form"), "Tick to confirm");
        assertThat(browser.text(By.id("signed-by"))).as("nothing is signed before every warning is ticked")
                .isEqualTo("not signed");
        browser.screenshot("05a-order-sign-checklist");
        browser.tickEvery("sign-form");
        browser.click(By.id("acknowledge-and-sign"));
        browser.awaitText(By.id("signed-by"), UiServer.PHYSICIAN);
        browser.awaitText(By.id("candidacy"), "Acknowledged by " + UiServer.PHYSICIAN);
        assertThat(browser.all(By.id("sign-order"))).as("a signed order offers no Sign button").isEmpty();
        browser.screenshot("05-order-signed-printable-plan");
        browser.printToPdf("05-order-plan-printed");

        // --- physician: schedule today's session on a machine, starting now (the page offers the next start still
        // ahead, which late in the day is tomorrow: the run below needs it today) ---
        String offered = (String) browser.js("return document.querySelector('[data-field=plannedDate]').value + 'T' "
                + "+ document.querySelector('[data-field=plannedTime]').value");
        assertThat(java.time.LocalDateTime.parse(offered)).as("the page never offers a start in the past")
                .isAfter(java.time.LocalDateTime.now().minusMinutes(1));
        java.time.LocalDateTime now = java.time.LocalDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        browser.type("plannedDate", now.toLocalDate().toString());
        browser.type("plannedTime", now.toLocalTime().toString());
        browser.select("machine", "Optia 1"); // the unit's machines and chairs, not typed names
        browser.select("chair", "Chair 4");
        browser.select("nurse", UiServer.NURSE); // an active nurse of the unit, picked from the staff list
        browser.click(By.id("schedule-session"));
        browser.bookOnCallIfWarned(); // the session runs now: at night or on a Sunday, on call

        // --- nurse: today's board, then the run sheet ---
        browser.signIn(UiServer.NURSE, UiServer.PASSWORD);
        browser.go("/today");
        browser.awaitHeading("My sessions"); // a nurse sees the sessions assigned to her first
        browser.awaitText(By.cssSelector(".board"), "Optia 1");
        browser.awaitText(By.cssSelector(".board [data-machine='Optia 1'] [data-chair='Chair 4']"), "Moreau, Clara");
        browser.awaitText(By.cssSelector(".board"), "Moreau, Clara");
        browser.screenshot("02-today-board");
        browser.click(By.xpath("//a[contains(@class,'slot')][contains(., 'Moreau, Clara')]"));
        browser.awaitHeading("Run sheet — Moreau, Clara");
        assertThat(browser.text(By.id("allergies"))).contains("Latex");
        browser.click(By.id("start-session"));
        // the plan's warnings are read and ticked at the chair before the session starts
        browser.awaitText(By.id("ack-form"), "FIBRINOGEN_LOW_POST");
        browser.click(By.id("ack-and-start"));
        browser.awaitText(By.id("ack-form"), "Tick to confirm");
        browser.screenshot("06a-run-sheet-acknowledge-warnings");
        browser.tickEvery("ack-form");
        browser.click(By.id("ack-and-start"));
        browser.await(By.id("run-values-form"));
        browser.awaitText(By.id("start-acknowledgement"), "acknowledged at start by nurse.ben");
        assertThat(browser.text(By.id("start-acknowledgement"))).contains("Fibrinogen low after the exchange");
        UiSignInTest.assertEveryInputLabelled(browser);

        // run values by keyboard: type and press Enter
        browser.fill("run-values-form", Map.of("inletFlowMlPerMin", "60", "acFlowMlPerMin", "6", "processedVolumeMl", "2900",
                "removedVolumeMl", "1500", "replacementVolumeMl", "1480", "acVolumeMl", "320"));
        browser.driver.findElement(By.cssSelector("#run-values-form [data-field='acVolumeMl']")).sendKeys(Keys.ENTER);
        browser.awaitText(By.id("run-values"), "2,900");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("name"))
                .as("after saving, the keyboard stays in the run values form").isEqualTo("inletFlowMlPerMin");
        browser.fill("vitals-form", Map.of("systolicMmHg", "112", "diastolicMmHg", "70", "pulsePerMin", "84",
                "spo2Percent", "98", "temperatureC", "36.8"));
        browser.click(By.cssSelector("#vitals-form button[type=submit]"));
        browser.awaitText(By.id("vitals"), "112");
        new Select(browser.await(By.cssSelector("#ae-form [data-field='type']"))).selectByValue("citrate-reaction");
        new Select(browser.await(By.cssSelector("#ae-form [data-field='grade']"))).selectByValue("moderate");
        browser.driver.findElement(By.cssSelector("#ae-form [data-field='actionTaken']"))
                .sendKeys("Calcium gluconate 10 % 10 mL IV; inlet flow lowered to 50 mL/min");
        browser.click(By.cssSelector("#ae-form button[type=submit]"));
        browser.awaitText(By.id("adverse-events"), "Citrate reaction");
        browser.fill("run-values-form", Map.of("inletFlowMlPerMin", "50", "acFlowMlPerMin", "5", "processedVolumeMl", "5700",
                "removedVolumeMl", "2950", "replacementVolumeMl", "2950", "acVolumeMl", "630"));
        browser.click(By.cssSelector("#run-values-form button[type=submit]"));
        browser.awaitText(By.id("run-values"), "5,700");
        new Select(browser.await(By.cssSelector("#access-form [data-field='kind']"))).selectByValue("peripheral");
        browser.driver.findElement(By.cssSelector("#access-form [data-field='site']"))
                .sendKeys("left antecubital (draw), right forearm (return)");
        browser.click(By.cssSelector("#access-form button[type=submit]"));
        browser.awaitText(By.cssSelector("main"), "left antecubital");
        // a plasma product asks for its units (bags): refused without them, recorded with them
        By units = By.cssSelector("#fluids-form [data-field='units']");
        assertThat(browser.all(units).get(0).isDisplayed()).as("no units field for albumin").isFalse();
        new Select(browser.await(By.cssSelector("#fluids-form [data-field='fluid']"))).selectByValue("plasma-ffp");
        browser.fill("fluids-form", Map.of("volumeMl", "1000"));
        browser.click(By.cssSelector("#fluids-form button[type=submit]"));
        browser.wait.until(d -> browser.errorFor("units").contains("billed by the unit"));
        browser.fill("fluids-form", Map.of("volumeMl", "1000", "units", "4"));
        browser.click(By.cssSelector("#fluids-form button[type=submit]"));
        browser.awaitText(By.id("fluids"), "Plasma, frozen within 8 h (FFP)");
        assertThat(browser.text(By.id("fluids"))).contains("Units").contains("1,000");
        assertThat(browser.contrastFailures()).as("text below WCAG AA contrast").isEmpty();
        browser.screenshot("06-run-sheet-in-progress");
        // completing asks first, and names what the record still lacks (here the post-procedure labs)
        browser.click(By.id("complete-session"));
        browser.await(By.id("complete-confirm"));
        assertThat(browser.text(By.id("complete-missing"))).containsIgnoringCase("lab");
        browser.screenshot("06a2-run-sheet-complete-confirm");
        browser.click(By.id("confirm-complete"));
        browser.awaitText(By.cssSelector("main .chip"), "Completed");
        browser.await(By.id("plan-vs-actual"));
        browser.screenshot("06b-run-sheet-completed-plan-vs-actual");
        browser.printToPdf("06-session-summary-printed");

        // --- the patient page shows it all ---
        browser.go("/patients/" + patientId);
        browser.awaitHeading("Moreau, Clara");
        browser.awaitText(By.id("orders"), "Multiple sclerosis");
        browser.awaitText(By.id("orders"), "Completed");
        browser.awaitText(By.id("adverse-events"), "Citrate reaction");
        browser.awaitText(By.id("adverse-events"), "Moderate");
        browser.await(By.cssSelector("#labs [data-analyte='iggGPerL']"));
        // post-procedure labs turn the single values into trends
        browser.type("iggGPerL", "3.4");
        browser.type("fibrinogenGPerL", "0.95");
        browser.click(By.id("save-labs"));
        browser.await(By.cssSelector("#labs [data-analyte='iggGPerL'] svg"));
        assertThat(browser.text(By.cssSelector("main"))).contains("Latex");
        assertThat(browser.contrastFailures()).as("text below WCAG AA contrast").isEmpty();
        browser.screenshot("08-patient-page");

        // --- a nurse is not offered a Sign button, and the API refuses her ---
        String physicianToken = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        UiServer.Answer second = server.call("POST", "/api/orders", physicianToken, Map.of("patientId", patientId,
                "indication", Map.of("code", "G35", "text", "Multiple sclerosis"),
                "procedure", Map.of("type", "plasma-exchange", "plasmaVolumes", 1.0)));
        assertThat(second.status()).isEqualTo(201);
        String unsigned = second.body().get("id").asText();
        browser.go("/orders/" + unsigned);
        browser.awaitHeading("Plasma exchange (TPE) order");
        browser.awaitText(By.cssSelector("main .chip"), "Unsigned");
        assertThat(browser.all(By.id("sign-order"))).as("no Sign button for a nurse").isEmpty();
        assertThat(browser.all(By.id("new-order"))).isEmpty();
        String nurseToken = server.login(UiServer.NURSE, UiServer.PASSWORD);
        assertThat(server.call("POST", "/api/orders/" + unsigned + "/sign", nurseToken, Map.of()).status())
                .isEqualTo(403);
        assertThat(orderId).isNotBlank();
    }

    @Test
    void a_nurse_aborts_a_session_with_a_reason_and_an_empty_reason_is_named_beside_the_field() {
        String physician = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        UiServer.Answer patient = server.call("POST", "/api/patients", physician, Map.of("mrn", "MRN-ABORT-1",
                "givenName", "Jonas", "familyName", "Berg", "birthDate", "1975-02-03", "sex", "male", "heightCm", 182,
                "weightKg", 90, "labs", Map.of("hematocritPercent", 44, "iggGPerL", 11, "fibrinogenGPerL", 3.2)));
        assertThat(patient.status()).isEqualTo(201);
        UiServer.Answer order = server.call("POST", "/api/orders", physician, Map.of("patientId",
                patient.body().get("id").asText(), "indication", Map.of("code", "G61.0", "text", "Guillain-Barre syndrome"),
                "procedure", Map.of("type", "plasma-exchange", "plasmaVolumes", 1.0)));
        assertThat(order.status()).isEqualTo(201);
        String orderId = order.body().get("id").asText();
        assertThat(server.call("POST", "/api/orders/" + orderId + "/acknowledge", physician, null).status()).isEqualTo(200);
        assertThat(server.call("POST", "/api/orders/" + orderId + "/sign", physician, null).status()).isEqualTo(200);
        Map<String, Object> now = new java.util.HashMap<>(Map.of("orderId", orderId, "plannedStart",
                java.time.Instant.now().toString(), "machine", "Optia 2"));
        UiServer.Answer session = server.call("POST", "/api/sessions", physician, now);
        if (session.status() == 409 && "BOOKING_WARNINGS_OPEN".equals(session.body().path("key").asText())) {
            // the session runs now: at night or on a Sunday it is booked on call, its warnings acknowledged
            java.util.List<String> codes = new java.util.ArrayList<>();
            session.body().path("unacknowledged").forEach(w -> codes.add(w.path("code").asText()));
            now.put("acknowledgedWarnings", codes);
            session = server.call("POST", "/api/sessions", physician, now);
        }
        assertThat(session.status()).isEqualTo(201);

        browser.signIn(UiServer.NURSE, UiServer.PASSWORD);
        browser.go("/sessions/" + session.body().get("id").asText());
        browser.awaitHeading("Run sheet");
        browser.click(By.id("start-session"));
        if (!browser.all(By.id("ack-form")).isEmpty()) {
            browser.tickEvery("ack-form");
            browser.click(By.id("ack-and-start"));
        }
        browser.click(By.id("abort-session"));
        browser.click(By.id("confirm-abort"));
        browser.wait.until(d -> !browser.errorFor("reason").isBlank());
        browser.type("reason", "Access lost: the peripheral line infiltrated twice");
        browser.click(By.id("confirm-abort"));
        browser.awaitText(By.cssSelector("main .chip"), "Aborted");
        browser.awaitText(By.cssSelector("main"), "Access lost");
        browser.screenshot("06d-run-sheet-aborted");
    }
}
