package org.openapheresis.gvhd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openapheresis.reference.ReferenceFile;

/** Every organ-stage boundary of the MAGIC table, both sides (reference/magic-2016-gvhd-organ-stages.txt). */
class GvhdOrganStageReferenceTest {

    private static final ReferenceFile CASES = ReferenceFile.load("magic-2016-gvhd-organ-stages.txt");

    @Test
    void every_worked_case_gets_the_stage_of_the_table() {
        for (String[] row : CASES.rows()) {
            OrganStage stage = stage(row[0], row[1], Double.parseDouble(row[2]));
            assertThat(stage.stage()).as(String.join(" ", row) + " -> " + stage.rule()).isEqualTo(Integer.parseInt(row[3]));
        }
    }

    @Test
    void the_cases_reach_every_stage_of_every_organ() {
        Set<String> reached = new java.util.HashSet<>();
        for (String[] row : CASES.rows()) {
            reached.add(stage(row[0], row[1], Double.parseDouble(row[2])).organ() + " " + row[3]);
        }
        for (Organ organ : EnumSet.allOf(Organ.class)) {
            for (int s = 0; s <= organ.maxStage(); s++) {
                assertThat(reached).as("a case for " + organ + " stage " + s).contains(organ + " " + s);
            }
        }
    }

    static OrganStage stage(String organ, String measure, double value) {
        return switch (organ + " " + measure) {
            case "skin bsa" -> SkinFinding.rash(value).stage();
            case "skin erythroderma" -> new SkinFinding(value, true).stage();
            case "liver mgdl" -> new LiverFinding(value).stage();
            case "liver umol" -> LiverFinding.ofTotalBilirubinMicromolPerL(value).stage();
            case "upperGi persistent" -> new UpperGiFinding(value == 1).stage();
            case "lowerGi adult" -> LowerGiFinding.adult(value).stage();
            case "lowerGi adultPain" -> LowerGiFinding.adult(value, true, false).stage();
            case "lowerGi adultBlood" -> LowerGiFinding.adult(value, false, true).stage();
            case "lowerGi child" -> LowerGiFinding.child(value).stage();
            case "lowerGi childPain" -> LowerGiFinding.child(value, true, false).stage();
            default -> throw new IllegalArgumentException("unknown case " + organ + " " + measure);
        };
    }
}
