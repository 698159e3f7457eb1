package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A coordinator books an urgent exchange by hand on a Sunday, when the unit is closed: the order page says so in
 * words, nothing is booked until "Book anyway (on call)", and the session then shows it was booked on call and why (the
 * run sheet, the order's list, the week). Moved by hand to a weekday evening, it is warned again and marked for the new
 * reason. Next Sunday and the Monday after, so that the test does not depend on the day it runs.
 */
class UiOnCallBookingTest extends BrowserTest {

    private static final String COORDINATOR = "coord.oncall";
    private static String orderId;

    @BeforeAll
    static void start() throws Exception {
        open(false);
        String admin = server.login("admin", UiServer.ADMIN_PASSWORD);
        server.call("POST", "/api/users", admin, Map.of("username", COORDINATOR, "password", UiServer.PASSWORD,
                "role", "coordinator", "displayName", "Omar Coordinator"));
        String physician = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        UiServer.Answer patient = server.call("POST", "/api/patients", physician, Map.of("mrn", "MRN-ONCALL-1",
                "givenName", "Elin", "familyName", "Strand", "birthDate", "1969-09-12", "sex", "female", "heightCm",
                165, "weightKg", 70, "labs", Map.of("hematocritPercent", 38, "plateletsE9PerL", 12,
                        "fibrinogenGPerL", 2.8)));
        assertThat(patient.status()).isEqualTo(201);
        UiServer.Answer order = server.call("POST", "/api/orders", physician, Map.of("patientId",
                patient.body().get("id").asText(), "indication", Map.of("code", "M31.1", "text",
                        "Thrombotic thrombocytopenic purpura, acute"), "procedure", Map.of("type", "plasma-exchange",
                                "plasmaVolumes", 1.0), "schedule", Map.of("sessions", 5, "intervalHours", 24)));
        assertThat(order.status()).as(order.body().toString()).isEqualTo(201);
        orderId = order.body().get("id").asText();
        server.call("POST", "/api/orders/" + orderId + "/acknowledge", physician, null);
        assertThat(server.call("POST", "/api/orders/" + orderId + "/sign", physician, null).status()).isEqualTo(200);
    }

    @Test
    void a_session_booked_on_a_closed_sunday_is_warned_booked_anyway_on_call_and_marked_with_the_reason() {
        LocalDate sunday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.SUNDAY));
        LocalDate monday = sunday.plusDays(1);
        browser.signIn(COORDINATOR, UiServer.PASSWORD);
        browser.go("/orders/" + orderId);
        browser.await(By.id("schedule-form"));
        browser.type("plannedDate", sunday.toString());
        browser.type("plannedTime", "10:00");
        browser.select("machine", "Optia 1");
        browser.select("chair", "Chair 1");
        browser.select("nurse", UiServer.NURSE);
        browser.click(By.id("schedule-session"));

        browser.await(By.id("on-call-warning"));
        String warning = browser.text(By.id("on-call-warning"));
        assertThat(warning).contains("Outside the unit’s rules: not booked yet").contains("The unit is closed on")
                .contains("no opening hours on Sundays").contains("10:00 to").contains("UNIT_CLOSED");
        assertThat(browser.all(By.id("order-sessions"))).as("nothing booked yet: no session listed").isEmpty();
        browser.screenshot("80-on-call-warning");

        browser.click(By.id("book-anyway"));
        browser.awaitHeading("Run sheet — Strand, Elin");
        browser.awaitText(By.id("on-call-note"), "Booked on call by Omar Coordinator (" + COORDINATOR + ")");
        assertThat(browser.text(By.id("on-call-note"))).contains("The unit is closed on");
        assertThat(browser.text(By.cssSelector(".runsheet-head .chip-on-call"))).isEqualTo("On call · unit closed");
        browser.screenshot("81-on-call-run-sheet");

        // the order's list marks it; moved to Monday 19:30 it is warned again, for the evening
        browser.go("/orders/" + orderId);
        browser.awaitText(By.cssSelector("#order-sessions .chip-on-call"), "On call · unit closed");
        assertThat(browser.all(By.cssSelector("#order-sessions .chip-on-call")).get(0).getAttribute("title"))
                .contains("Booked on call by Omar Coordinator (" + COORDINATOR + ")").contains("no opening hours on Sundays");
        browser.click(By.cssSelector("#order-sessions [data-action=move]"));
        browser.await(By.id("move-form"));
        browser.fill("move-form", Map.of("plannedDate", monday.toString(), "plannedTime", "19:30"));
        browser.click(By.id("confirm-move"));
        browser.await(By.cssSelector("#move-form #on-call-warning"));
        assertThat(browser.text(By.id("on-call-warning"))).contains("outside the unit's opening hours that day, "
                + "07:30–18:00").contains("OUTSIDE_OPENING_HOURS");
        assertThat(browser.text(By.id("book-anyway"))).isEqualTo("Move anyway (on call)");
        browser.screenshot("82-on-call-move-warning");
        browser.click(By.id("book-anyway"));
        browser.awaitText(By.cssSelector("#order-sessions .chip-on-call"), "On call · outside opening hours");

        // the week shows the marker on the session
        browser.go("/week");
        browser.awaitHeading("Week");
        browser.js("sessionStorage.setItem('openapheresis.week.start', arguments[0]);", monday.toString());
        browser.go("/week");
        browser.awaitText(By.cssSelector("#week-grid [data-day='" + monday + "'] .chip-on-call"),
                "On call · outside opening hours");
        browser.screenshot("83-on-call-week");
        assertThat(browser.text(By.id("week-grid"))).contains("Strand, Elin");
    }
}
