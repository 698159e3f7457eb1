package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A physician records a follow-up visit after DLI in the demo unit: an impossible finding is named beside its
 * field, then the visit is graded by the MAGIC criteria with each organ's rule, and grade III holds the next dose.
 */
class UiFollowUpTest extends BrowserTest {

    @BeforeAll
    static void start() throws Exception {
        open(true);
    }

    @Test
    void a_physician_records_a_visit_and_reads_its_grade_with_each_organs_rule_and_the_dli_hold() {
        browser.signIn("dr.lindqvist", server.demoPassword);
        String token = server.login("dr.lindqvist", server.demoPassword);
        String recipient = null;
        for (var p : server.call("GET", "/api/patients", token, null).body()) {
            if (p.get("mrn").asText().equals("MRN-104791")) {
                recipient = p.get("id").asText();
            }
        }
        assertThat(recipient).as("the demo unit's DLI recipient").isNotNull();
        browser.go("/patients/" + recipient + "/follow-up");
        browser.awaitHeading("Follow-up");
        browser.fill("follow-up-form", Map.of("skin.activeRashBodySurfacePercent", "130", "liver.totalBilirubin", "4.0",
                "lowerGi.stoolOutput", "300"));
        browser.click(By.id("save-follow-up"));
        browser.awaitError("skin.activeRashBodySurfacePercent", "100");
        browser.fill("follow-up-form", Map.of("skin.activeRashBodySurfacePercent", "30"));
        browser.click(By.id("save-follow-up"));
        browser.awaitText(By.id("follow-up-list"), "III");
        String visits = browser.text(By.id("follow-up-list"));
        assertThat(visits).contains("MAGIC").contains("liver").containsIgnoringCase("bilirubin 4")
                .contains("Next DLI dose held");
        browser.screenshot("56-follow-up-grade-iii");
    }
}
