package org.openapheresis.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.openapheresis.procedure.CellRequests.adultMale80kg;
import static org.openapheresis.procedure.CellRequests.obj;
import static org.openapheresis.procedure.CellRequests.plan;
import static org.openapheresis.procedure.CellRequests.request;

import org.junit.jupiter.api.Test;

class GranulocyteCollectionPlannerTest {

    @Test
    void without_a_sedimenting_agent_the_ce2_is_10_percent() {
        Plan p = plan(request(adultMale80kg(obj("neutrophilsE9PerL", 25)), 60,
                obj("type", "granulocyte-collection", "bloodVolumesProcessed", 1.5)));
        assertThat(p.collected().granulocytes()).isCloseTo(25e6 * p.processedVolumeMl() * 0.10, within(1.0));
    }

    @Test
    void a_target_of_4e10_with_hes_is_processed_in_the_volume_it_needs() {
        Plan p = plan(request(adultMale80kg(obj("neutrophilsE9PerL", 25)), 60, obj("type", "granulocyte-collection",
                "sedimentingAgent", "hes", "target", obj("granulocytes", 4e10))));
        assertThat(p.processedVolumeMl()).isEqualTo(Math.ceil(4e10 / (25e6 * 0.537)));
        assertThat(p.collected().granulocytes()).isGreaterThanOrEqualTo(4e10);
        assertThat(p.collected().productVolumeMl()).isGreaterThan(0);
        assertThat(p.assumptions()).anyMatch(a -> a.contains("HES"));
    }
}
