package org.openapheresis.server.schedule;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.openapheresis.procedure.ProcedureType;

/**
 * A unit made up from a seed: machines (every one runs exchanges, about half collections too), chairs, nurses with
 * random skills (each skill held by at least two), and a week of single sessions and short courses of the mix a
 * unit sees (exchanges, HPC and lymphocyte collections, infusions; some children, some central lines).
 */
public final class RandomUnit {

    private RandomUnit() {
    }

    /** A week from Monday 2 March 2026 (UTC) under the standard rules, with nothing booked yet. */
    public static WeekPlan week(long seed, int machines, int chairs, int nurses, int sessions) {
        return week(seed, machines, chairs, nurses, sessions, UnitRules.standard(LocalDate.of(2026, 3, 2),
                ZoneOffset.UTC));
    }

    /**
     * A unit open 07:00–19:00 on weekdays and 08:00–16:00 on Saturday, otherwise under the standard rules: the
     * benchmark's unit, busy (about two thirds of its machine hours booked) but not over-full.
     */
    public static UnitRules longDays() {
        UnitRules s = UnitRules.standard(LocalDate.of(2026, 3, 2), ZoneOffset.UTC);
        java.util.Map<java.time.DayOfWeek, UnitRules.Hours> open = new java.util.EnumMap<>(java.time.DayOfWeek.class);
        for (java.time.DayOfWeek d : java.time.DayOfWeek.values()) {
            if (d.getValue() <= 5) {
                open.put(d, new UnitRules.Hours(java.time.LocalTime.of(7, 0), java.time.LocalTime.of(19, 0)));
            }
        }
        open.put(java.time.DayOfWeek.SATURDAY, new UnitRules.Hours(java.time.LocalTime.of(8, 0),
                java.time.LocalTime.of(16, 0)));
        return new UnitRules(s.origin(), s.zone(), s.slotMin(), open, s.holidays(), s.labCutOff(),
                s.maxPatientsPerNurse(), s.turnoverMin(), s.setUpAndRinsebackMin(), s.intervalToleranceMin(),
                s.labTurnaroundMin());
    }

    /** A week under the given rules (from their origin), with nothing booked yet. */
    public static WeekPlan week(long seed, int machines, int chairs, int nurses, int sessions, UnitRules rules) {
        Random r = new Random(seed);
        List<UnitMachine> ms = new ArrayList<>();
        for (int i = 0; i < machines; i++) {
            Set<ProcedureType> runs = EnumSet.of(ProcedureType.PLASMA_EXCHANGE);
            if (i == 0 || r.nextBoolean()) {
                runs.addAll(List.of(ProcedureType.HPC_COLLECTION, ProcedureType.LYMPHOCYTE_COLLECTION));
            }
            ms.add(new UnitMachine("m" + i, "Optia-" + (i + 1), runs));
        }
        List<UnitChair> cs = new ArrayList<>();
        for (int i = 0; i < chairs; i++) {
            cs.add(new UnitChair("c" + i, "Chair " + (i + 1)));
        }
        List<UnitNurse> ns = new ArrayList<>();
        for (int i = 0; i < nurses; i++) {
            Set<Skill> skills = EnumSet.noneOf(Skill.class);
            for (Skill s : Skill.values()) {
                if (i % Skill.values().length == s.ordinal() || (i + 1) % Skill.values().length == s.ordinal()
                        || r.nextDouble() < 0.5) {
                    skills.add(s);
                }
            }
            ns.add(new UnitNurse("nurse" + i, "Nurse " + i, skills));
        }
        List<PlannedSession> ss = new ArrayList<>();
        int order = 0;
        while (ss.size() < sessions) {
            order++;
            double kind = r.nextDouble();
            ProcedureType type = kind < 0.5 ? ProcedureType.PLASMA_EXCHANGE : kind < 0.62 ? ProcedureType.HPC_COLLECTION
                    : kind < 0.7 ? ProcedureType.LYMPHOCYTE_COLLECTION : ProcedureType.IVIG_INFUSION;
            int runMin = switch (type) {
                case PLASMA_EXCHANGE -> 60 + 15 * r.nextInt(4);
                case HPC_COLLECTION, LYMPHOCYTE_COLLECTION -> 120 + 15 * r.nextInt(5);
                default -> 60 + 30 * r.nextInt(5);
            };
            boolean course = type == ProcedureType.PLASMA_EXCHANGE && r.nextDouble() < 0.5;
            int count = course ? Math.min(2 + r.nextInt(2), sessions - ss.size()) : 1;
            int intervalH = course ? (r.nextBoolean() ? 24 : 48) : 0;
            Set<Skill> needed = Skill.needed(type, r.nextDouble() < 0.1, r.nextDouble() < 0.2);
            String id = "order" + order;
            for (int k = 1; k <= count; k++) {
                ss.add(new PlannedSession(id + "#" + k, id, k, "patient" + order, "Patient " + order, type, runMin,
                        needed, intervalH * 60, null, rules).withStarts(rules.startsInCourse(rules.startsFor(6, 0,
                                runMin + rules.setUpAndRinsebackMin(), type.collectsProduct()), k - 1, count - k,
                                intervalH * 60)));
            }
        }
        return new WeekPlan(rules, ms, cs, ns, ss);
    }
}
