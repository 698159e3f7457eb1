package org.openapheresis.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.openapheresis.server.order.OrderRecord;
import org.openapheresis.server.patient.PatientService;
import org.openapheresis.server.session.BookingCheck;
import org.openapheresis.server.session.BookingWarning;
import org.openapheresis.server.session.MachineBookings;

/**
 * The week planner's rules as the sessions' own booking check reads them, for a session booked or moved by hand: the
 * session is set on a plan of its own day as the solver would see it, and asked the same measures the hard rules
 * count ({@link PlannedSession#minutesOutsideHours}, {@link PlannedSession#minutesAfterLabCutOff},
 * {@link PlannedSession#minutesBeforeLabsBack}), so "inside the opening hours" means one thing for the solver and for
 * people. Each breach becomes a {@link BookingWarning} with the times in words; the booker acknowledges it (on call)
 * or chooses another time.
 */
final class UnitRulesCheck implements BookingCheck {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final ScheduleStore store;
    private final PatientService patients;
    private final ZoneId zone;

    UnitRulesCheck(ScheduleStore store, PatientService patients, ZoneId zone) {
        this.store = store;
        this.patients = patients;
        this.zone = zone;
    }

    @Override
    public List<BookingWarning> warnings(Handle h, OrderRecord o, Instant from, Instant to) {
        LocalDate day = LocalDate.ofInstant(from, zone);
        List<Closure> closures = store.closures(h, day, day);
        UnitSettings settings = store.settings(h, (int) MachineBookings.SET_UP_AND_RINSEBACK.toMinutes());
        UnitRules rules = settings.rules(day, zone, closures.stream().map(Closure::day).collect(Collectors.toSet()));
        int runMin = (int) Duration.between(from, to).toMinutes() - rules.setUpAndRinsebackMin();
        LabsDue due = o.preProcedureLabs().map(l -> WeekProblem.labsDue(rules, l, patients.labHistory(h,
                o.patientId()))).orElse(null);
        PlannedSession s = new PlannedSession(o.id(), o.id(), 1, o.patientId(), o.patientId(),
                o.procedureSpec().type(), runMin, Set.of(), 0, null, rules).withLabsDue(due)
                .at(rules.minuteOf(from), null, null, null);
        String span = WHEN.format(rules.local(s.getStartMinute())) + " to " + clock(rules, s.endMinute());
        List<BookingWarning> out = new ArrayList<>();
        Optional<UnitRules.Hours> hours = rules.hoursOn(day);
        if (hours.isEmpty()) {
            String weekday = day.getDayOfWeek().name().charAt(0) + day.getDayOfWeek().name().substring(1)
                    .toLowerCase(Locale.ROOT);
            String why = closures.stream().findFirst().map(c -> "closed: " + c.reason()).orElse("no opening hours on "
                    + weekday + "s");
            out.add(new BookingWarning(BookingWarning.Code.UNIT_CLOSED, "the unit is closed on " + DAY.format(day)
                    + " (" + why + "): the session from " + span + " falls on a closed day"));
        } else if (s.minutesOutsideHours() > 0) {
            out.add(new BookingWarning(BookingWarning.Code.OUTSIDE_OPENING_HOURS, "the session from " + span
                    + " (set-up and rinseback included) lies " + s.minutesOutsideHours() + " min outside the unit's "
                    + "opening hours that day, " + TIME.format(hours.get().open()) + "–" + TIME.format(hours.get()
                    .close())));
        }
        if (s.minutesAfterLabCutOff() > 0) {
            out.add(new BookingWarning(BookingWarning.Code.AFTER_LAB_CUTOFF, "the collection from " + span + " ends "
                    + s.minutesAfterLabCutOff() + " min after the cell-processing lab's cut-off at "
                    + TIME.format(rules.labCutOff()) + ": the lab may not take the product that day"));
        }
        if (s.minutesBeforeLabsBack() > 0) {
            out.add(new BookingWarning(BookingWarning.Code.LABS_NOT_BACK, "the order asks for " + due.tests()
                    + " at most " + due.maxAgeHours() + " h old at the start (" + due.limiting() + "): drawn on "
                    + "arrival, they are back at " + clock(rules, rules.labsBackMinute(s.getStartMinute()))
                    + " (" + rules.labsBackReason(s.getStartMinute()) + "), "
                    + s.minutesBeforeLabsBack() + " min after the start at " + clock(rules, s.getStartMinute())));
        }
        return out;
    }

    private static String clock(UnitRules rules, int minute) {
        return TIME.format(rules.local(minute));
    }
}
