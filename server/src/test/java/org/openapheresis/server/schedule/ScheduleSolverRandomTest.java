package org.openapheresis.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded random units, solved for a short time each: a plan the solver calls feasible breaks no hard rule when the
 * rules are counted again independently ({@link HardRuleCheck}), and one it calls infeasible breaks at least one.
 */
class ScheduleSolverRandomTest {

    private static final WeekSolver SOLVER = new WeekSolver();

    @Test
    void no_plan_with_a_feasible_score_breaks_a_hard_rule_counted_independently() {
        List<String> wrong = new ArrayList<>();
        int feasible = 0;
        for (long seed = 1; seed <= 6; seed++) {
            WeekPlan problem = RandomUnit.week(seed, 2 + (int) (seed % 2), 3, 3, 8 + (int) seed);
            WeekSolver.Solved s = SOLVER.solve(problem, Duration.ofMillis(1500), null, p -> { });
            List<String> breaches = HardRuleCheck.breaches(s.plan());
            if (s.feasible()) {
                feasible++;
                if (!breaches.isEmpty()) {
                    wrong.add("seed " + seed + " is feasible by the solver (" + s.score() + ") but " + breaches);
                }
            } else if (breaches.isEmpty()) {
                wrong.add("seed " + seed + " is infeasible by the solver (" + s.score() + ") but breaks nothing");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(feasible).as("the small units are feasible, or this test checks nothing").isGreaterThanOrEqualTo(4);
    }

    @Test
    void plans_with_pre_procedure_labs_due_keep_them_when_feasible_counted_independently() {
        List<String> wrong = new ArrayList<>();
        int feasible = 0;
        int stale = 0;
        for (long seed = 11; seed <= 14; seed++) {
            WeekPlan problem = RandomUnit.week(seed, 2 + (int) (seed % 2), 3, 3, 8 + (int) seed);
            // a third of the orders ask for labs: never resulted, or current until a random minute of the week
            java.util.Random r = new java.util.Random(seed);
            java.util.Map<String, LabsDue> due = new java.util.HashMap<>();
            for (PlannedSession e : problem.getSessions()) {
                LabsDue d = due.computeIfAbsent(e.getOrderId(), o -> r.nextInt(3) != 0 ? null : new LabsDue("Fibrinogen",
                        24, r.nextBoolean() ? LabsDue.NEVER : r.nextInt(6 * 24 * 60), "random"));
                e.withLabsDue(d);
            }
            WeekSolver.Solved s = SOLVER.solve(problem, Duration.ofMillis(1500), null, p -> { });
            List<String> breaches = HardRuleCheck.breaches(s.plan());
            stale += (int) s.plan().getSessions().stream().filter(e -> e.getLabsDue() != null
                    && e.getStartMinute() != null && !e.getLabsDue().currentAt(e.getStartMinute())).count();
            if (s.feasible()) {
                feasible++;
                if (!breaches.isEmpty()) {
                    wrong.add("seed " + seed + " is feasible by the solver (" + s.score() + ") but " + breaches);
                }
            } else if (breaches.isEmpty()) {
                wrong.add("seed " + seed + " is infeasible by the solver (" + s.score() + ") but breaks nothing");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(feasible).as("the small units are feasible, or this test checks nothing").isGreaterThanOrEqualTo(3);
        assertThat(stale).as("sessions whose labs are drawn on arrival, or the labs rule is not exercised").isPositive();
    }

    @Test
    void the_independent_check_sees_a_session_starting_before_its_labs_are_back() {
        WeekPlan plan = RandomUnit.week(8, 2, 3, 3, 4);
        PlannedSession a = plan.getSessions().get(0);
        plan.getSessions().removeIf(x -> x != a);
        int opening = a.getPossibleStarts().get(0);
        a.withLabsDue(new LabsDue("Fibrinogen", 24, LabsDue.NEVER, "no Fibrinogen on record")).at(opening,
                a.getProcedureType().onSeparator() ? plan.getMachines().get(0) : null, plan.getChairs().get(0),
                plan.getNurses().get(0));
        assertThat(HardRuleCheck.breaches(plan)).anyMatch(t -> t.contains("before its labs drawn on arrival are back"));
        assertThat(SOLVER.score(plan).hardScore()).isNegative();
    }

    @Test
    void the_independent_check_sees_a_clash_the_solver_would_be_penalised_for() {
        WeekPlan plan = RandomUnit.week(7, 2, 3, 3, 6);
        PlannedSession a = plan.getSessions().get(0);
        PlannedSession b = plan.getSessions().stream().filter(x -> !x.getOrderId().equals(a.getOrderId())
                && x.getPossibleStarts().contains(a.getPossibleStarts().get(0))).findFirst().orElseThrow();
        plan.getSessions().removeIf(x -> x != a && x != b);
        UnitNurse all = plan.getNurses().get(0);
        UnitMachine m = plan.getMachines().get(0);
        a.at(a.getPossibleStarts().get(0), a.getProcedureType().onSeparator() ? m : null, plan.getChairs().get(0), all);
        b.at(a.getStartMinute(), b.getProcedureType().onSeparator() ? m : null, plan.getChairs().get(0), all);
        assertThat(HardRuleCheck.breaches(plan)).anyMatch(t -> t.contains("share chair"));
        assertThat(SOLVER.score(plan).hardScore()).isNegative();
    }
}
