package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The demo unit's DLI recipient as a nurse reaches him from the patient list: his escalating schedule shows dose 1
 * given with its dose per kg, dose 2 due on its day (six weeks after dose 1) with the frozen aliquot that matches
 * it, and dose 3 planned. A physician orders a schedule on a signed lymphocyte collection order from its page, is told
 * a bad value beside its field, and skips a dose with the reason; the coordinator who books the next dose reads it.
 */
class UiDliScheduleTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
    }

    @Test
    void a_nurse_reads_the_recipients_dli_schedule_with_each_doses_status_and_aliquot() {
        browser.signIn("nurse.moreau", server.demoPassword);
        browser.go("/patients");
        browser.click(By.partialLinkText("Erik"));
        browser.await(By.id("dli-schedule"));
        String dose1 = browser.text(By.cssSelector("#dli-schedule tr[data-dose='1']"));
        String dose2 = browser.text(By.cssSelector("#dli-schedule tr[data-dose='2']"));
        String dose3 = browser.text(By.cssSelector("#dli-schedule tr[data-dose='3']"));
        assertThat(dose1).contains("Given").contains("1 ×10⁶ CD3+/kg").contains("by nurse.tanaka");
        assertThat(dose2).contains("Due").contains("5 ×10⁶ CD3+/kg").contains("42 days after dose 1")
                .contains("next: due on").contains("B0").contains("Released");
        assertThat(dose3).contains("Planned").contains("1 ×10⁷ CD3+/kg").contains("C0");
        assertThat(browser.all(By.id("dli-hold"))).as("no GVHD recorded since dose 1").isEmpty();
        browser.screenshot("57-patient-dli-schedule");
    }

    /** A new person of the demo unit registered over the API by the physician; answers the id. */
    private static String person(String token, String mrn, String kind, String givenName, double weightKg) {
        Map<String, Object> p = new HashMap<>(Map.of("mrn", mrn, "givenName", givenName, "familyName", "Holm",
                "birthDate", "1972-04-11", "sex", "male", "heightCm", 178, "weightKg", weightKg, "kind", kind));
        p.put("labs", Map.of("hematocritPercent", 40, "plateletsE9PerL", 240, "wbcE9PerL", 6.5, "lymphocytesE9PerL", 1.9,
                "cd3PerUl", 1300));
        UiServer.Answer a = server.call("POST", "/api/patients", token, p);
        assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
        return a.body().get("id").asText();
    }

    @Test
    void a_physician_orders_the_schedule_on_the_order_is_told_a_bad_value_beside_its_field_and_skips_a_dose_with_the_reason() {
        String token = server.login("dr.lindqvist", server.demoPassword);
        String donor = person(token, "MRN-UI-DLI-DONOR", "donor", "Nils", 80);
        String recipient = person(token, "MRN-UI-DLI-RECIPIENT", "patient", "Olof", 70);
        UiServer.Answer o = server.call("POST", "/api/orders", token, Map.of("patientId", donor, "indication",
                Map.of("code", "Z52.001", "text", "Donor lymphocytes for DLI after allogeneic HPC transplant", "guidelineRow",
                        "dli"), "procedure", Map.of("type", "lymphocyte-collection", "device", "continuous-flow", "target",
                        Map.of("cd3PerKgDoses", List.of(1e6, 5e6))), "recipient", Map.of("weightKg", 70)));
        assertThat(o.status()).as(o.body().toString()).isEqualTo(201);
        String orderId = o.body().get("id").asText();
        List<String> warnings = new ArrayList<>();
        o.body().get("warnings").forEach(w -> warnings.add(w.get("code").asText()));
        UiServer.Answer signed = server.call("POST", "/api/orders/" + orderId + "/sign", token, Map.of(
                "acknowledgedWarnings", warnings));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);

        // the order's page offers the form, with the order's doses in millions per kg and each unit beside its input
        browser.signIn("dr.lindqvist", server.demoPassword);
        browser.go("/orders/" + orderId);
        browser.await(By.id("dli-schedule-form"));
        assertThat(browser.text(By.id("h-dli"))).isEqualTo("Order the DLI schedule");
        assertThat(browser.js("return document.querySelector(\"[data-field='doses[1].cd3PerKg']\").value")).isEqualTo("5");
        String form = browser.text(By.id("dli-schedule-form"));
        assertThat(form).contains("×10⁶ CD3+/kg").contains("days").contains("1 ×10⁶ CD3+/kg → 5 ×10⁶ CD3+/kg");
        browser.select("recipientId", recipient);
        browser.type("firstDoseOn", LocalDate.now().toString());
        browser.type("doses[1].intervalDays", "0");
        browser.type("doses[1].cd3PerKg", "2000");
        // a row added and removed again keeps what was typed in the others
        browser.click(By.id("dli-add-dose"));
        assertThat(browser.all(By.cssSelector("#dli-doses [data-dose-row]"))).hasSize(3);
        assertThat(browser.text(By.cssSelector("[data-dose-row='3']"))).contains("Interval after dose 2").contains("days");
        browser.click(By.cssSelector("[data-remove-dose='3']"));
        assertThat(browser.all(By.cssSelector("#dli-doses [data-dose-row]"))).hasSize(2);
        assertThat(browser.js("return document.querySelector(\"[data-field='doses[1].intervalDays']\").value")).isEqualTo("0");
        browser.click(By.id("order-dli-schedule"));
        browser.awaitError("doses[1].intervalDays", "0 is outside 1..365 days");
        browser.awaitError("doses[1].cd3PerKg", "2000 is outside 0.01..1000 ×10⁶ CD3+/kg");
        assertThat(browser.errorFor("doses[0].cd3PerKg")).as("the first dose was right").isEmpty();
        browser.screenshot("58-order-dli-schedule-field-errors");

        // fixed, it is ordered, and the order's page shows it in place of the form
        browser.type("doses[1].intervalDays", "42");
        browser.type("doses[1].cd3PerKg", "5");
        browser.click(By.id("order-dli-schedule"));
        browser.await(By.cssSelector("#dli-schedule tr[data-dose='2']"));
        assertThat(browser.all(By.id("dli-schedule-form"))).as("one schedule per order: no second form").isEmpty();
        assertThat(browser.text(By.id("dli-recipient-link"))).contains("Olof");
        String dose1 = browser.text(By.cssSelector("#dli-schedule tr[data-dose='1']"));
        String dose2 = browser.text(By.cssSelector("#dli-schedule tr[data-dose='2']"));
        assertThat(dose1).contains("1 ×10⁶ CD3+/kg").contains("Due").contains("first").contains("due today");
        assertThat(dose2).contains("5 ×10⁶ CD3+/kg").contains("Planned").contains("42 days after dose 1");

        // dose 1 skipped: the reason is asked for, then shown with the dose; dose 2 becomes due
        browser.click(By.id("dli-skip"));
        browser.click(By.id("dli-confirm-skip"));
        // (the order's page has a stop form with a reason too: this one is the skip form's)
        browser.awaitText(By.cssSelector("#dli-skip-form .field-error"), "Give the reason");
        browser.fill("dli-skip-form", Map.of("reason", "donor lymphocytes held back: relapse treated first"));
        browser.click(By.id("dli-confirm-skip"));
        browser.awaitText(By.cssSelector("#dli-schedule tr[data-dose='1']"), "Skipped");
        assertThat(browser.text(By.cssSelector("#dli-schedule tr[data-dose='1']")))
                .contains("donor lymphocytes held back: relapse treated first").contains("dr.lindqvist");
        assertThat(browser.text(By.cssSelector("#dli-schedule tr[data-dose='2']"))).contains("Due");
        browser.screenshot("59-order-dli-schedule-dose-skipped");

        // the physician amends dose 2 with the reason: the skipped dose 1 is shown as it is; a dose below the one
        // before it is named beside its field in the form's unit; the amendment and the schedule as ordered are kept
        browser.click(By.id("dli-amend"));
        browser.await(By.id("dli-amend-form"));
        assertThat(browser.text(By.cssSelector("#dli-amend-form [data-dose-row='1']"))).contains("skipped, kept as it is");
        assertThat(browser.js("return document.querySelector(\"#dli-amend-form [data-field='doses[1].cd3PerKg']\").value"))
                .isEqualTo("5");
        browser.fill("dli-amend-form", Map.of("doses[1].cd3PerKg", "0.5", "doses[1].intervalDays", "28"));
        browser.click(By.id("dli-confirm-amend"));
        // (the order's page has a stop form with a reason too: this one is the amendment's)
        browser.awaitText(By.xpath("//form[@id='dli-amend-form']//textarea[@name='reason']/ancestor::div[contains(@class,"
                + "'field')][1]//p[contains(@class,'field-error')]"), "required");
        browser.fill("dli-amend-form", Map.of("reason", "relapse treated; start lower than planned, sooner"));
        browser.click(By.id("dli-confirm-amend"));
        browser.awaitError("doses[1].cd3PerKg", "is below the dose before it");
        assertThat(browser.errorFor("doses[1].cd3PerKg")).contains("×10⁶ CD3+/kg");
        browser.fill("dli-amend-form", Map.of("doses[1].cd3PerKg", "2"));
        browser.click(By.id("dli-confirm-amend"));
        browser.awaitText(By.id("dli-amendments"), "Amended once");
        assertThat(browser.text(By.cssSelector("#dli-schedule tr[data-dose='2']"))).contains("2 ×10⁶ CD3+/kg")
                .contains("28 days after dose 1").contains("Due");
        assertThat(browser.text(By.id("dli-amendments"))).contains("relapse treated; start lower than planned, sooner")
                .contains("by dr.lindqvist").contains("As ordered by dr.lindqvist").contains("2: 5 ×10⁶ CD3+/kg after 42 days");
        browser.screenshot("59b-order-dli-schedule-amended");

        // the coordinator reads it on the recipient's page, to book dose 2, and is offered no skip
        browser.signIn("coord.silva", server.demoPassword);
        browser.go("/patients/" + recipient);
        browser.await(By.id("dli-schedule"));
        assertThat(browser.text(By.cssSelector("#dli-schedule tr[data-dose='1']")))
                .contains("donor lymphocytes held back: relapse treated first");
        assertThat(browser.text(By.cssSelector("#dli-schedule tr[data-dose='2']"))).contains("Due");
        assertThat(browser.all(By.id("dli-skip"))).as("skipping is the physician's").isEmpty();
        assertThat(browser.all(By.id("dli-amend"))).as("amending is the physician's").isEmpty();
        assertThat(browser.text(By.id("dli-amendments"))).contains("relapse treated");
    }

    /**
     * The demo's DLI recipient's therapy as one timeline: the donor's collection order and its signature, the
     * collection, the product, its division into three dose aliquots, the first dose infused, the DLI schedule, and
     * the two doses still to come; oldest first, each linking its record. The lab reads it without follow-up visits.
     */
    @Test
    void the_recipients_therapy_timeline_runs_from_the_donors_order_to_the_doses_still_to_come() {
        browser.signIn("nurse.moreau", server.demoPassword);
        browser.go("/patients");
        browser.click(By.partialLinkText("Erik"));
        browser.click(By.id("therapy-timeline"));
        browser.await(By.id("therapy-timeline"));
        assertThat(browser.text(By.id("therapy-people"))).contains("Lind, Erik").contains("this patient")
                .contains("donor");
        List<String> past = browser.all(By.cssSelector("#therapy-timeline li")).stream()
                .map(org.openqa.selenium.WebElement::getText).toList();
        assertThat(past).anySatisfy(t -> assertThat(t).contains("Ordered: Lymphocyte collection"));
        assertThat(past).anySatisfy(t -> assertThat(t).contains("Collected: Lymphocyte collection from"));
        assertThat(past).anySatisfy(t -> assertThat(t).contains("Divided into aliquots"));
        assertThat(past).anySatisfy(t -> assertThat(t).contains("Infused: Mononuclear cells").contains("CD3+")
                .contains("by nurse.tanaka"));
        assertThat(past).anySatisfy(t -> assertThat(t).contains("DLI schedule ordered: 3 doses"));
        int ordered = indexOf(past, "Ordered: Lymphocyte collection");
        int infused = indexOf(past, "Infused: Mononuclear cells");
        assertThat(ordered).as("oldest first").isLessThan(indexOf(past, "Divided into aliquots")).isLessThan(infused);
        String coming = browser.text(By.id("therapy-coming"));
        assertThat(coming).contains("DLI dose 2").contains("due").contains("DLI dose 3").contains("planned");
        browser.screenshot("60-therapy-timeline");
        browser.click(By.partialLinkText("Infused: Mononuclear cells"));
        browser.awaitText(By.cssSelector("main h1"), "Mononuclear cells");

        String lab = server.login("lab.fischer", server.demoPassword);
        String erik = null;
        for (var p : server.call("GET", "/api/patients", lab, null).body()) {
            if (p.get("givenName").asText().equals("Erik")) {
                erik = p.get("id").asText();
            }
        }
        assertThat(erik).isNotNull();
        com.fasterxml.jackson.databind.JsonNode t = server.call("GET", "/api/patients/" + erik + "/therapy", lab, null)
                .body();
        assertThat(t.get("followUpsIncluded").asBoolean()).isFalse();
        List<String> at = new ArrayList<>();
        t.get("entries").forEach(e -> {
            if (!e.get("coming").asBoolean()) {
                at.add(e.get("at").asText());
            }
        });
        assertThat(at).isSortedAccordingTo(java.util.Comparator.comparing(java.time.Instant::parse));
        assertThat(server.call("GET", "/api/patients/" + erik + "/therapy", server.login("billing.novak",
                server.demoPassword), null).status()).isEqualTo(403);
    }

    private static int indexOf(List<String> entries, String text) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no entry with " + text + " in " + entries);
    }
}
