package org.openapheresis.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A coordinator plans next week with the solver on the week page, sees the proposal before it is booked, books it,
 * and drags sessions: onto a day that breaks the course's interval (refused, the rule named, nothing moved) and onto
 * the other machine the same day (moved). Next week, so that the test does not depend on the time it runs.
 */
class UiWeekPlanTest extends BrowserTest {

    private static final String COORDINATOR = "coord.ines";

    @BeforeAll
    static void start() throws Exception {
        open(false);
        String admin = server.login("admin", UiServer.ADMIN_PASSWORD);
        server.call("POST", "/api/users", admin, Map.of("username", COORDINATOR, "password", UiServer.PASSWORD,
                "role", "coordinator", "displayName", "Ines Coordinator"));
        assertThat(server.call("PUT", "/api/schedule/nurse-skills", admin, Map.of("username", UiServer.NURSE,
                "skills", List.of("plasma-exchange"))).status()).isEqualTo(200);
        signedExchanges("MRN-WEEK-1", "Maja", "Lindgren", "1980-05-06", 168, 64, 3);
    }

    /**
     * A patient registered by the physician and a signed order of {@code sessions} plasma exchanges every 24 h for
     * Guillain-Barre syndrome, its warnings acknowledged; answers the order's id.
     */
    private static String signedExchanges(String mrn, String given, String family, String birthDate, double heightCm,
            double weightKg, int sessions) {
        String physician = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        UiServer.Answer patient = server.call("POST", "/api/patients", physician, Map.of("mrn", mrn, "givenName",
                given, "familyName", family, "birthDate", birthDate, "sex", "female", "heightCm", heightCm, "weightKg",
                weightKg, "labs", Map.of("hematocritPercent", 40, "iggGPerL", 10, "fibrinogenGPerL", 3)));
        assertThat(patient.status()).isEqualTo(201);
        UiServer.Answer order = server.call("POST", "/api/orders", physician, Map.of("patientId",
                patient.body().get("id").asText(), "indication", Map.of("code", "G61.0", "text",
                        "Guillain-Barre syndrome"), "procedure", Map.of("type", "plasma-exchange", "plasmaVolumes",
                                1.0), "schedule", Map.of("sessions", sessions, "intervalHours", 24)));
        assertThat(order.status()).isEqualTo(201);
        String id = order.body().get("id").asText();
        server.call("POST", "/api/orders/" + id + "/acknowledge", physician, null);
        assertThat(server.call("POST", "/api/orders/" + id + "/sign", physician, null).status()).isEqualTo(200);
        return id;
    }

    /** Drops the booked session {@code sessionId} on the grid cell of {@code row} and {@code day}, as a drag does. */
    private static void drop(String sessionId, String row, String day) {
        browser.js("""
                const [id, row, day] = arguments;
                const cell = document.querySelector(`#week-grid [data-row="${row}"][data-day="${day}"]`);
                const dt = new DataTransfer();
                dt.setData('text/plain', id);
                cell.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
                cell.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
                """, sessionId, row, day);
    }

