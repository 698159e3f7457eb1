package org.openapheresis.server.schedule;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.server.schedule.constraint.ChairDoubleBooked;
import org.openapheresis.server.schedule.constraint.CollectionBeforeLabCutOff;
import org.openapheresis.server.schedule.constraint.CourseFollowsLastSession;
import org.openapheresis.server.schedule.constraint.CourseIntervalKept;
import org.openapheresis.server.schedule.constraint.InsideOpeningHours;
import org.openapheresis.server.schedule.constraint.MachineDoubleBooked;
import org.openapheresis.server.schedule.constraint.MachineFitsProcedure;
import org.openapheresis.server.schedule.constraint.MachineInService;
import org.openapheresis.server.schedule.constraint.NurseHasSkill;
import org.openapheresis.server.schedule.constraint.NurseOnShift;
import org.openapheresis.server.schedule.constraint.NurseOverbooked;
import org.openapheresis.server.schedule.constraint.PreProcedureLabsDue;

/**
 * One thing the coordinator can do so that a proposal that breaks a hard rule becomes one that can be booked, chosen
 * from the rules it breaks: the solver cannot give a nurse a skill, open the unit longer or put a machine back in
 * service, and on a full day it has nowhere to move a booked session to. A step is a suggestion in words; those the
 * week page can take at once carry what it needs ({@code to} for a wider window, {@code spentLimitSeconds} for a
 * longer run). Nothing here is checked to be enough: the new plan says whether it is.
 *
 * @param kind what kind of step
 * @param text the step in words
 * @param to for {@link Kind#WIDER_WINDOW}: the last day to plan to
 * @param spentLimitSeconds for {@link Kind#MORE_TIME}: how long to give the solver
 */
public record NextStep(Kind kind, String text, Optional<LocalDate> to, Optional<Integer> spentLimitSeconds) {

    /** The kinds of step, in the order they are offered. */
    public enum Kind {
        /** Run the solver longer (sessions left unplaced, or a crowded window). */
        MORE_TIME,
        /** Plan one day more, so that sessions that need not be on these days can move to it. */
        WIDER_WINDOW,
        /** Give a nurse the skill a session needs (the unit's page). */
        NURSE_SKILL,
        /** Put another nurse on the rota (an on-call shift counts). */
        NURSE_ON_ROTA,
        /** End a machine's time out of service if it is back (the week's rota). */
        MACHINE_IN_SERVICE,
        /** Set a machine up for the procedure (the unit's page). */
        MACHINE_FOR_PROCEDURE,
        /** Open the unit longer on these days, or agree a later cut-off with the lab (the unit's planning rules). */
        UNIT_HOURS,
        /** Have the pre-procedure labs drawn before the day. */
        LABS_EARLIER,
        /** Book the session by hand, the booking naming each rule it breaks to be acknowledged. */
        BY_HAND
    }

    /** Longest a proposal's solver may run ({@link ScheduleService#SPENT_LIMIT_SECONDS}). */
    static final int MAX_SPENT_SECONDS = (int) ScheduleService.SPENT_LIMIT_SECONDS.high();
    /** The least a longer run offers. */
    static final int LONGER_RUN_SECONDS = 15;

    /** The hard rules about room on the days planned: a wider window or a longer run may find it. */
    private static final Set<String> CROWDED = Set.of(MachineDoubleBooked.NAME, ChairDoubleBooked.NAME,
            NurseOverbooked.NAME, CourseIntervalKept.NAME, CourseFollowsLastSession.NAME, InsideOpeningHours.NAME,
            CollectionBeforeLabCutOff.NAME, NurseOnShift.NAME, MachineInService.NAME, PreProcedureLabsDue.NAME);

    public NextStep {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(spentLimitSeconds, "spentLimitSeconds");
    }

