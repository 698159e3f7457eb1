package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/** An escalating DLI schedule: its due dates, its statuses, what it refuses, and the bedside check of an aliquot. */
class DliScheduleTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 3, 10);

    /** 1, 5 and 10 × 10^6 CD3+/kg, six weeks apart (an EXAMPLE scheme, as the physician would enter it). */
    private static DliSchedule escalating() {
        return new DliSchedule(FIRST, List.of(new DliSchedule.Dose(1, 1e6, OptionalInt.empty()),
                new DliSchedule.Dose(2, 5e6, OptionalInt.of(42)), new DliSchedule.Dose(3, 1e7, OptionalInt.of(42))));
    }

    private static DliSchedule.Given given(int month, int day, double cd3PerKg) {
        return new DliSchedule.Given(LocalDateTime.of(2026, month, day, 11, 0), cd3PerKg);
    }

    private static List<Problem> problems(Runnable r) {
        return catchThrowableOfType(r::run, InvalidInputException.class).problems();
    }

    @Test
    void nothing_given_the_first_dose_is_due_on_its_day_and_the_later_ones_are_planned_an_interval_after_each_other() {
        List<DliSchedule.Step> s = escalating().steps(Map.of(), false);
        assertThat(s).extracting(DliSchedule.Step::status).containsExactly(DliSchedule.Status.DUE,
                DliSchedule.Status.PLANNED, DliSchedule.Status.PLANNED);
        assertThat(s).extracting(DliSchedule.Step::dueOn).containsExactly(FIRST, FIRST.plusDays(42), FIRST.plusDays(84));
    }

    @Test
    void a_dose_given_late_moves_the_next_one_to_its_interval_after_the_day_it_was_given() {
        List<DliSchedule.Step> s = escalating().steps(Map.of(1, given(3, 17, 1.02e6)), false);
        assertThat(s).extracting(DliSchedule.Step::status).containsExactly(DliSchedule.Status.GIVEN,
                DliSchedule.Status.DUE, DliSchedule.Status.PLANNED);
        assertThat(s.get(1).dueOn()).isEqualTo(LocalDate.of(2026, 3, 17).plusDays(42));
        assertThat(s.get(2).dueOn()).isEqualTo(LocalDate.of(2026, 3, 17).plusDays(84));
    }

    @Test
    void a_skipped_dose_keeps_its_due_day_as_the_start_of_the_next_interval() {
        Map<Integer, DliSchedule.Outcome> o = Map.of(1, given(3, 10, 1e6), 2, new DliSchedule.Skipped(
                LocalDateTime.of(2026, 4, 1, 9, 0), "acute GVHD grade II after dose 1"));
        List<DliSchedule.Step> s = escalating().steps(o, false);
        assertThat(s).extracting(DliSchedule.Step::status).containsExactly(DliSchedule.Status.GIVEN,
                DliSchedule.Status.SKIPPED, DliSchedule.Status.DUE);
        assertThat(s.get(2).dueOn()).isEqualTo(FIRST.plusDays(84));
    }

    @Test
    void a_hold_marks_the_next_dose_held_and_leaves_the_later_ones_planned() {
        List<DliSchedule.Step> s = escalating().steps(Map.of(1, given(3, 10, 1e6)), true);
        assertThat(s).extracting(DliSchedule.Step::status).containsExactly(DliSchedule.Status.GIVEN,
                DliSchedule.Status.HELD, DliSchedule.Status.PLANNED);
    }

    @Test
    void a_schedule_that_lowers_the_dose_is_refused_naming_the_dose() {
        List<Problem> p = problems(() -> new DliSchedule(FIRST, List.of(new DliSchedule.Dose(1, 5e6, OptionalInt.empty()),
                new DliSchedule.Dose(2, 1e6, OptionalInt.of(28)))));
        assertThat(p).extracting(Problem::field).containsExactly("doses[1].cd3PerKg");
        assertThat(p.get(0).key()).isEqualTo(MessageKey.INVALID);
    }

    @Test
    void a_dose_outside_1e4_to_1e9_per_kg_and_an_interval_outside_1_to_365_days_are_refused() {
        List<Problem> p = problems(() -> new DliSchedule(FIRST, List.of(new DliSchedule.Dose(1, 1e3, OptionalInt.empty()),
                new DliSchedule.Dose(2, 1e10, OptionalInt.of(0)))));
        assertThat(p).extracting(Problem::field).contains("doses[0].cd3PerKg", "doses[1].cd3PerKg",
                "doses[1].intervalDays");
        assertThat(p).extracting(Problem::key).contains(MessageKey.OUT_OF_RANGE);
    }

    @Test
    void every_dose_after_the_first_needs_its_interval_and_the_first_has_none() {
        List<Problem> p = problems(() -> new DliSchedule(FIRST, List.of(new DliSchedule.Dose(1, 1e6, OptionalInt.of(7)),
                new DliSchedule.Dose(2, 5e6, OptionalInt.empty()))));
        assertThat(p).extracting(Problem::field).containsExactly("doses[0].intervalDays", "doses[1].intervalDays");
        assertThat(p).extracting(Problem::key).containsExactly(MessageKey.INVALID, MessageKey.REQUIRED_WHEN);
    }

    @Test
    void the_bedside_refuses_a_higher_dose_before_a_lower_one_whatever_is_acknowledged() {
        DliDoseCheck.Result r = DliDoseCheck.check(escalating(), Map.of(1, given(3, 10, 1e6)), 1e7,
                LocalDateTime.of(2026, 5, 1, 10, 0));
        assertThat(r.step().orElseThrow().dose().number()).isEqualTo(2);
        assertThat(r.refusal().orElseThrow().getKey()).isEqualTo(DliDoseCheck.Concern.DOSE_ABOVE_SCHEDULE);
        assertThat(r.refusal().orElseThrow().getValue()).contains("this aliquot is 1 × 10^7 CD3+/kg")
                .contains("dose 2 of 3 (5 × 10^6 CD3+/kg)");
    }

    @Test
    void the_bedside_takes_the_next_dose_within_20_percent_on_or_after_its_due_day() {
        DliDoseCheck.Result r = DliDoseCheck.check(escalating(), Map.of(1, given(3, 10, 1e6)), 5.9e6,
                LocalDateTime.of(2026, 4, 21, 10, 0));
        assertThat(r.concerns()).isEmpty();
        assertThat(r.step().orElseThrow().dose().number()).isEqualTo(2);
    }

    @Test
    void the_bedside_warns_of_a_lower_dose_and_of_a_dose_before_its_interval_has_passed() {
        DliDoseCheck.Result r = DliDoseCheck.check(escalating(), Map.of(1, given(3, 10, 1e6)), 1e6,
                LocalDateTime.of(2026, 4, 20, 10, 0));
        assertThat(r.concerns().keySet()).containsExactly(DliDoseCheck.Concern.DOSE_BELOW_SCHEDULE,
                DliDoseCheck.Concern.INTERVAL_NOT_PASSED);
        assertThat(r.refusal()).isEmpty();
        assertThat(r.concerns().get(DliDoseCheck.Concern.INTERVAL_NOT_PASSED)).contains("due on 2026-04-21")
                .contains("1 day(s)").contains("42 days after the dose before it");
    }

    @Test
    void a_dose_reads_with_three_significant_figures_and_its_power_of_ten() {
        assertThat(DliDoseCheck.perKg(1e6)).isEqualTo("1 × 10^6 CD3+/kg");
        assertThat(DliDoseCheck.perKg(5.876e6)).isEqualTo("5.88 × 10^6 CD3+/kg");
        assertThat(DliDoseCheck.perKg(9.999e6)).isEqualTo("1 × 10^7 CD3+/kg");
    }

    @Test
    void the_bedside_refuses_a_dose_when_every_dose_was_given_or_skipped() {
        Map<Integer, DliSchedule.Outcome> all = Map.of(1, given(3, 10, 1e6), 2, given(4, 21, 5e6), 3,
                new DliSchedule.Skipped(LocalDateTime.of(2026, 5, 1, 9, 0), "complete remission"));
        DliDoseCheck.Result r = DliDoseCheck.check(escalating(), all, 1e7, LocalDateTime.of(2026, 6, 2, 10, 0));
        assertThat(r.step()).isEmpty();
        assertThat(r.refusal().orElseThrow().getKey()).isEqualTo(DliDoseCheck.Concern.SCHEDULE_COMPLETE);
    }
}
