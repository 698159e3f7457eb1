package org.openapheresis.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openapheresis.server.schedule.NextStep.Kind;
import org.openapheresis.server.schedule.constraint.FewGaps;
import org.openapheresis.server.schedule.constraint.InsideOpeningHours;
import org.openapheresis.server.schedule.constraint.MachineDoubleBooked;
import org.openapheresis.server.schedule.constraint.MachineFitsProcedure;
import org.openapheresis.server.schedule.constraint.MachineInService;
import org.openapheresis.server.schedule.constraint.PreProcedureLabsDue;

/** What a coordinator is offered for a proposal that breaks a hard rule, from the rules it breaks. */
class NextStepTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    private static WeekSolver.Broken hard(String rule) {
        return new WeekSolver.Broken(rule, "hard", "-1hard", 1, List.of(rule + " once"));
    }

    private static List<Kind> kinds(List<NextStep> steps) {
        return steps.stream().map(NextStep::kind).toList();
    }

    @Test
    void a_plan_that_keeps_every_hard_rule_has_no_steps_whatever_its_soft_score() {
        assertThat(NextStep.of(List.of(new WeekSolver.Broken(FewGaps.NAME, "soft", "-30soft", 3, List.of())), TODAY,
                TODAY, 5_000)).isEmpty();
        assertThat(NextStep.of(List.of(), TODAY, TODAY, 5_000)).isEmpty();
    }

    @Test
    void a_full_day_offers_a_longer_run_and_the_next_day_then_the_hand() {
        List<NextStep> steps = NextStep.of(List.of(hard(MachineDoubleBooked.NAME)), TODAY, TODAY, 5_000);
        assertThat(kinds(steps)).containsExactly(Kind.MORE_TIME, Kind.WIDER_WINDOW, Kind.BY_HAND);
        assertThat(steps.get(0).spentLimitSeconds()).contains(15);
        assertThat(steps.get(0).text()).contains("15 s instead of 5 s");
        assertThat(steps.get(1).to()).contains(TODAY.plusDays(1));
        assertThat(steps.get(1).text()).contains("2026-03-03").contains("2 days");
        assertThat(steps.get(2).text()).contains("order's page").contains("acknowledge");
    }

    @Test
    void the_longer_run_doubles_a_long_one_up_to_the_limit_and_is_not_offered_past_it() {
        assertThat(NextStep.of(List.of(hard(MachineDoubleBooked.NAME)), TODAY, TODAY, 20_000).get(0)
                .spentLimitSeconds()).contains(40);
        assertThat(NextStep.of(List.of(hard(MachineDoubleBooked.NAME)), TODAY, TODAY, 45_000).get(0)
                .spentLimitSeconds()).contains(60);
        assertThat(kinds(NextStep.of(List.of(hard(MachineDoubleBooked.NAME)), TODAY, TODAY, 60_000)))
                .doesNotContain(Kind.MORE_TIME).contains(Kind.WIDER_WINDOW);
    }

    @Test
    void no_wider_window_is_offered_past_the_most_days_a_proposal_plans() {
        LocalDate last = TODAY.plusDays(ScheduleService.MAX_DAYS - 1);
        assertThat(kinds(NextStep.of(List.of(hard(MachineDoubleBooked.NAME)), TODAY, last, 5_000)))
                .doesNotContain(Kind.WIDER_WINDOW);
        assertThat(NextStep.of(List.of(hard(MachineDoubleBooked.NAME)), TODAY, last.minusDays(1), 5_000))
                .filteredOn(s -> s.kind() == Kind.WIDER_WINDOW).extracting(NextStep::to)
                .containsExactly(Optional.of(last));
    }

    @Test
    void sessions_left_unplaced_ask_for_time_and_each_rule_the_solver_cannot_change_names_its_own_step() {
        assertThat(kinds(NextStep.of(List.of(hard(WeekSolver.NOT_PLACED)), TODAY, TODAY.plusDays(5), 2_000)))
                .containsExactly(Kind.MORE_TIME, Kind.BY_HAND);
        assertThat(kinds(NextStep.of(List.of(hard(MachineFitsProcedure.NAME)), TODAY, TODAY, 2_000)))
                .containsExactly(Kind.MACHINE_FOR_PROCEDURE, Kind.BY_HAND);
        assertThat(kinds(NextStep.of(List.of(hard(MachineInService.NAME)), TODAY, TODAY, 2_000)))
                .contains(Kind.MACHINE_IN_SERVICE);
        assertThat(kinds(NextStep.of(List.of(hard(InsideOpeningHours.NAME)), TODAY, TODAY, 2_000)))
                .contains(Kind.UNIT_HOURS).doesNotContain(Kind.NURSE_SKILL);
        assertThat(kinds(NextStep.of(List.of(hard(PreProcedureLabsDue.NAME)), TODAY, TODAY, 2_000)))
                .contains(Kind.LABS_EARLIER);
    }
}
