package org.openapheresis.server.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/**
 * The unit's rules for planning the week as it keeps them (the database's {@code unit_rules} and
 * {@code unit_opening_hours}); {@link #rules} turns them into the solver's {@link UnitRules} for a window. These are
 * the unit's conventions, not clinical facts; the set-up and rinseback time is not among them because the sessions'
 * own overlap check uses the same fixed figure.
 *
 * @param version optimistic-locking version
 * @param slotMin the step between the starts the solver tries, minutes
 * @param openingHours the hours the unit is open, one per day open
 * @param labCutOff the time of day by which a collection must be finished, for the cell-processing lab
 * @param maxPatientsPerNurse how many sessions one nurse runs at the same time
 * @param turnoverMin the time a machine and a chair need after a session before the next
 * @param intervalToleranceMin how far the gap between two sessions of a course may lie from the ordered interval
 * @param setUpAndRinsebackMin the time a session holds its machine beyond its run time (read only)
 * @param labTurnaroundMin minutes from a sample drawn on arrival to its result (UNIT RULE: the unit's own lab)
 * @param updatedAt when they were last changed
 * @param updatedBy who changed them ({@code system} for the defaults)
 */
public record UnitSettings(int version, int slotMin, List<DayHours> openingHours, LocalTime labCutOff,
        int maxPatientsPerNurse, int turnoverMin, int intervalToleranceMin, int setUpAndRinsebackMin,
        int labTurnaroundMin, Instant updatedAt, String updatedBy) {

    /** Starts every 5 to 60 minutes. */
    public static final Range SLOT_MIN = Range.of(5, 60);
    /** One to six sessions at once per nurse: a bound on input, not a staffing standard. */
    public static final Range PATIENTS_PER_NURSE = Range.of(1, 6);
    /** Up to two hours between sessions. */
    public static final Range TURNOVER_MIN = Range.of(0, 120);
    /** Up to a day either side of a course's interval. */
    public static final Range INTERVAL_TOLERANCE_MIN = Range.of(0, 1440);
    /** Up to eight hours from a sample to its result: a bound on input. */
    public static final Range LAB_TURNAROUND_MIN = Range.of(0, 480);

    /**
     * A day's hours.
     *
     * @param day the day of the week, lower case ({@code monday})
     * @param opens first minute a session may begin
     * @param closes the time every session must be finished by
     */
    public record DayHours(String day, LocalTime opens, LocalTime closes) {
        public DayHours {
            dayOfWeek(day);
            new UnitRules.Hours(opens, closes);
        }

        DayOfWeek dayOfWeek() {
            return dayOfWeek(day);
        }

        private static DayOfWeek dayOfWeek(String day) {
            try {
                return DayOfWeek.valueOf(Objects.requireNonNull(day, "day").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("openingHours", MessageKey.NOT_ONE_OF, day, "monday … sunday");
            }
        }
    }

    public UnitSettings {
        openingHours = openingHours.stream().sorted(Comparator.comparing(DayHours::dayOfWeek)).toList();
        if (openingHours.stream().map(DayHours::dayOfWeek).distinct().count() != openingHours.size()) {
            throw InvalidInputException.of("openingHours", MessageKey.INVALID, "a day is given twice");
        }
        Objects.requireNonNull(labCutOff, "labCutOff");
        SLOT_MIN.require("slotMin", slotMin);
        PATIENTS_PER_NURSE.require("maxPatientsPerNurse", maxPatientsPerNurse);
        TURNOVER_MIN.require("turnoverMin", turnoverMin);
        INTERVAL_TOLERANCE_MIN.require("intervalToleranceMin", intervalToleranceMin);
        LAB_TURNAROUND_MIN.require("labTurnaroundMin", labTurnaroundMin);
    }

    /** The day's hours, when the unit is open that day of the week. */
    public Optional<DayHours> on(DayOfWeek d) {
        return openingHours.stream().filter(x -> x.dayOfWeek() == d).findFirst();
    }

    /** The solver's rules from midnight of {@code firstDay}, the unit closed on {@code closedDays}. */
    public UnitRules rules(LocalDate firstDay, ZoneId zone, Set<LocalDate> closedDays) {
        Map<DayOfWeek, UnitRules.Hours> open = new EnumMap<>(DayOfWeek.class);
        openingHours.forEach(d -> open.put(d.dayOfWeek(), new UnitRules.Hours(d.opens(), d.closes())));
        return new UnitRules(firstDay.atStartOfDay(zone).toInstant(), zone, slotMin, open, closedDays, labCutOff,
                maxPatientsPerNurse, turnoverMin, setUpAndRinsebackMin, intervalToleranceMin, labTurnaroundMin);
    }
}
