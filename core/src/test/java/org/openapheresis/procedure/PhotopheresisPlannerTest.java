package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.NewProcedureRequests.gvhdAdult;
import static org.openapheresis.procedure.NewProcedureRequests.offlineEcp;
import static org.openapheresis.procedure.NewProcedureRequests.plan;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.course.CoursePlanner;
import org.openapheresis.course.CourseResult;
import org.openapheresis.course.TreatmentCourse;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;

class PhotopheresisPlannerTest {

    @Test
    void methoxsalen_is_the_treatment_volume_times_0_017_in_10_ml_vials() {
        Plan p = plan(gvhdAdult(), offlineEcp("treatmentVolumeMl", 650));
        // 650 x 0.017 = 11.05 mL of UVADEX (20 µg/mL: 221 µg), more than one 10 mL vial
        assertThat(p.photopheresis().methoxsalenMl()).isEqualTo(11.1);
        assertThat(p.photopheresis().methoxsalenMicrograms()).isEqualTo(221);
        assertThat(p.photopheresis().methoxsalenVials()).isEqualTo(2);
        assertThat(p.photopheresis().treatmentVolumeMl()).isEqualTo(650);
    }

    @Test
    void collection_cycles_times_their_whole_blood_are_the_blood_processed() {
        Plan p = plan(gvhdAdult(), offlineEcp("processedVolumeMl", null, "collectionCycles", 5,
                "wholeBloodPerCollectionCycleMl", 300));
        assertThat(p.processedVolumeMl()).isEqualTo(1500);
        assertThat(p.durationMin()).isEqualTo(plan(gvhdAdult(), offlineEcp()).durationMin());
    }

    @Test
    void offline_uva_is_2_j_per_cm2_and_inline_is_the_devices_unless_entered() {
        assertThat(plan(gvhdAdult(), offlineEcp()).photopheresis().uvaDoseJPerCm2()).isEqualTo(2.0);
        Plan inline = plan(gvhdAdult(), offlineEcp("method", "inline"));
        assertThat(inline.photopheresis().uvaDoseJPerCm2()).isNull();
        assertThat(inline.photopheresis().uvaDoseSource()).startsWith("UNVERIFIED");
        assertThat(plan(gvhdAdult(), offlineEcp("method", "inline", "uvaDoseJPerCm2", 1.5)).photopheresis()
                .uvaDoseJPerCm2()).isEqualTo(1.5);
    }

    @Test
    void the_treated_cells_return_so_all_anticoagulant_reaches_the_patient() {
        Plan p = plan(gvhdAdult(), offlineEcp());
        assertThat(p.anticoagulant().toPatientMl()).isEqualTo(p.anticoagulant().volumeMl());
        assertThat(p.fluidBalance().removedMl()).isEqualTo(p.fluidBalance().infusedMl()).isEqualTo(240);
        assertThat(p.fluidBalance().netMl()).isEqualTo(p.anticoagulant().toPatientMl());
        assertThat(p.replacement()).isNull();
        // 1500 mL at 12:1: 1500 / 11 = 136 mL of ACD-A
        assertThat(p.anticoagulant().volumeMl()).isCloseTo(136, within(1.0));
    }

    @Test
    void the_label_schedule_is_seven_two_day_cycles_four_weeks_apart() {
        Plan.TreatmentSchedule s = plan(gvhdAdult(), offlineEcp("regimen", "label-ctcl")).treatmentSchedule();
        assertThat(s.sessions()).isEqualTo(14);
        assertThat(s.sessionDays()).startsWith(0.0, 1.0, 28.0, 29.0).endsWith(168.0, 169.0);
    }

    @Test
    void chronic_gvhd_runs_fortnightly_for_twelve_weeks_then_tapers_monthly() {
        Plan.TreatmentSchedule s = plan(gvhdAdult(), offlineEcp("regimen", "asfa-cgvhd", "cycleIntervalWeeks", 2,
                "taperCycles", 2)).treatmentSchedule();
        assertThat(s.sessionDays()).containsExactly(0.0, 1.0, 14.0, 15.0, 28.0, 29.0, 42.0, 43.0, 56.0, 57.0, 70.0,
                71.0, 98.0, 99.0, 126.0, 127.0);
        assertThat(plan(gvhdAdult(), offlineEcp("regimen", "asfa-cgvhd", "cycleIntervalWeeks", 1)).treatmentSchedule()
                .sessions()).isEqualTo(24);
    }

