package org.openapheresis.server.schedule;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.schedule.constraint.WeekConstraints;

/** Named fixtures of a small unit for the rules' tests: Monday 2 March 2026 is minute 0 (UTC). */
public final class Week {

    public static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    public static final UnitRules RULES = UnitRules.standard(MONDAY, ZoneOffset.UTC);
    public static final ConstraintVerifier<WeekConstraints, WeekPlan> VERIFIER = ConstraintVerifier.build(
            new WeekConstraints(), WeekPlan.class, PlannedSession.class);

    public static final UnitMachine OPTIA_1 = new UnitMachine("m1", "Optia-1", EnumSet.of(
            ProcedureType.PLASMA_EXCHANGE, ProcedureType.HPC_COLLECTION, ProcedureType.LYMPHOCYTE_COLLECTION));
    public static final UnitMachine OPTIA_2 = new UnitMachine("m2", "Optia-2", EnumSet.of(
            ProcedureType.PLASMA_EXCHANGE));
    public static final UnitChair CHAIR_1 = new UnitChair("c1", "Chair 1");
    public static final UnitChair CHAIR_2 = new UnitChair("c2", "Chair 2");
    public static final UnitNurse MOREAU = new UnitNurse("nurse.moreau", "Claire Moreau", EnumSet.allOf(Skill.class));
    public static final UnitNurse TANAKA = new UnitNurse("nurse.tanaka", "Yui Tanaka", EnumSet.of(
            Skill.PLASMA_EXCHANGE));

    private static final AtomicInteger ORDERS = new AtomicInteger();

    private Week() {
    }

    /** Minutes after Monday 00:00 of {@code day} (0 = Monday) at {@code hh:mm}. */
    public static int at(int day, int hh, int mm) {
        return day * 24 * 60 + hh * 60 + mm;
    }

    /** An adult's plasma exchange of 120 min run time (150 min on the machine), alone in its order. */
    public static PlannedSession exchange() {
        return session(ProcedureType.PLASMA_EXCHANGE, 120, Set.of(Skill.PLASMA_EXCHANGE));
    }

    /** An adult's HPC collection of 240 min run time. */
    public static PlannedSession collection() {
        return session(ProcedureType.HPC_COLLECTION, 240, Set.of(Skill.CELL_COLLECTION));
    }

    /** An IVIG infusion of 180 min: a chair, no machine. */
    public static PlannedSession infusion() {
        return session(ProcedureType.IVIG_INFUSION, 180, Set.of());
    }

    public static PlannedSession session(ProcedureType type, int runMin, Set<Skill> needed) {
        String order = "order-" + ORDERS.incrementAndGet();
        return new PlannedSession(order + "#1", order, 1, "p-" + order, "Patient " + order, type, runMin, needed, 0,
                null, RULES);
    }

    /** Session {@code sequence} of a course of {@code order}, every {@code intervalH} hours. */
    public static PlannedSession course(String order, int sequence, int intervalH, Integer previousStartMinute) {
        return new PlannedSession(order + "#" + sequence, order, sequence, "p-" + order, "Patient " + order,
                ProcedureType.PLASMA_EXCHANGE, 120, Set.of(Skill.PLASMA_EXCHANGE), intervalH * 60, previousStartMinute,
                RULES);
    }

    /**
     * The session booked by hand at {@code start} on these resources, outside the unit's rules with the warnings
     * {@code acknowledged} (on call), and still movable.
     */
    public static PlannedSession bookedOnCall(PlannedSession s, int start, UnitMachine m, UnitChair c, UnitNurse n,
            org.openapheresis.server.session.BookingWarning.Code... acknowledged) {
        return s.withAcknowledgedWhereBooked(Set.of(acknowledged)).booked(new Booking("booked-" + s.getKey(), 1, start,
                m, c, n), false);
    }

    /** The session as done, running or due before now: booked at {@code start} on these resources and pinned there. */
    public static PlannedSession pinned(PlannedSession s, int start, UnitMachine m, UnitChair c, UnitNurse n) {
        return s.booked(new Booking("booked-" + s.getKey(), 1, start, m, c, n), true);
    }
}
