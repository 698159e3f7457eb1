package org.openapheresis.gvhd;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Range;

/**
 * An escalating schedule of donor lymphocyte infusions as a physician orders it: the doses in CD3+ cells per kg of
 * the recipient, in the order they are given, the date of the first and, for each later dose, the least number of
 * days after the dose before it.
 *
 * <p>Escalating-dose regimens give the lymphocytes over months, starting low, and raise the dose only when the
 * previous one has neither worked nor caused GVHD; they gave less GVHD than one bulk dose for a similar response
 * (Dazzi F et al., Blood 2000;95:67-71). A first dose below 1 × 10^7 CD3+/kg is supported by Bar M et al., Biol
 * Blood Marrow Transplant 2013;19:949-957. The doses and the intervals are the physician's: a scheme such as
 * 1 × 10^6, 5 × 10^6, 1 × 10^7 CD3+/kg at 4 to 8 weeks is an EXAMPLE here, not checked against a publication.
 *
 * <p>The date a dose is due: the first on {@code firstDoseOn}; each later one its interval after the dose before it,
 * counted from the day that dose was given, or from the day it was due when it was skipped or is still to come.
 *
 * @param firstDoseOn the day the first dose is planned
 * @param doses the doses, numbered from 1 in the order they are given
 */
public record DliSchedule(LocalDate firstDoseOn, List<Dose> doses) {

    /** Most doses one schedule plans (the lab divides a product into at most 26 first-level aliquots). */
    public static final int MAX_DOSES = 26;
    /**
     * CD3+ cells per kg a dose may be, from 10^4 to 10^9: wider than any published DLI dose (10^5 to about 10^8
     * CD3+/kg, e.g. the cohorts of Bar 2013), so that only a slip of the exponent is refused.
     */
    public static final Range CD3_PER_KG = Range.of(1e4, 1e9);
    /** Days between two doses: 1 to a year. An interval is the physician's; published schemes use weeks. */
    public static final Range INTERVAL_DAYS = Range.of(1, 365);

    /**
     * One dose of the schedule.
     *
     * @param number 1 for the first dose, then one more for each
     * @param cd3PerKg CD3+ cells per kg of the recipient
     * @param intervalDays for a later dose, the least number of days after the dose before it; empty for the first
     */
    public record Dose(int number, double cd3PerKg, OptionalInt intervalDays) {
        public Dose {
            Objects.requireNonNull(intervalDays, "intervalDays");
        }
    }

    /** Checks the schedule, naming each bad field {@code doses[i].cd3PerKg} or {@code doses[i].intervalDays}. */
    public DliSchedule {
        Magic2016.ProblemList problems = new Magic2016.ProblemList();
        if (firstDoseOn == null) {
            problems.add(Problem.of("firstDoseOn", MessageKey.REQUIRED));
        }
        if (doses == null || doses.isEmpty()) {
            problems.add(Problem.of("doses", MessageKey.EMPTY_LIST));
        } else if (doses.size() > MAX_DOSES) {
            problems.add(Problem.of("doses", MessageKey.TOO_MANY, MAX_DOSES));
        } else {
            for (int i = 0; i < doses.size(); i++) {
                Dose d = doses.get(i);
                String field = "doses[" + i + "]";
                if (d == null) {
                    problems.add(Problem.of(field, MessageKey.REQUIRED));
                    continue;
                }
                if (d.number() != i + 1) {
                    problems.add(Problem.of(field + ".number", MessageKey.INVALID, d.number() + " is not " + (i + 1)
                            + ": doses are numbered from 1 in the order they are given"));
                }
                problems.check(field + ".cd3PerKg", CD3_PER_KG, d.cd3PerKg());
                if (i == 0 && d.intervalDays().isPresent()) {
                    problems.add(Problem.of(field + ".intervalDays", MessageKey.INVALID, "the first dose is given on "
                            + "firstDoseOn; it has no interval before it"));
                } else if (i > 0 && d.intervalDays().isEmpty()) {
                    problems.add(Problem.of(field + ".intervalDays", MessageKey.REQUIRED_WHEN, "for every dose after "
                            + "the first: the least number of days after the dose before it"));
                } else if (i > 0) {
                    problems.check(field + ".intervalDays", INTERVAL_DAYS, d.intervalDays().getAsInt());
                }
                if (i > 0 && doses.get(i - 1) != null && d.cd3PerKg() < doses.get(i - 1).cd3PerKg()) {
                    problems.add(Problem.of(field + ".cd3PerKg", MessageKey.INVALID, Problem.render(d.cd3PerKg())
                            + " CD3+/kg is below the dose before it (" + Problem.render(doses.get(i - 1).cd3PerKg())
                            + "): an escalating schedule never lowers the dose"));
                }
            }
        }
        problems.throwIfAny("the DLI schedule has invalid values");
        doses = List.copyOf(doses);
    }