    @Test
    void acute_gvhd_gives_two_or_three_treatments_a_week_for_at_least_eight_weeks() {
        assertThat(plan(gvhdAdult(), offlineEcp("regimen", "asfa-agvhd", "treatmentsPerWeek", 3)).treatmentSchedule()
                .sessions()).isEqualTo(24);
        Plan.TreatmentSchedule two = plan(gvhdAdult(), offlineEcp("regimen", "asfa-agvhd", "treatmentsPerWeek", 2,
                "weeks", 10)).treatmentSchedule();
        assertThat(two.sessions()).isEqualTo(20);
        assertThat(two.sessionDays()).startsWith(0.0, 1.0, 7.0, 8.0);
        assertThatThrownBy(() -> plan(gvhdAdult(), offlineEcp("regimen", "asfa-agvhd", "treatmentsPerWeek", 3,
                "weeks", 6))).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).anySatisfy(pr -> {
                            assertThat(pr.field()).isEqualTo("procedure.weeks");
                            assertThat(pr.key()).isEqualTo(MessageKey.OUT_OF_RANGE);
                        }));
    }

    @Test
    void a_schedule_becomes_a_course_the_course_planner_runs() {
        PlanRequest r = PlanRequestReader.read(CellRequests.request(gvhdAdult(), offlineEcp("regimen", "label-ctcl")));
        Plan first = Planner.plan(r, PlanOptions.withoutTimeline());
        CourseResult c = CoursePlanner.plan(TreatmentCourse.of(r, first.treatmentSchedule()),
                PlanOptions.withoutTimeline());
        assertThat(c.sessions()).hasSize(14);
        assertThat(c.sessionStartHours()).startsWith(0.0, 24.0, 672.0);
    }

    @Test
    void the_reader_names_each_wrong_field_of_a_photopheresis() {
        assertProblem(offlineEcp("collectionCycles", 5, "wholeBloodPerCollectionCycleMl", 300),
                "procedure.collectionCycles", MessageKey.MUTUALLY_EXCLUSIVE);
        assertProblem(offlineEcp("processedVolumeMl", null), "procedure.processedVolumeMl", MessageKey.REQUIRED_WHEN);
        assertProblem(offlineEcp("processedVolumeMl", null, "collectionCycles", 5),
                "procedure.wholeBloodPerCollectionCycleMl", MessageKey.REQUIRED_WHEN);
        assertProblem(offlineEcp("treatmentVolumeMl", null), "procedure.treatmentVolumeMl", MessageKey.REQUIRED);
        assertProblem(offlineEcp("method", "both"), "procedure.method", MessageKey.NOT_ONE_OF);
        assertProblem(offlineEcp("regimen", "asfa-ctcl", "treatmentCycles", 6), "procedure.cycleIntervalWeeks",
                MessageKey.REQUIRED);
        assertProblem(offlineEcp("regimen", "asfa-ctcl", "treatmentCycles", 6, "cycleIntervalWeeks", 1),
                "procedure.cycleIntervalWeeks", MessageKey.OUT_OF_RANGE);
        assertProblem(offlineEcp("regimen", "label-ctcl", "treatmentCycles", 5), "procedure.treatmentCycles",
                MessageKey.OUT_OF_RANGE);
        assertProblem(offlineEcp("regimen", "label-ctcl", "cycleIntervalWeeks", 2), "procedure.cycleIntervalWeeks",
                MessageKey.NOT_APPLICABLE);
        assertProblem(offlineEcp("taperCycles", 2), "procedure.taperCycles", MessageKey.NOT_APPLICABLE);
        assertProblem(offlineEcp("regimen", "weekly"), "procedure.regimen", MessageKey.NOT_ONE_OF);
    }

    static void assertProblem(java.util.Map<String, Object> procedure, String field, MessageKey key) {
        assertThatThrownBy(() -> plan(gvhdAdult(), procedure)).as(field).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems()).as(e.problems().toString())
                        .anySatisfy(pr -> {
                            assertThat(pr.field()).isEqualTo(field);
                            assertThat(pr.key()).isEqualTo(key);
                        }));
    }

    @Test
    void every_regimen_has_a_source() {
        for (ProcedureSpec.PhotopheresisRegimen r : ProcedureSpec.PhotopheresisRegimen.values()) {
            Object[] more = switch (r) {
                case LABEL_CTCL -> new Object[] {"regimen", r.code()};
                case ASFA_CTCL -> new Object[] {"regimen", r.code(), "treatmentCycles", 6, "cycleIntervalWeeks", 3};
                case ASFA_CGVHD -> new Object[] {"regimen", r.code(), "cycleIntervalWeeks", 1};
                case ASFA_AGVHD -> new Object[] {"regimen", r.code(), "treatmentsPerWeek", 2};
            };
            Plan.TreatmentSchedule s = plan(gvhdAdult(), offlineEcp(more)).treatmentSchedule();
            assertThat(s.regimen()).isEqualTo(r.code());
            assertThat(s.source()).as(r.code()).containsAnyOf("ASFA 2023", "UVADEX");
            assertThat(List.copyOf(s.sessionDays())).isSorted();
        }
    }
}
