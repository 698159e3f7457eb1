package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openapheresis.safety.Severity;
import org.openapheresis.safety.WarningCode;

class LymphocyteCollectionPlannerTest {

    @Test
    void the_collection_covers_the_sum_of_the_planned_doses_and_splits_into_one_aliquot_each() {
        Plan p = plan(request(adultMale80kg(obj("cd3PerUl", 1200)), 70, obj("type", "lymphocyte-collection",
                "target", obj("cd3PerKgDoses", List.of(1e6, 5e6, 1e7)))));
        double sumPerKg = 1e6 + 5e6 + 1e7;
        assertThat(p.collected().cd3PerKg()).isGreaterThanOrEqualTo(sumPerKg);
        assertThat(p.collected().aliquots()).hasSize(3);
        double volume = 0;
        for (Plan.Aliquot a : p.collected().aliquots()) {
            assertThat(a.cd3Cells()).isCloseTo(a.cd3PerKg() * 70, within(1e-3));
            volume += a.volumeMl();
        }
        assertThat(volume).isLessThanOrEqualTo(p.collected().productVolumeMl() + 0.5);
        assertThat(p.collected().aliquots().get(2).volumeMl())
                .isCloseTo(10 * p.collected().aliquots().get(0).volumeMl(), within(0.6));
    }

    @Test
    void a_first_dose_of_1e8_per_kg_or_more_warns_with_the_55_percent_gvhd_band() {
        Plan p = plan(request(adultMale80kg(obj("cd3PerUl", 1500)), 70, obj("type", "lymphocyte-collection",
                "target", obj("cd3PerKgDoses", List.of(1e8)))));
        assertThat(p.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(WarningCode.DLI_GVHD_RISK);
            assertThat(w.severity()).isEqualTo(Severity.WARNING);
            assertThat(w.message()).contains("55%");
        });
    }

    @Test
    void doses_beyond_one_session_need_more_sessions_and_only_the_covered_aliquots_are_listed() {
        Plan p = plan(request(adultMale80kg(obj("cd3PerUl", 300)), 80, obj("type", "lymphocyte-collection",
                "target", obj("cd3PerKgDoses", List.of(1e7, 1e8)))));
        assertThat(p.sessionsNeeded()).isGreaterThan(1);
        assertThat(p.collected().aliquots()).extracting(Plan.Aliquot::cd3PerKg).containsExactly(1e7);
        assertThat(p.warnings()).anyMatch(w -> w.code() == WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION);
    }

    @Test
    void a_collection_by_blood_volumes_has_no_aliquots_and_no_gvhd_line() {
        Plan p = plan(request(adultMale80kg(obj("cd3PerUl", 1200)), obj("type", "lymphocyte-collection")));
        assertThat(p.collected().aliquots()).isNull();
        assertThat(p.warnings()).noneMatch(w -> w.code() == WarningCode.DLI_GVHD_RISK);
        assertThat(p.collected().cd3Cells()).isCloseTo(1200 * 1000 * p.processedVolumeMl() * 0.504, within(1.0));
    }
}
