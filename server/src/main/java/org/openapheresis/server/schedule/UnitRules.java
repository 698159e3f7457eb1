package org.openapheresis.server.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.server.session.MachineBookings;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

/**
 * The unit's working rules for a week's plan, and the clock of the plan: a start is a whole number of minutes after
 * {@code origin} (midnight of the first day, in the unit's zone). These are the unit's conventions, not clinical
 * facts; {@link #standard} holds the defaults until the unit keeps its own.
 *
 * @param origin midnight starting the first day planned
 * @param zone the unit's time zone (opening hours and the lab's cut-off are local times)
 * @param slotMin the step between the starts the solver tries, minutes
 * @param openingHours the hours the unit is open, per day of the week (a day missing is closed)
 * @param holidays days the unit is closed whatever the day of the week
 * @param labCutOff the time of day by which a collection must be finished, for the cell-processing lab to take it
 * @param maxPatientsPerNurse how many sessions one nurse runs at the same time
 * @param turnoverMin the time a machine and a chair need after a session before the next (cleaning, making up)
 * @param setUpAndRinsebackMin the time a session holds its machine beyond the planned run time
 * @param intervalToleranceMin how far the gap between two sessions of a course may lie from the ordered interval
 * @param labTurnaroundMin minutes from a sample drawn on the patient's arrival (at the earliest, the day's opening) to
 *     its result on the ward: a session whose pre-procedure labs are not current starts no earlier than the day's
 *     opening plus this
 */
