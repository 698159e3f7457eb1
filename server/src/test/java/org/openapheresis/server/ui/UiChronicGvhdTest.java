package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A physician records a chronic GVHD assessment in the demo unit: a score above 3 is named beside its field, then
 * the assessment is graded by the NIH 2014 global severity with its rule (lung score 1 makes it moderate), beside the
 * acute visits; the photopheresis order that names the patient's assessment shows the latest severity and its trend.
 */
class UiChronicGvhdTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
    }

    @Test
    void a_physician_records_a_chronic_gvhd_assessment_reads_its_severity_and_sees_it_on_the_photopheresis_order() {
        browser.signIn("dr.lindqvist", server.demoPassword);
        String token = server.login("dr.lindqvist", server.demoPassword);
        String patient = null;
        for (var p : server.call("GET", "/api/patients", token, null).body()) {
            if (p.get("mrn").asText().equals("MRN-106204")) {
                patient = p.get("id").asText();
            }
        }
        assertThat(patient).as("the demo unit's patient with chronic GVHD").isNotNull();
        browser.go("/patients/" + patient + "/follow-up");
        browser.awaitHeading("Follow-up");
        browser.awaitText(By.id("chronic-gvhd-trend"), "improving");
        browser.fill("chronic-gvhd-form", Map.of("scores.lungs", "4"));
        browser.click(By.id("save-chronic-gvhd"));
        browser.awaitError("scores.lungs", "3");
        browser.fill("chronic-gvhd-form", Map.of("scores.lungs", "1"));
        browser.click(By.id("save-chronic-gvhd"));
        browser.awaitText(By.id("chronic-gvhd-trend"), "worsening");
        String chronic = browser.text(By.id("chronic-gvhd-list"));
        assertThat(chronic).contains("moderate").contains("here lungs score 1").contains("NIH 2014 consensus")
                .contains("UNVERIFIED").contains("mild on");
        assertThat(browser.text(By.id("follow-up-list"))).contains("Acute GVHD visits");
        browser.screenshot("75-chronic-gvhd-moderate-lung-score-1");

        String order = null;
        for (var o : server.call("GET", "/api/orders?patientId=" + patient, token, null).body()) {
            if (o.get("procedure").get("type").asText().equals("photopheresis")) {
                order = o.get("id").asText();
            }
        }
        assertThat(order).as("the demo unit's photopheresis order").isNotNull();
        browser.go("/orders/" + order);
        browser.awaitText(By.id("chronic-gvhd-indication"), "worsening");
        assertThat(browser.text(By.id("chronic-gvhd-treated"))).startsWith("moderate on");
        assertThat(browser.text(By.id("chronic-gvhd-latest"))).startsWith("moderate on").contains("lungs score 1");
        assertThat(browser.text(By.id("chronic-gvhd-trend"))).matches("(?s).*moderate → .*mild → .*moderate.*");
        browser.screenshot("76-photopheresis-order-chronic-gvhd-trend");

        // the lung score was a slip: the physician corrects the newest assessment with the reason; it is kept,
        // marked corrected, and the trend is read over the assessments that stand
        String newest = server.call("GET", "/api/patients/" + patient + "/chronic-gvhd", token, null).body()
                .get("latest").get("id").asText();
        browser.go("/patients/" + patient + "/follow-up");
        browser.awaitText(By.id("chronic-gvhd-trend"), "worsening");
        browser.fill("chronic-gvhd-form", Map.of("scores.skin", "1"));
        // (the acute visit form has its own correction fields: these are the chronic form's)
        new org.openqa.selenium.support.ui.Select(browser.await(By.cssSelector("#chronic-gvhd-form [data-field='corrects']")))
                .selectByValue(newest);
        browser.click(By.id("save-chronic-gvhd"));
        browser.awaitText(By.xpath("//form[@id='chronic-gvhd-form']//textarea[@name='correctionReason']/ancestor::div"
                + "[contains(@class,'field')][1]//p[contains(@class,'field-error')]"), "required");
        browser.fill("chronic-gvhd-form", Map.of("correctionReason", "lungs scored 1 by mistake: FEV1 was 84 %"));
        browser.click(By.id("save-chronic-gvhd"));
        browser.awaitText(By.id("chronic-gvhd-trend"), "unchanged");
        assertThat(browser.text(By.cssSelector("[data-assessment='" + newest + "']")))
                .contains("Corrected by a later record");
        assertThat(browser.text(By.id("chronic-gvhd-list"))).contains("Corrects an earlier assessment: lungs scored 1 "
                + "by mistake");
        browser.screenshot("77-chronic-gvhd-corrected");
    }
}
