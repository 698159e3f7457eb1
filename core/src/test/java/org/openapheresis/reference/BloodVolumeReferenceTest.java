package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.openapheresis.patient.BloodVolumeMethod;
import org.openapheresis.patient.BloodVolumes;
import org.openapheresis.patient.Labs;
import org.openapheresis.patient.Patient;
import org.openapheresis.patient.Sex;
import org.openapheresis.safety.ExtracorporealVolumeRule;

class BloodVolumeReferenceTest {

    @Test
    void nadler_1962_reproduces_worked_cases_1_and_2() {
        ReferenceFile f = ReferenceFile.load("nadler-1962-blood-volume.txt");
        assertThat(f.rows()).hasSize(2);
        for (String[] r : f.rows()) {
            Patient p = new Patient(Sex.fromCode(r[0]).orElseThrow(), OptionalDouble.of(40), ReferenceFile.num(r, 1),
                    ReferenceFile.num(r, 2), 42, OptionalDouble.empty(), Labs.none());
            var bv = BloodVolumes.of(p);
            assertThat(bv.method()).isEqualTo(BloodVolumeMethod.NADLER_1962);
            assertThat(bv.totalMl()).as(String.join(" ", r)).isCloseTo(ReferenceFile.num(r, 3), within(1.0));
        }
    }

    @Test
    void plasma_volume_is_blood_volume_times_one_minus_hematocrit_case_3() {
        ReferenceFile f = ReferenceFile.load("plasma-volume-physiology-case-3.txt");
        for (String[] r : f.rows()) {
            Patient p = new Patient(Sex.fromCode(r[0]).orElseThrow(), OptionalDouble.empty(), ReferenceFile.num(r, 1),
                    ReferenceFile.num(r, 2), ReferenceFile.num(r, 3), OptionalDouble.empty(), Labs.none());
            assertThat(BloodVolumes.of(p).plasmaMl()).isCloseTo(ReferenceFile.num(r, 4), within(1.0));
        }
    }

    @Test
    void children_use_linderkamp_1977_and_the_15_percent_circuit_limit_case_17() {
        ReferenceFile f = ReferenceFile.load("pediatric-ecv-physiology-case-17.txt");
        for (String[] r : f.rows()) {
            Patient p = new Patient(Sex.FEMALE, OptionalDouble.of(ReferenceFile.num(r, 1)), ReferenceFile.num(r, 2),
                    ReferenceFile.num(r, 0), 40, OptionalDouble.empty(), Labs.none());
            var bv = BloodVolumes.of(p);
            assertThat(bv.method()).isEqualTo(BloodVolumeMethod.LINDERKAMP_1977);
            assertThat(bv.totalMl()).isCloseTo(ReferenceFile.num(r, 3), within(0.1));
            assertThat(bv.totalMl() * ExtracorporealVolumeRule.THRESHOLD_PERCENT_OF_BLOOD_VOLUME / 100)
                    .isCloseTo(ReferenceFile.num(r, 4), within(0.1));
        }
    }

    @Test
    void linderkamp_1977_meets_its_own_table_by_age_and_sex_case_21() {
        for (CellReferenceFile.Case c : CellReferenceFile.read("linderkamp-1977-blood-volume.txt")) {
            Patient p = new Patient(c.get("sex") == 1 ? Sex.MALE : Sex.FEMALE, OptionalDouble.of(c.get("ageYears")),
                    c.get("heightCm"), c.get("weightKg"), 38, OptionalDouble.empty(), Labs.none());
            double perKg = BloodVolumes.of(p).totalMl() / c.get("weightKg");
            assertThat(perKg).as(c.name()).isCloseTo(c.get("meanMlPerKg"), within(1.5 * c.get("sdMlPerKg")));
        }
    }

    @Property(tries = 300, seed = "20261201")
    void the_estimate_has_no_step_one_gram_or_one_day_changes_it_by_less_than_a_tenth_of_a_percent(
            @ForAll @DoubleRange(min = 0, max = 30) double ageYears, @ForAll @DoubleRange(min = 3, max = 120) double kg,
            @ForAll boolean male) {
        double heightCm = Math.min(200, 50 + 6 * Math.min(ageYears, 18) + 0.3 * kg);
        Sex sex = male ? Sex.MALE : Sex.FEMALE;
        double bmi = kg / Math.pow(heightCm / 100, 2);
        net.jqwik.api.Assume.that(bmi > 8 && bmi < 100);
        double base = BloodVolumes.of(child(sex, ageYears, heightCm, kg)).totalMl();
        double heavier = BloodVolumes.of(child(sex, ageYears, heightCm, kg + 0.001)).totalMl();
        double older = BloodVolumes.of(child(sex, ageYears + 1.0 / 365, heightCm, kg)).totalMl();
        assertThat(Math.abs(heavier / base - 1)).isLessThan(0.001);
        assertThat(Math.abs(older / base - 1)).isLessThan(0.001);
    }

    private static Patient child(Sex sex, double age, double heightCm, double kg) {
        return new Patient(sex, OptionalDouble.of(age), heightCm, kg, 38, OptionalDouble.empty(), Labs.none());
    }

    @Test
    void a_very_obese_adult_keeps_nadler_and_the_plan_compares_lemmens_case_19() {
        Patient p = new Patient(Sex.MALE, OptionalDouble.of(40), 175, 150, 42, OptionalDouble.empty(), Labs.none());
        var bv = BloodVolumes.of(p);
        assertThat(bv.method()).isEqualTo(BloodVolumeMethod.NADLER_1962);
        assertThat(BloodVolumes.lemmens2006Ml(175, 150)).isCloseTo(7037, within(1.0));
        assertThat(bv.assumption()).contains("Lemmens").contains("7037 mL").contains("Nadler is used because");
    }
}
