package org.openapheresis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;
import static org.openapheresis.procedure.CellRequests.withBloodVolume;

import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.Plan;

/** granulocyte-yields-transfusion-2012-brockmann-2013.txt: yields with and without HES. */
class GranulocyteYieldTest {

    private static final String FILE = "granulocyte-yields-transfusion-2012-brockmann-2013.txt";

    private static Plan planFor(CellReferenceFile.Case c, String agent) {
        return plan(request(withBloodVolume(adultMale80kg(obj("neutrophilsE9PerL", c.get("neutrophilsE9PerL"))),
                c.get("bloodVolumeMl")), 70, obj("type", "granulocyte-collection", "sedimentingAgent", agent,
                        "bloodVolumesProcessed", c.get("bloodVolumes"))));
    }

    @Test
    void stimulated_donors_with_hes_yield_within_the_published_range_of_914_collections() {
        for (String name : new String[] {"hesMid", "hesLow"}) {
            CellReferenceFile.Case c = CellReferenceFile.one(FILE, name);
            assertThat(planFor(c, "hes").collected().granulocytes()).as(name).isBetween(c.get("low"), c.get("high"));
        }
    }

    @Test
    void hes_collects_53_7_over_10_times_what_a_collection_without_it_does() {
        CellReferenceFile.Case c = CellReferenceFile.one(FILE, "ratio");
        double ratio = planFor(c, "hes").collected().granulocytes() / planFor(c, "none").collected().granulocytes();
        assertThat(ratio).isCloseTo(c.get("hesOverNone"), within(1e-9));
    }
}
