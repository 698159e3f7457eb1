package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.obj;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.CellRequests;
import org.openapheresis.procedure.Plan;

/**
 * red-cell-exchange-tm-calculator-formula.txt (a public calculator's formula, row by row) and
 * red-cell-exchange-run-time-transfus-apher-sci-2016-nice-mtg28.txt (published run times and depletion fluid).
 */
class RedCellExchangeReferenceTest {

    private static Plan planFor(CellReferenceFile.Case c) {
        Map<String, Object> patient = obj("sex", "female", "ageYears", 30, "heightCm", 165, "weightKg", 62,
                "hematocritPercent", c.get("hct"), "bloodVolumeMl", c.get("bloodVolumeMl"),
                "labs", obj("hbsPercent", c.get("hbs")));
        Map<String, Object> procedure = obj("type", "red-cell-exchange", "targetHbsPercent", c.get("targetHbs"),
                "targetHematocritPercent", c.get("targetHct"), "replacementHematocritPercent", c.get("unitHct"));
        if (c.values().containsKey("unitMl")) {
            procedure.put("redCellUnitVolumeMl", c.get("unitMl"));
        }
        if (c.values().containsKey("depletionHct")) {
            procedure.put("mode", "depletion-exchange");
            procedure.put("depletionHematocritPercent", c.get("depletionHct"));
        }
        return CellRequests.plan(CellRequests.request(patient, procedure));
    }

    @Test
    void donor_units_match_the_tm_calculator_formula_row_by_row() {
        for (CellReferenceFile.Case c : CellReferenceFile.read("red-cell-exchange-tm-calculator-formula.txt")) {
            Plan p = planFor(c);
            assertThat(p.replacement().redCellsMl()).as(c.name()).isCloseTo(c.get("volumeMl"), within(1.0));
            assertThat(p.replacement().redCellUnits()).as(c.name()).isEqualTo((int) c.get("units"));
        }
    }

    @Test
    void run_time_lower_bound_and_depletion_fluid_lie_within_the_published_ranges() {
        for (CellReferenceFile.Case c : CellReferenceFile.read(
                "red-cell-exchange-run-time-transfus-apher-sci-2016-nice-mtg28.txt")) {
            Plan p = planFor(c);
            assertThat(p.durationMin()).as(c.name()).isPositive().isLessThanOrEqualTo(c.get("maxMin"));
            if (c.values().containsKey("fluidLow")) {
                assertThat(p.replacement().depletionFluidMl()).as(c.name()).isBetween(c.get("fluidLow"),
                        c.get("fluidHigh"));
            }
        }
    }
}