    @Test
    void a_coordinator_plans_next_week_books_it_and_drags_a_session_where_the_rules_allow() {
        browser.signIn(COORDINATOR, UiServer.PASSWORD);
        browser.go("/week");
        browser.awaitHeading("Week");
        By firstDay = By.cssSelector("#week-grid [role=columnheader] a");
        String thisWeek = browser.text(firstDay);
        browser.click(By.id("next-week"));
        browser.wait.until(d -> !thisWeek.equals(browser.text(firstDay)));
        browser.fill("plan-form", Map.of("spentLimitSeconds", "2"));
        browser.click(By.id("plan-week-run"));
        browser.await(By.id("proposal"));
        assertThat(browser.text(By.id("proposal-feasible"))).isEqualTo("Keeps every hard rule");
        List<WebElement> rows = browser.all(By.cssSelector("#proposal-table tbody tr[data-change]"));
        assertThat(rows).as("the course's three sessions, new").hasSize(3)
                .allSatisfy(r -> assertThat(r.getAttribute("data-change")).isEqualTo("NEW"));
        assertThat(browser.text(By.id("proposal-table"))).contains("Lindgren, Maja").contains("set-up and rinseback");
        assertThat(browser.all(By.cssSelector("#week-grid .slot.proposed"))).as("shown on the grid, not booked")
                .hasSize(3);
        assertThat(browser.all(By.cssSelector("#week-grid a.slot"))).isEmpty();
        browser.screenshot("70-week-proposal");

        browser.click(By.id("book-proposal"));
        browser.wait.until(d -> browser.all(By.cssSelector("#week-grid a.slot.movable")).size() == 3);
        assertThat(browser.all(By.id("proposal"))).isEmpty();

        // the first session dragged a day later would start a day after the second: refused, the rule named
        List<WebElement> booked = browser.all(By.cssSelector("#week-grid a.slot.movable"));
        WebElement first = booked.get(0);
        String firstId = first.getAttribute("data-session");
        WebElement firstCell = first.findElement(By.xpath(".."));
        String machine = firstCell.getAttribute("data-row");
        String day = firstCell.getAttribute("data-day");
        String nextDay = java.time.LocalDate.parse(day).plusDays(1).toString();
        drop(firstId, machine, nextDay);
        browser.await(By.id("move-refused"));
        assertThat(browser.text(By.id("move-refused"))).contains("course interval not kept").contains("Nothing was moved");
        browser.screenshot("71-week-move-refused");
        assertThat(browser.all(By.cssSelector("#week-grid [data-day='" + day + "'] a.slot[data-session='" + firstId
                + "']"))).hasSize(1);

        // the same session dragged onto the other machine the same day moves
        String other = "Optia 1".equals(machine) ? "Optia 2" : "Optia 1";
        drop(firstId, other, day);
        browser.wait.until(d -> !browser.all(By.cssSelector("#week-grid [data-row='" + other + "'][data-day='" + day
                + "'] a.slot[data-session='" + firstId + "']")).isEmpty());

        browser.click(By.id("view-nurse"));
        browser.await(By.cssSelector("#week-grid [role=rowheader]"));
        assertThat(browser.text(By.id("week-grid"))).contains("Ben Nightingale").contains("Nurse");
        assertThat(browser.all(By.cssSelector("#week-grid a.slot"))).hasSize(3);
        browser.screenshot("72-week-by-nurse");
        browser.click(By.id("view-machine"));
        browser.await(By.cssSelector("#week-grid"));
        // the machine it is on breaks: the week names the session it breaks and plans the day again to move it
        String coordinator = server.login(COORDINATOR, UiServer.PASSWORD);
        String start = server.call("GET", "/api/sessions/" + firstId, coordinator, null).body().get("plannedStart")
                .asText();
        String machineId = null;
        for (com.fasterxml.jackson.databind.JsonNode m : server.call("GET", "/api/machines", coordinator, null).body()) {
            if (m.get("name").asText().equals(other)) {
                machineId = m.get("id").asText();
            }
        }
        java.time.Instant at = java.time.Instant.parse(start);
        UiServer.Answer down = server.call("POST", "/api/machines/" + machineId + "/out-of-service", coordinator,
                Map.of("from", at.minusSeconds(600).toString(), "to", at.plusSeconds(4 * 3600).toString(), "reason",
                        "Pump failure"));
        assertThat(down.status()).isEqualTo(201);
        try {
            browser.go("/week");
            browser.awaitText(By.id("rota-conflicts"), "Pump failure");
            assertThat(browser.all(By.cssSelector("#rota-conflicts [data-conflict='" + firstId + "']"))).hasSize(1);
            assertThat(browser.all(By.cssSelector("#week-grid a.slot.conflict[data-session='" + firstId + "']")))
                    .hasSize(1);
            browser.click(By.id("replan-conflicts"));
            browser.await(By.id("proposal"));
            assertThat(browser.all(By.cssSelector("#proposal-table tbody tr[data-change='MOVE']"))).isNotEmpty();
            browser.screenshot("72a-week-machine-broke-replanned");
        } finally {
            server.call("POST", "/api/machines/" + machineId + "/out-of-service/" + down.body().get("id").asText()
                    + "/cancel", server.login("admin", UiServer.ADMIN_PASSWORD), null);
        }
    }