    /**
     * The steps for a proposal: none when it breaks no hard rule and places every session.
     *
     * @param explanation the rules that count against it ({@link WeekSolver.Solved#explanation()})
     * @param from the first day planned
     * @param to the last day planned
     * @param solvedMs how long the solver ran
     */
    public static List<NextStep> of(List<WeekSolver.Broken> explanation, LocalDate from, LocalDate to, long solvedMs) {
        Set<String> hard = new java.util.HashSet<>();
        explanation.stream().filter(b -> b.level().equals("hard")).forEach(b -> hard.add(b.rule()));
        if (hard.isEmpty()) {
            return List.of();
        }
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        boolean crowded = hard.stream().anyMatch(CROWDED::contains);
        int ranSeconds = (int) Math.ceil(solvedMs / 1000.0);
        if ((hard.contains(WeekSolver.NOT_PLACED) || crowded) && ranSeconds < MAX_SPENT_SECONDS) {
            kinds.add(Kind.MORE_TIME);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if ((crowded || hard.contains(WeekSolver.NO_START)) && days < ScheduleService.MAX_DAYS) {
            kinds.add(Kind.WIDER_WINDOW);
        }
        if (hard.contains(NurseHasSkill.NAME)) {
            kinds.add(Kind.NURSE_SKILL);
        }
        if (hard.contains(NurseOnShift.NAME) || hard.contains(NurseOverbooked.NAME)) {
            kinds.add(Kind.NURSE_ON_ROTA);
        }
        if (hard.contains(MachineInService.NAME)) {
            kinds.add(Kind.MACHINE_IN_SERVICE);
        }
        if (hard.contains(MachineFitsProcedure.NAME)) {
            kinds.add(Kind.MACHINE_FOR_PROCEDURE);
        }
        if (hard.contains(InsideOpeningHours.NAME) || hard.contains(CollectionBeforeLabCutOff.NAME)) {
            kinds.add(Kind.UNIT_HOURS);
        }
        if (hard.contains(PreProcedureLabsDue.NAME)) {
            kinds.add(Kind.LABS_EARLIER);
        }
        kinds.add(Kind.BY_HAND);
        int longer = Math.min(MAX_SPENT_SECONDS, Math.max(LONGER_RUN_SECONDS, 2 * ranSeconds));
        List<NextStep> out = new ArrayList<>();
        for (Kind k : kinds) {
            out.add(switch (k) {
                case MORE_TIME -> new NextStep(k, "Give the solver longer: " + longer + " s instead of " + ranSeconds
                        + " s. A crowded window, or one with many sessions to place, can need it.", Optional.empty(),
                        Optional.of(longer));
                case WIDER_WINDOW -> new NextStep(k, "Plan through " + to.plusDays(1) + " (" + (days + 1)
                        + " days): a session with no room or no start on these days can then go to the next, or "
                        + "make room by moving there.",
                        Optional.of(to.plusDays(1)), Optional.empty());
                case NURSE_SKILL -> step(k, "Give a nurse the skill the session needs (The unit, Nurses and their "
                        + "skills), if one is signed off for it and it is not recorded yet; or, with shifts on the "
                        + "rota, put a nurse who has it on shift then.");
                case NURSE_ON_ROTA -> step(k, "Put another nurse on the rota for these days (the rota below; an "
                        + "on-call shift counts): with shifts on the rota, a nurse plans only inside them.");
                case MACHINE_IN_SERVICE -> step(k, "If a machine out of service is back, cancel its time out of "
                        + "service on the rota below.");
                case MACHINE_FOR_PROCEDURE -> step(k, "Set a machine up for the procedure (The unit, Machines): no "
                        + "machine free then runs it.");
                case UNIT_HOURS -> step(k, "Open longer on these days, or agree a later cut-off with the lab (The "
                        + "unit, Planning rules); or run the session on call (below).");
                case LABS_EARLIER -> step(k, "Have the pre-procedure labs drawn before the day and entered on the "
                        + "patient's record, so that the session need not wait for them.");
                case BY_HAND -> step(k, "Or book the session by hand on its order's page: it refuses a machine "
                        + "already booked then, and asks you to acknowledge a start outside the opening hours, after "
                        + "the lab's cut-off or before the labs are back (on call, the reason recorded). Drag or "
                        + "cancel another session on this week's grid to make room.");
            });
        }
        return out;
    }

    private static NextStep step(Kind k, String text) {
        return new NextStep(k, text, Optional.empty(), Optional.empty());
    }
}
