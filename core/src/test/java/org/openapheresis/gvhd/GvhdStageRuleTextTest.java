package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each stage says, in words a UI can show, which finding met which row of the MAGIC table. */
class GvhdStageRuleTextTest {

    @Test
    void liver_stage_names_the_bilirubin_and_the_range_it_falls_in() {
        assertThat(new LiverFinding(4.0).stage().rule())
                .isEqualTo("liver stage 2: total bilirubin 4.0 mg/dL is 3.1–6 mg/dL (MAGIC, Harris 2016)");
        assertThat(new LiverFinding(3.05).stage().rule()).startsWith("liver stage 2: total bilirubin 3.05 mg/dL");
    }

    @Test
    void a_micromol_per_litre_result_is_shown_converted_to_the_tables_unit() {
        assertThat(LiverFinding.ofTotalBilirubinMicromolPerL(68.4).totalBilirubinMgPerDl()).isEqualTo(4.0);
        assertThat(LiverFinding.ofTotalBilirubinMicromolPerL(68.4).stage().rule())
                .isEqualTo("liver stage 2: total bilirubin 4.0 mg/dL is 3.1–6 mg/dL (MAGIC, Harris 2016)");
    }

    @Test
    void skin_stage_names_the_body_surface_area() {
        assertThat(SkinFinding.rash(30).stage().rule())
                .isEqualTo("skin stage 2: active rash on 30 % of the body surface is 25–50 % BSA (MAGIC, Harris 2016)");
        assertThat(SkinFinding.clear().stage().rule()).isEqualTo("skin stage 0: no active (erythematous) rash (MAGIC, Harris 2016)");
        assertThat(new SkinFinding(70, true).stage().rule())
                .isEqualTo("skin stage 4: generalized erythroderma with bullous formation and desquamation over 5 % BSA "
                        + "(MAGIC, Harris 2016)");
    }

    @Test
    void lower_gi_stage_names_the_column_used_and_the_stage_4_signs() {
        assertThat(LowerGiFinding.adult(1200).stage().rule())
                .isEqualTo("lower GI stage 2: stool output 1200 mL/day (adult) is 1000–1500 mL/day (MAGIC, Harris 2016)");
        assertThat(LowerGiFinding.child(12.5).stage().rule())
                .isEqualTo("lower GI stage 1: stool output 12.5 mL/kg/day (child) is 10–19.9 mL/kg/day (MAGIC, Harris 2016)");
        assertThat(LowerGiFinding.withoutVolume(false, true).stage().rule())
                .isEqualTo("lower GI stage 4: grossly bloody stool (stage 4 regardless of stool volume) (MAGIC, Harris 2016)");
    }

    @Test
    void upper_gi_stage_names_persistence() {
        assertThat(new UpperGiFinding(true).stage().rule())
                .isEqualTo("upper GI stage 1: persistent nausea, vomiting or anorexia (MAGIC, Harris 2016)");
        assertThat(new UpperGiFinding(false).stage().rule())
                .isEqualTo("upper GI stage 0: no or intermittent nausea, vomiting or anorexia (MAGIC, Harris 2016)");
    }
}
