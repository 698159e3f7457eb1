package org.openapheresis.gvhd;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.openapheresis.system.Problem;

/**
 * The bedside check of a donor lymphocyte aliquot against the recipient's escalating schedule: is it the dose the
 * schedule expects next, and has that dose's interval passed?
 *
 * <p>Decided with a physician's eye, the unit's rule (not from a publication):
 * <ul>
 *   <li>a dose more than {@link #DOSE_TOLERANCE_FRACTION} above the next dose is refused, whatever is acknowledged:
 *       a higher dose before a lower one is the error an escalating schedule exists to prevent (the GVHD risk of
 *       DLI rises with the dose, Bar 2013). The physician who decides otherwise records the lower dose skipped, with
 *       the reason, and the higher one becomes the next;</li>
 *   <li>a dose more than the tolerance below the next dose, or a next dose before its due date (its interval after
 *       the dose before it has not passed), is held with a warning until it is acknowledged: giving less, or
 *       earlier, is a physician's decision, recorded with the infusion;</li>
 *   <li>no dose is left when every dose was given or skipped: refused.</li>
 * </ul>
 * The tolerance: aliquots are cut by volume (to 0.1 mL) at the bag's mean concentration for the weight in the
 * order, and the dose at the bedside is computed on the recipient's weight of the day; 20% absorbs both, and is
 * far narrower than the steps of published escalations (× 2 to × 10), so no aliquot can pass for another step.
 */
public final class DliDoseCheck {

    /** How far the aliquot's dose may be from the schedule's dose, as a fraction of the schedule's (the unit's rule). */
    public static final double DOSE_TOLERANCE_FRACTION = 0.2;

    private DliDoseCheck() {
    }

    /** Why the dose may not be given as it is. */
    public enum Concern {
        /** Every dose of the schedule was given or skipped. Refused. */
        SCHEDULE_COMPLETE(false),
        /** A higher dose than the next one. Refused. */
        DOSE_ABOVE_SCHEDULE(false),
        /** A lower dose than the next one. Given only when acknowledged. */
        DOSE_BELOW_SCHEDULE(true),
        /** The next dose before its due date. Given only when acknowledged. */
        INTERVAL_NOT_PASSED(true);

        private final boolean acknowledgeable;

        Concern(boolean acknowledgeable) {
            this.acknowledgeable = acknowledgeable;
        }

        /** True when a physician's decision, acknowledged, lets the dose be given. */
        public boolean acknowledgeable() {
            return acknowledgeable;
        }
    }

    /**
     * What the check found.
     *
     * @param step the dose of the schedule this infusion gives (empty when none is left)
     * @param concerns what stands against giving it now, each with its sentence, in the order of {@link Concern}
     */
    public record Result(Optional<DliSchedule.Step> step, Map<Concern, String> concerns) {
        public Result {
            Map<Concern, String> ordered = new java.util.EnumMap<>(Concern.class);
            ordered.putAll(concerns);
            concerns = java.util.Collections.unmodifiableMap(ordered);
        }

        /** A concern no acknowledgement lifts. */
        public Optional<Map.Entry<Concern, String>> refusal() {
            return concerns.entrySet().stream().filter(e -> !e.getKey().acknowledgeable()).findFirst();
        }
    }

    /**
     * @param schedule the recipient's schedule
     * @param outcomes what became of its doses so far, by dose number
     * @param cd3PerKg the aliquot's dose, CD3+ cells per kg of the recipient's weight now
     * @param at when it is to be infused, the unit's local time
     */
    public static Result check(DliSchedule schedule, Map<Integer, DliSchedule.Outcome> outcomes, double cd3PerKg,
            LocalDateTime at) {
        Optional<DliSchedule.Step> next = schedule.next(outcomes);
        Map<Concern, String> concerns = new java.util.EnumMap<>(Concern.class);
        if (next.isEmpty()) {
            concerns.put(Concern.SCHEDULE_COMPLETE, "every dose of the DLI schedule (" + schedule.doses().size()
                    + ") was given or skipped; a further dose needs a new order");
            return new Result(next, concerns);
        }
        DliSchedule.Step s = next.get();
        double planned = s.dose().cd3PerKg();
        String which = "dose " + s.dose().number() + " of " + schedule.doses().size() + " (" + perKg(planned) + ")";
        if (cd3PerKg > planned * (1 + DOSE_TOLERANCE_FRACTION)) {
            concerns.put(Concern.DOSE_ABOVE_SCHEDULE, "this aliquot is " + perKg(cd3PerKg)
                    + " and the schedule expects " + which + " next: a higher dose before a lower one is not "
                    + "given; if the physician decides so, they record the lower dose skipped first");
        } else if (cd3PerKg < planned * (1 - DOSE_TOLERANCE_FRACTION)) {
            concerns.put(Concern.DOSE_BELOW_SCHEDULE, "this aliquot is " + perKg(cd3PerKg)
                    + " and the schedule expects " + which + " next: a lower dose than ordered");
        }
        LocalDate day = at.toLocalDate();
        if (day.isBefore(s.dueOn())) {
            concerns.put(Concern.INTERVAL_NOT_PASSED, which + " is due on " + s.dueOn() + ", "
                    + java.time.temporal.ChronoUnit.DAYS.between(day, s.dueOn()) + " day(s) from now"
                    + s.dose().intervalDays().stream().mapToObj(d -> ": " + d + " days after the dose before it")
                            .findFirst().orElse(""));
        }
        return new Result(next, concerns);
    }

    /**
     * A dose as staff read it: three significant figures and the power of ten, e.g. {@code 5.9 × 10^6 CD3+/kg}.
     */
    public static String perKg(double cd3PerKg) {
        if (!(cd3PerKg > 0) || Double.isInfinite(cd3PerKg)) {
            return Problem.render(cd3PerKg) + " CD3+/kg";
        }
        return org.openapheresis.system.Rounding.scientific(cd3PerKg) + " CD3+/kg";
    }
}