    /** What became of a dose: given (when, and the dose per kg it was) or skipped (when, why). */
    public sealed interface Outcome permits Given, Skipped {
        /** When it was given or skipped, in the unit's local time. */
        LocalDateTime at();
    }

    /**
     * A dose given.
     *
     * @param at when it was infused
     * @param cd3PerKg the dose it was, CD3+ cells per kg of the recipient's weight at the infusion
     */
    public record Given(LocalDateTime at, double cd3PerKg) implements Outcome {
    }

    /**
     * A dose the physician decided not to give, and why.
     *
     * @param at when it was decided
     * @param reason why, in words
     */
    public record Skipped(LocalDateTime at, String reason) implements Outcome {
    }

    /** Where a dose of the schedule stands. */
    public enum Status {
        /** A dose after the next one: not yet expected. */
        PLANNED,
        /** The next dose the schedule expects, on or after its due date. */
        DUE,
        /** The next dose, held: acute GVHD of grade II or more was recorded since the last dose. */
        HELD,
        /** Given. */
        GIVEN,
        /** Skipped by the physician, with the reason. */
        SKIPPED
    }

    /**
     * A dose with its due date and status.
     *
     * @param dose the dose as ordered
     * @param dueOn the day it is due (for a given dose, the day it was due)
     * @param status where it stands
     * @param outcome what became of it, for a given or skipped dose
     */
    public record Step(Dose dose, LocalDate dueOn, Status status, Optional<Outcome> outcome) {
    }

    /**
     * The doses with their due dates and statuses.
     *
     * @param outcomes what became of the doses given or skipped, by dose number
     * @param hold whether the next dose is held ({@link DliHoldRule} over the grades since the last dose given)
     */
    public List<Step> steps(Map<Integer, Outcome> outcomes, boolean hold) {
        List<Step> out = new ArrayList<>();
        LocalDate due = firstDoseOn;
        boolean nextFound = false;
        for (Dose d : doses) {
            if (d.number() > 1) {
                due = out.get(out.size() - 1).outcome().filter(o -> o instanceof Given).map(o -> o.at().toLocalDate())
                        .orElse(out.get(out.size() - 1).dueOn()).plusDays(d.intervalDays().getAsInt());
            }
            Optional<Outcome> o = Optional.ofNullable(outcomes.get(d.number()));
            Status s;
            if (o.isPresent()) {
                s = o.get() instanceof Given ? Status.GIVEN : Status.SKIPPED;
            } else if (!nextFound) {
                nextFound = true;
                s = hold ? Status.HELD : Status.DUE;
            } else {
                s = Status.PLANNED;
            }
            out.add(new Step(d, due, s, o));
        }
        return out;
    }

    /** The next dose to give: the first neither given nor skipped, if any is left. */
    public Optional<Step> next(Map<Integer, Outcome> outcomes) {
        return steps(outcomes, false).stream().filter(s -> s.outcome().isEmpty()).findFirst();
    }

    /** The last dose given, if any. */
    public Optional<Given> lastGiven(Map<Integer, Outcome> outcomes) {
        return outcomes.values().stream().filter(o -> o instanceof Given).map(o -> (Given) o)
                .max(java.util.Comparator.comparing(Given::at));
    }
}