public record UnitRules(Instant origin, ZoneId zone, int slotMin, Map<DayOfWeek, Hours> openingHours,
        Set<LocalDate> holidays, LocalTime labCutOff, int maxPatientsPerNurse, int turnoverMin,
        int setUpAndRinsebackMin, int intervalToleranceMin, int labTurnaroundMin) {

    /**
     * The lab's turnaround until the unit records its own: 60 min. UNIT RULE — a convention of this project, not a
     * published figure; every lab differs, and the unit page is where the unit sets what its own lab achieves.
     */
    public static final int DEFAULT_LAB_TURNAROUND_MIN = 60;

    /**
     * Hours of one day.
     *
     * @param open first minute a session may begin (its set-up included)
     * @param close the time every session must be finished by, rinseback included
     */
    public record Hours(LocalTime open, LocalTime close) {
        public Hours {
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(close, "close");
            if (!close.isAfter(open)) {
                throw InvalidInputException.of("openingHours", MessageKey.INVALID, "closes at " + close
                        + ", not after it opens at " + open);
            }
        }
    }

    public UnitRules {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(labCutOff, "labCutOff");
        openingHours = openingHours.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(openingHours));
        holidays = Set.copyOf(holidays);
        if (slotMin < 5 || maxPatientsPerNurse < 1 || turnoverMin < 0 || setUpAndRinsebackMin < 0
                || intervalToleranceMin < 0 || labTurnaroundMin < 0) {
            throw InvalidInputException.of("rules", MessageKey.INVALID, "slot " + slotMin + " min, "
                    + maxPatientsPerNurse + " patients per nurse, turnover " + turnoverMin + " min, set-up "
                    + setUpAndRinsebackMin + " min, tolerance " + intervalToleranceMin + " min, lab turnaround "
                    + labTurnaroundMin + " min");
        }
    }

    /**
     * The defaults: open Monday to Friday 07:30–18:00 and Saturday 08:00–14:00, the lab takes collections finished by
     * 15:00, a nurse runs two sessions at once, 15 min turnover, the set-up and rinseback the bookings use
     * ({@link MachineBookings#SET_UP_AND_RINSEBACK}), a course's interval kept within 12 h, starts every 15 min, the
     * lab's results back {@link #DEFAULT_LAB_TURNAROUND_MIN} min after a sample.
     */
    public static UnitRules standard(LocalDate firstDay, ZoneId zone) {
        Map<DayOfWeek, Hours> open = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
            open.put(d, new Hours(LocalTime.of(7, 30), LocalTime.of(18, 0)));
        }
        open.put(DayOfWeek.SATURDAY, new Hours(LocalTime.of(8, 0), LocalTime.of(14, 0)));
        return new UnitRules(firstDay.atStartOfDay(zone).toInstant(), zone, 15, open, Set.of(), LocalTime.of(15, 0), 2,
                15, (int) MachineBookings.SET_UP_AND_RINSEBACK.toMinutes(), 12 * 60, DEFAULT_LAB_TURNAROUND_MIN);
    }

    /** The same rules with another origin (another first day). */
    public UnitRules from(LocalDate firstDay) {
        return new UnitRules(firstDay.atStartOfDay(zone).toInstant(), zone, slotMin, openingHours, holidays, labCutOff,
                maxPatientsPerNurse, turnoverMin, setUpAndRinsebackMin, intervalToleranceMin, labTurnaroundMin);
    }

    /** The same rules with another lab turnaround (minutes). */
    public UnitRules withLabTurnaround(int minutes) {
        return new UnitRules(origin, zone, slotMin, openingHours, holidays, labCutOff, maxPatientsPerNurse,
                turnoverMin, setUpAndRinsebackMin, intervalToleranceMin, minutes);
    }

    /**
     * The earliest minute a session starting at {@code startMinute} may begin when its pre-procedure labs are drawn
     * on the patient's arrival. Inside the day's opening hours the patient can arrive at the opening: the opening
     * plus the lab's turnaround. Outside them (before the opening, after the closing, on a closed day: a session on
     * call) nobody draws them before the session's own arrival: its start plus the turnaround.
     */
    public int labsBackMinute(int startMinute) {
        if (!labsDrawnAtOpening(startMinute)) {
            return startMinute + labTurnaroundMin;
        }
        LocalDate day = local(startMinute).toLocalDate();
        return minuteOf(day.atTime(hoursOn(day).orElseThrow().open()).atZone(zone).toInstant()) + labTurnaroundMin;
    }

    /**
     * True when {@code startMinute} lies inside its day's opening hours (its first minute is not outside them, as
     * {@link #minutesOutsideHours} counts), so labs may be drawn at the opening.
     */
    public boolean labsDrawnAtOpening(int startMinute) {
        return minutesOutsideHours(startMinute, startMinute + 1) == 0;
    }

    /** How {@link #labsBackMinute} was reached, in words: {@code opening plus the lab's 60 min turnaround}. */
    public String labsBackReason(int startMinute) {
        return (labsDrawnAtOpening(startMinute) ? "opening" : "the start, outside the opening hours,") + " plus the lab's "
                + labTurnaroundMin + " min turnaround";
    }

    /** The instant {@code minute} minutes after the origin. */
    public Instant at(int minute) {
        return origin.plus(Duration.ofMinutes(minute));
    }

    /** Minutes from the origin to the instant (rounded down). */
    public int minuteOf(Instant t) {
        return (int) Math.floorDiv(Duration.between(origin, t).toSeconds(), 60);
    }

    /** The unit's local time {@code minute} minutes after the origin. */
    public LocalDateTime local(int minute) {
        return LocalDateTime.ofInstant(at(minute), zone);
    }

    /** The day's hours, or empty when the unit is closed that day. */
    public Optional<Hours> hoursOn(LocalDate day) {
        return holidays.contains(day) ? Optional.empty() : Optional.ofNullable(openingHours.get(day.getDayOfWeek()));
    }

    /**
     * Minutes of {@code [startMinute, endMinute)} outside the opening hours of the start's day: all of it on a closed
     * day, else what lies before opening plus what lies after closing.
     */
    public int minutesOutsideHours(int startMinute, int endMinute) {
        LocalDateTime start = local(startMinute);
        Optional<Hours> h = hoursOn(start.toLocalDate());
        if (h.isEmpty()) {
            return endMinute - startMinute;
        }
        LocalDateTime open = start.toLocalDate().atTime(h.get().open());
        LocalDateTime close = start.toLocalDate().atTime(h.get().close());
        int openMinute = minuteOf(open.atZone(zone).toInstant());
        int closeMinute = minuteOf(close.atZone(zone).toInstant());
        return Math.max(0, Math.min(openMinute, endMinute) - startMinute) + Math.max(0, endMinute
                - Math.max(closeMinute, startMinute));
    }

    /** Minutes a session ending at {@code endMinute} ends after the lab's cut-off of its start's day (0 when before). */
    public int minutesAfterLabCutOff(int startMinute, int endMinute) {
        LocalDate day = local(startMinute).toLocalDate();
        int cutOff = minuteOf(day.atTime(labCutOff).atZone(zone).toInstant());
        return Math.max(0, endMinute - cutOff);
    }

    /**
     * The starts the solver may give over {@code days} days from the origin: every {@code slotMin} from opening to
     * closing of each open day, none before {@code notBeforeMinute} (now, in a plan that begins today).
     */
    public java.util.List<Integer> starts(int days, int notBeforeMinute) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        LocalDate first = local(0).toLocalDate();
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            Optional<Hours> h = hoursOn(day);
            if (h.isEmpty()) {
                continue;
            }
            int open = minuteOf(day.atTime(h.get().open()).atZone(zone).toInstant());
            int close = minuteOf(day.atTime(h.get().close()).atZone(zone).toInstant());
            for (int m = open; m < close; m += slotMin) {
                if (m >= notBeforeMinute) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /**
     * The starts a session of {@code durationMin} (set-up and rinseback included) may be given over {@code days} days:
     * those where it ends by closing time and, for a collection, by the lab's cut-off; none before
     * {@code notBeforeMinute}. When no start fits (a session longer than any day), every start of {@link #starts},
     * so that it is still placed and the rule it breaks is named.
     */
    public java.util.List<Integer> startsFor(int days, int notBeforeMinute, int durationMin, boolean collection) {
        java.util.List<Integer> all = starts(days, notBeforeMinute);
        java.util.List<Integer> fit = all.stream().filter(m -> minutesOutsideHours(m, m + durationMin) == 0
                && (!collection || minutesAfterLabCutOff(m, m + durationMin) == 0)).toList();
        return fit.isEmpty() ? all : fit;
    }

    /** How far past a closure the next start of a course is looked for, days (a unit closed longer plans by hand). */
    public static final int CLOSURE_LOOKAHEAD_DAYS = 14;

    /**
     * The latest start the next session of a course may take, the one before having begun at {@code previousMinute}:
     * the ordered interval plus the tolerance; but when the unit offers no start for the session ({@code durationMin},
     * set-up and rinseback included) anywhere within the tolerance around the interval (a closed day, a holiday), the
     * tolerance after the first start the unit offers after that. A course every 48 h whose next session falls on a
     * Sunday the unit is closed goes to Monday: the interval is stretched by the closure, not broken, and the plan says
     * so ({@code CourseStretchedOverClosure}). This is the planner's rule, a convention of this project stated here,
     * not a clinical one: how long a course may pause is the prescriber's call, and the proposal names every stretch.
     * Without an interval (0) nothing is stretched.
     */
    public int latestNextInCourse(int previousMinute, int intervalMin, int durationMin) {
        int latest = previousMinute + intervalMin + intervalToleranceMin;
        if (intervalMin <= 0 || firstFittingStart(previousMinute + intervalMin - intervalToleranceMin, latest,
                durationMin) >= 0) {
            return latest;
        }
        int reopens = firstFittingStart(latest + 1, latest + CLOSURE_LOOKAHEAD_DAYS * 24 * 60, durationMin);
        return reopens < 0 ? latest : reopens + intervalToleranceMin;
    }

    /**
     * The first minute of {@code [fromMinute, toMinute]} at which a session of {@code durationMin} begins and ends
     * within its day's opening hours, or -1 when there is none.
     */
    public int firstFittingStart(int fromMinute, int toMinute, int durationMin) {
        LocalDate last = local(toMinute).toLocalDate();
        for (LocalDate day = local(fromMinute).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Optional<Hours> h = hoursOn(day);
            if (h.isPresent()) {
                int open = minuteOf(day.atTime(h.get().open()).atZone(zone).toInstant());
                int close = minuteOf(day.atTime(h.get().close()).atZone(zone).toInstant());
                int m = Math.max(open, fromMinute);
                if (m <= toMinute && m + durationMin <= close) {
                    return m;
                }
            }
        }
        return -1;
    }

    /**
     * The starts of {@code starts} a session of a course can take when {@code before} sessions of the course come
     * before it in the plan and {@code after} after it: at least {@code before} shortest gaps (the interval less the
     * tolerance) after the first start offered, and room for {@code after} of them before the last. Nothing a plan
     * keeping the course's interval could use is taken away; a course's first session placed late in the week, where
     * the rest of its course no longer fits, is. When nothing is left, every start (the broken rule is then named).
     */
    public java.util.List<Integer> startsInCourse(java.util.List<Integer> starts, int before, int after,
            int intervalMin) {
        if (starts.isEmpty() || intervalMin == 0 || before + after == 0) {
            return starts;
        }
        int gap = Math.max(0, intervalMin - intervalToleranceMin);
        int first = starts.stream().mapToInt(Integer::intValue).min().getAsInt();
        int last = starts.stream().mapToInt(Integer::intValue).max().getAsInt();
        java.util.List<Integer> fit = starts.stream().filter(m -> m - first >= before * gap && last - m >= after * gap)
                .toList();
        return fit.isEmpty() ? starts : fit;
    }
}
