package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
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
    void children_under_25_kg_use_weight_and_age_and_the_15_percent_circuit_limit_case_17() {
        ReferenceFile f = ReferenceFile.load("pediatric-ecv-physiology-case-17.txt");
        for (String[] r : f.rows()) {
            double weight = ReferenceFile.num(r, 0);
            Patient p = new Patient(Sex.FEMALE, OptionalDouble.of(ReferenceFile.num(r, 1)), weight < 5 ? 50 : 115,
                    weight, 40, OptionalDouble.empty(), Labs.none());
            var bv = BloodVolumes.of(p);
            assertThat(bv.method()).isEqualTo(BloodVolumeMethod.WEIGHT_AND_AGE);
            assertThat(bv.totalMl()).isCloseTo(ReferenceFile.num(r, 2), within(0.1));
            assertThat(bv.totalMl() * ExtracorporealVolumeRule.THRESHOLD_PERCENT_OF_BLOOD_VOLUME / 100)
                    .isCloseTo(ReferenceFile.num(r, 3), within(0.1));
        }
    }
}
