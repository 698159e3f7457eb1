package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.WarningCode;

/** dli-volume-nobra-case-15.txt: the nobra_calculator DLI volume formula and the Bar 2013 GVHD band. */
class DliVolumeCaseTest {

    @Test
    void case_15_collects_1e7_cd3_per_kg_for_70_kg_from_1111_mL_with_21_percent_gvhd_band() {
        CellReferenceFile.Case c = CellReferenceFile.one("dli-volume-nobra-case-15.txt", "case15");
        double cd3PerUl = c.get("wbcE3PerUl") * 1000 * c.get("lymphocytePercent") / 100 * c.get("cd3Percent") / 100;
        assertThat(cd3PerUl).isCloseTo(c.get("cd3PerUl"), within(1e-9));
        Plan p = plan(request(adultMale80kg(obj("cd3PerUl", cd3PerUl)), c.get("recipientKg"),
                obj("type", "lymphocyte-collection", "collectionEfficiencyPercent", c.get("cePercent"),
                        "target", obj("cd3PerKgDoses", List.of(c.get("dosePerKg"))))));
        assertThat(p.processedVolumeMl()).isCloseTo(c.get("volumeMl"), within(1.0));
        assertThat(p.collected().cd3PerKg()).isGreaterThanOrEqualTo(c.get("dosePerKg"));
        assertThat(p.collected().aliquots()).singleElement()
                .satisfies(a -> assertThat(a.cd3PerKg()).isEqualTo(c.get("dosePerKg")));
        assertThat(p.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(WarningCode.DLI_GVHD_RISK);
            assertThat(w.message()).contains((int) c.get("gvhdPercent") + "% of patients");
        });
    }
}