    @Test
    void a_coordinator_keeps_the_rota_of_a_week_shifts_a_closed_day_and_a_machine_out_of_service() {
        browser.signIn(COORDINATOR, UiServer.PASSWORD);
        browser.go("/week");
        browser.awaitHeading("Week");
        By firstDay = By.cssSelector("#week-grid [role=columnheader] a");
        for (int i = 0; i < 2; i++) { // the week after next: the other test plans next week
            String before = browser.text(firstDay);
            browser.click(By.id("next-week"));
            browser.wait.until(d -> !before.equals(browser.text(firstDay)));
        }
        browser.click(By.id("view-machine"));
        browser.await(By.id("rota"));
        String monday = browser.all(By.cssSelector("#week-grid .cell[data-day]")).get(0).getAttribute("data-day");
        String wednesday = java.time.LocalDate.parse(monday).plusDays(2).toString();
        assertThat(browser.text(By.id("rota-basis"))).contains("No shifts are on the rota this week");

        browser.fill("shift-form", Map.of("day", monday, "fromTime", "07:30", "toTime", "15:30"));
        browser.click(By.id("add-shift"));
        browser.await(By.cssSelector("#shift-list li[data-shift]"));
        assertThat(browser.text(By.id("rota-basis"))).contains("Nurses are planned inside their shifts");
        browser.fill("shift-form", Map.of("day", monday, "fromTime", "12:00", "toTime", "20:00"));
        browser.click(By.id("add-shift"));
        browser.wait.until(d -> browser.text(By.id("shift-form")).contains("on shift"));
        // a weekly pattern: Tuesdays and Thursdays 08:00-16:00 until the Friday, two shifts of their own
        String tuesday = java.time.LocalDate.parse(monday).plusDays(1).toString();
        String thursday = java.time.LocalDate.parse(monday).plusDays(3).toString();
        int listed = browser.all(By.cssSelector("#shift-list li[data-shift]")).size();
        browser.fill("shift-form", Map.of("day", tuesday, "fromTime", "08:00", "toTime", "16:00", "lastDay",
                java.time.LocalDate.parse(monday).plusDays(4).toString()));
        browser.click(By.cssSelector("#shift-form [name='repeat.tuesday']"));
        browser.click(By.cssSelector("#shift-form [name='repeat.thursday']"));
        browser.screenshot("73a-week-rota-weekly-pattern");
        browser.click(By.id("add-shift"));
        browser.wait.until(d -> browser.all(By.cssSelector("#shift-list li[data-shift]")).size() == listed + 2);

        browser.fill("closure-form", Map.of("day", wednesday, "reason", "Staff training day"));
        browser.click(By.id("add-closure"));
        browser.awaitText(By.cssSelector("#week-grid [data-closed='" + wednesday + "']"), "Closed: Staff training day");

        browser.fill("out-of-service-form", Map.of("fromDay", monday, "fromTime", "08:00", "toDay", monday, "toTime",
                "13:00", "reason", "Annual service visit"));
        browser.click(By.id("add-out-of-service"));
        browser.awaitText(By.cssSelector("#week-grid [data-day='" + monday + "'] .slot.out-of-service"),
                "Out of service 08:00–13:00");
        assertThat(browser.text(By.id("out-of-service-list"))).contains("Annual service visit");
        browser.screenshot("73-week-rota-by-machine");

        browser.click(By.id("view-nurse"));
        browser.await(By.cssSelector("#week-grid .shift"));
        assertThat(browser.text(By.cssSelector("#week-grid [data-row='" + UiServer.NURSE + "'][data-day='" + monday
                + "']"))).contains("On shift 07:30–15:30");
        assertThat(browser.text(By.cssSelector("#week-grid [data-row='" + UiServer.NURSE + "'][data-day='"
                + wednesday + "']"))).contains("Off");
        for (String day : List.of(tuesday, thursday)) {
            assertThat(browser.text(By.cssSelector("#week-grid [data-row='" + UiServer.NURSE + "'][data-day='" + day
                    + "']"))).as(day).contains("On shift 08:00–16:00");
        }
        browser.screenshot("74-week-rota-by-nurse");

        browser.click(By.cssSelector("#closure-list li[data-closure] button"));
        browser.wait.until(d -> browser.all(By.cssSelector("#week-grid [data-closed]")).isEmpty());
        browser.click(By.id("view-machine"));
        browser.await(By.cssSelector("#week-grid"));
    }

    /** Goes {@code weeks} weeks on from this week on the week page. */
    private static void weeksOn(int weeks) {
        By firstDay = By.cssSelector("#week-grid [role=columnheader] a");
        for (int i = 0; i < weeks; i++) {
            String before = browser.text(firstDay);
            browser.click(By.id("next-week"));
            browser.wait.until(d -> !before.equals(browser.text(firstDay)));
        }
    }

    /** Plans the week shown for two seconds and waits for the proposal. */
    private static void planTheWeekShown() {
        browser.fill("plan-form", Map.of("spentLimitSeconds", "2"));
        browser.click(By.id("plan-week-run"));
        browser.await(By.id("proposal"));
    }

