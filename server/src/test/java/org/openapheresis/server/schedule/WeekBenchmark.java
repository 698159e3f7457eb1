package org.openapheresis.server.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The week's benchmark (not a test: {@code bench/week-plan.sh} runs it): a unit of 6 machines, 8 chairs and 10
 * nurses with 150 sessions in a week, solved for a spent limit, printing the best score over time, when the hard
 * score first reached zero, and the breaches the independent check finds; then one urgent plasma exchange added to
 * the booked week and re-planned, counting the booked sessions it moved.
 *
 * <p>Arguments: seed (default 17), spent limit in seconds (default 10), the re-plan's limit in seconds (default 2).
 */
public final class WeekBenchmark {

    private WeekBenchmark() {
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 17;
        int limitS = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int replanS = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        WeekSolver solver = new WeekSolver();
        WeekPlan warm = RandomUnit.week(seed + 1000, 3, 4, 4, 20);
        solver.solve(warm, Duration.ofSeconds(2), null, p -> { });

        WeekPlan problem = RandomUnit.week(seed, 6, 8, 10, 150, RandomUnit.longDays());
        List<WeekSolver.Progress> progress = new ArrayList<>();
        WeekSolver.Solved s = solver.solve(problem, Duration.ofSeconds(limitS), null, progress::add);
        System.out.printf(Locale.ROOT, "week: 6 machines, 8 chairs, 10 nurses, %d sessions, seed %d, limit %d s%n",
                problem.getSessions().size(), seed, limitS);
        long lastPrinted = -1000;
        for (WeekSolver.Progress p : progress) {
            if (p.afterMs() - lastPrinted >= 500 || p == progress.get(progress.size() - 1)) {
                System.out.printf(Locale.ROOT, "  %6d ms  %s%n", p.afterMs(), p.score());
                lastPrinted = p.afterMs();
            }
        }
        progress.stream().filter(WeekSolver.Progress::feasible).findFirst().ifPresentOrElse(
                p -> System.out.printf(Locale.ROOT, "zero hard after %d ms%n", p.afterMs()),
                () -> System.out.println("zero hard: not reached"));
        System.out.printf(Locale.ROOT, "final %s, unplaced %d, independent check: %d breaches%n", s.score(),
                s.unplaced().size(), HardRuleCheck.breaches(s.plan()).size());
        for (WeekSolver.Broken b : s.explanation()) {
            System.out.printf(Locale.ROOT, "  %s %s: %s over %d%n", b.level(), b.rule(), b.score(), b.matches());
        }

        for (PlannedSession p : s.plan().getSessions()) {
            if (p.getStartMinute() == null) {
                System.out.println("the week is not fully placed: no re-plan");
                return;
            }
        }
        // an urgent exchange today (Monday) into the week as booked: first with every booked session free to move
        // (the whole week planned again), then as the week page does it, planning today only (the window the
        // coordinator plans: today's booked sessions may move, the other days' hold where they are)
        insertUrgent(solver, s.plan(), replanS, false);
        insertUrgent(solver, s.plan(), replanS, true);
    }

    private static void insertUrgent(WeekSolver solver, WeekPlan solved, int replanS, boolean todayOnly) {
        String label = todayOnly ? "urgent insertion, today planned" : "urgent insertion, week planned";
        List<PlannedSession> booked = new ArrayList<>();
        UnitRules rules = solved.getRules();
        // the window's starts: a session planned again today stays today (as in a proposal for one day)
        List<Integer> today = rules.starts(1, 0);
        for (PlannedSession p : solved.getSessions()) {
            boolean hold = todayOnly && !rules.local(p.getStartMinute()).toLocalDate().equals(
                    rules.local(0).toLocalDate());
            PlannedSession b = new PlannedSession(p.getKey(), p.getOrderId(), p.getSequence(), p.getPatientId(),
                    p.getPatientName(), p.getProcedureType(), p.getRunMin(), p.getNeeded(), p.getIntervalMin(),
                    p.getPreviousStartMinute(), rules).withStarts(hold ? List.of(p.getStartMinute())
                            : todayOnly ? java.util.stream.Stream.concat(java.util.stream.Stream.of(p.getStartMinute()),
                                    p.getPossibleStarts().stream().filter(today::contains)).toList()
                            : p.getPossibleStarts());
            booked.add(b.booked(new Booking(p.getKey(), 1, p.getStartMinute(), p.getMachine(), p.getChair(),
                    p.getNurse()), hold));
        }
        booked.add(new PlannedSession("urgent#1", "urgent", 1, "urgent-patient", "Urgent, TTP",
                org.openapheresis.procedure.ProcedureType.PLASMA_EXCHANGE, 120, Skill.needed(
                        org.openapheresis.procedure.ProcedureType.PLASMA_EXCHANGE, false, false), 0, null, rules)
                .withStarts(rules.startsFor(1, 0, 120 + rules.setUpAndRinsebackMin(), false)));
        WeekPlan replan = new WeekPlan(rules, solved.getMachines(), solved.getChairs(), solved.getNurses(), booked);
        long t0 = System.nanoTime();
        List<WeekSolver.Progress> replanned = new ArrayList<>();
        WeekSolver.Solved r = solver.solve(replan, Duration.ofSeconds(replanS), null, replanned::add);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long moved = r.plan().getSessions().stream().filter(PlannedSession::moved).count();
        PlannedSession urgent = r.plan().getSessions().get(booked.size() - 1);
        System.out.printf(Locale.ROOT, "%s: %d ms, %s, moved %d booked session(s), urgent at %s (%s), "
                + "independent check: %d breaches%n", label, ms, r.score(), moved, urgent.getStartMinute() == null ? "-"
                : rules.local(urgent.getStartMinute()), today.contains(urgent.getStartMinute()) ? "today" : "not today",
                HardRuleCheck.breaches(r.plan()).size());
        replanned.stream().filter(WeekSolver.Progress::feasible).findFirst().ifPresentOrElse(
                p -> System.out.printf(Locale.ROOT, "%s: zero hard after %d ms (%s)%n", label, p.afterMs(),
                        p.score()),
                () -> System.out.printf(Locale.ROOT, "%s: zero hard not reached%n", label));
        for (WeekSolver.Broken b : r.explanation()) {
            if (b.level().equals("hard")) {
                System.out.printf(Locale.ROOT, "  %s %s: %s over %d: %s%n", b.level(), b.rule(), b.score(), b.matches(),
                        b.sentences());
            }
        }
    }
}
