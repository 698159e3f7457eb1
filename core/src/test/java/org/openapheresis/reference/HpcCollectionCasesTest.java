package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;
import static org.openapheresis.procedure.CellRequests.withBloodVolume;

import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.HpcCollectionPlanner;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.WarningCode;

/** hpc-yield-physiology-cases-13-14.txt: CD34+ yield and volume (CE2 formula). */
class HpcCollectionCasesTest {

    private static final String FILE = "hpc-yield-physiology-cases-13-14.txt";

    @Test
    void case_13_yield_is_pre_count_times_volume_times_ce2_for_a_75_kg_recipient() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "yield13");
        double bv = c.get("bloodVolumeMl");
        Plan p = plan(request(withBloodVolume(adultMale80kg(obj("cd34PerUl", c.get("cd34PerUl"))), bv),
                c.get("recipientKg"), obj("type", "hpc-collection", "bloodVolumesProcessed", c.get("processedMl") / bv,
                        "collectionEfficiencyPercent", c.get("ce2Percent"))));
        assertThat(p.processedVolumeMl()).isEqualTo(c.get("processedMl"));
        assertThat(p.collected().cd34Cells()).isCloseTo(c.get("cd34Cells"), within(c.get("cd34Cells") * 1e-12));
        assertThat(p.collected().cd34PerKg()).isCloseTo(c.get("cd34PerKg"), within(c.get("cd34PerKg") * 1e-12));
    }

    @Test
    void case_14_needs_37500_mL_beyond_one_large_volume_session_so_two_sessions() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "volume14");
        double cells = c.get("targetPerKg") * c.get("recipientKg");
        assertThat(HpcCollectionPlanner.volumeForCellsMl(cells, c.get("cd34PerUl"), c.get("ce2Percent") / 100))
                .isCloseTo(c.get("volumeMl"), within(1.0));
        double bv = c.get("bloodVolumeMl");
        Plan p = plan(request(withBloodVolume(adultMale80kg(obj("cd34PerUl", c.get("cd34PerUl"))), bv),
                c.get("recipientKg"), obj("type", "hpc-collection", "collectionEfficiencyPercent", c.get("ce2Percent"),
                        "target", obj("cd34PerKg", c.get("targetPerKg")))));
        assertThat(p.sessionsNeeded()).isEqualTo((int) c.get("sessions"));
        assertThat(p.bloodVolumesProcessed()).isEqualTo(4.0);
        assertThat(p.warnings()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo(WarningCode.TARGET_NOT_REACHABLE_IN_ONE_SESSION);
            assertThat(w.message()).contains("37500 mL");
        });
    }
}