    @Test
    void a_child_s_session_no_nurse_is_skilled_for_is_not_bookable_the_proposal_says_what_to_do_and_the_skill_given_books_it() {
        // three weeks on: the other tests plan and keep the rota of the next two
        String physician = server.login(UiServer.PHYSICIAN, UiServer.PASSWORD);
        String admin = server.login("admin", UiServer.ADMIN_PASSWORD);
        String orderId = signedExchanges("MRN-WEEK-CHILD", "Noor", "Haddad", java.time.LocalDate.now().minusYears(12)
                .toString(), 150, 40, 1); // a child: the session needs a nurse with the paediatric skill
        try {
            browser.signIn(COORDINATOR, UiServer.PASSWORD);
            browser.go("/week");
            browser.awaitHeading("Week");
            weeksOn(3);
            planTheWeekShown();
            assertThat(browser.text(By.id("proposal-feasible"))).isEqualTo("Breaks a hard rule");
            assertThat(browser.text(By.id("proposal-explanation"))).contains("nurse lacks a skill")
                    .contains("paediatric");
            assertThat(browser.all(By.cssSelector("#proposal-next-steps li[data-step]")))
                    .extracting(e -> e.getAttribute("data-step")).containsExactly("NURSE_SKILL", "BY_HAND");
            assertThat(browser.text(By.id("proposal-next-steps"))).contains("The unit, Nurses and their skills");
            assertThat(browser.await(By.id("book-proposal")).isEnabled()).isFalse();
            browser.screenshot("74a-week-proposal-not-bookable-next-steps");

            // the administrator records that the nurse is signed off for children, on the unit's page
            browser.signIn("admin", UiServer.ADMIN_PASSWORD);
            browser.go("/unit");
            browser.awaitText(By.id("nurse-skills"), "Nurses and their skills");
            By row = By.cssSelector("#nurse-skills [data-nurse-skills='" + UiServer.NURSE + "']");
            assertThat(browser.await(By.cssSelector("#nurse-skills [data-nurse-skills='" + UiServer.NURSE
                    + "'] [name='skill.plasma-exchange']")).isSelected()).isTrue();
            browser.click(By.cssSelector("#nurse-skills [data-nurse-skills='" + UiServer.NURSE
                    + "'] [name='skill.paediatric']"));
            browser.await(row).findElement(By.cssSelector("button[type=submit]")).click();
            browser.wait.until(d -> server.call("GET", "/api/schedule/nurses", admin, null).body().toString()
                    .contains("paediatric"));
            browser.go("/unit");
            browser.wait.until(d -> browser.await(By.cssSelector("#nurse-skills [data-nurse-skills='"
                    + UiServer.NURSE + "'] [name='skill.paediatric']")).isSelected());
            browser.js("document.getElementById('nurse-skills').scrollIntoView(); return 0;");
            browser.screenshot("74b-unit-nurse-skills");

            // planned again on the Sunday alone, when the unit is closed: no start, and the next day offered
            browser.signIn(COORDINATOR, UiServer.PASSWORD);
            browser.go("/week");
            browser.awaitHeading("Week");
            weeksOn(3);
            String sunday = browser.all(By.cssSelector("#week-grid .cell[data-day]")).get(6).getAttribute("data-day");
            browser.fill("plan-form", Map.of("from", sunday, "to", sunday, "spentLimitSeconds", "2"));
            browser.click(By.id("plan-week-run"));
            browser.await(By.id("proposal"));
            assertThat(browser.text(By.id("proposal-explanation"))).contains("session has no start in the window")
                    .contains("Haddad, Noor");
            assertThat(browser.text(By.id("proposal-table"))).contains("Nothing placed");
            By wider = By.cssSelector("#proposal-next-steps li[data-step='WIDER_WINDOW'] button");
            assertThat(browser.text(wider)).startsWith("Plan through");
            browser.screenshot("74c-week-proposal-closed-day-plan-the-next");
            browser.click(wider);
            // the one day more: the Monday after, when the child's session keeps every hard rule and can be booked
            browser.wait.until(d -> browser.text(By.cssSelector("#proposal h3")).contains("to Mon"));
            assertThat(browser.text(By.id("proposal-feasible"))).isEqualTo("Keeps every hard rule");
            assertThat(browser.all(By.id("proposal-next-steps"))).isEmpty();
            assertThat(browser.text(By.id("proposal-table"))).contains("Haddad, Noor");
            assertThat(browser.await(By.id("book-proposal")).isEnabled()).isTrue();
            browser.click(By.id("discard-proposal"));
        } finally {
            server.call("POST", "/api/orders/" + orderId + "/stop", physician, Map.of("reason",
                    "test over: the other tests plan without it"));
            server.call("PUT", "/api/schedule/nurse-skills", admin, Map.of("username", UiServer.NURSE, "skills",
                    List.of("plasma-exchange")));
        }
    }
}
