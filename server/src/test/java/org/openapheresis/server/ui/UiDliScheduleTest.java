package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The demo unit's DLI recipient as a nurse reaches him from the patient list: his escalating schedule shows dose 1
 * given with its dose per kg, dose 2 due on its day (six weeks after dose 1) with the frozen aliquot that matches
 * it, and dose 3 planned.
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
        assertThat(dose1).contains("Given").contains("1 × 10^6 CD3+/kg").contains("by nurse.tanaka");
        assertThat(dose2).contains("Due").contains("5 × 10^6 CD3+/kg").contains("42 days after dose 1")
                .contains("next: due on").contains("B0").contains("Released");
        assertThat(dose3).contains("Planned").contains("1 × 10^7 CD3+/kg").contains("C0");
        assertThat(browser.all(By.id("dli-hold"))).as("no GVHD recorded since dose 1").isEmpty();
        browser.screenshot("57-patient-dli-schedule");
    }
}
