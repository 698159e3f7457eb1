package org.openapheresis.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.procedure.RedCellExchangeRequests;

/** The red cell exchange request reads, writes back as the same record, and is offered by the catalogue. */
class RedCellExchangeContractTest {

    @Test
    void a_depletion_exchange_request_round_trips_through_the_writer() {
        PlanRequest r = PlanRequestReader.read(RedCellExchangeRequests.request(RedCellExchangeRequests.exchangeTo30(
                "mode", "depletion-exchange", "depletionHematocritPercent", 22, "redCellUnitVolumeMl", 280,
                "redCellUnitsAvailable", 8)));
        assertThat(PlanRequestReader.read(PlanRequestWriter.request(r))).isEqualTo(r);
        assertThat(PlanRequestWriter.procedure(r.procedure())).containsEntry("mode", "depletion-exchange")
                .containsEntry("redCellUnitsAvailable", 8);
        assertThat(PlanRequestWriter.patient(r.patient()).get("labs").toString()).contains("hbsPercent=85.0");
    }

    @Test
    void the_catalogue_offers_red_cell_exchange_needing_hbs() {
        ProcedureCatalog.Entry e = ProcedureCatalog.entry(ProcedureType.RED_CELL_EXCHANGE);
        assertThat(e.code()).isEqualTo("red-cell-exchange");
        assertThat(e.requiredLabs()).containsExactly("hbsPercent");
        assertThat(e.doseFields()).extracting(ProcedureCatalog.DoseField::field).contains(
                "procedure.targetHbsPercent", "procedure.targetHematocritPercent",
                "procedure.replacementHematocritPercent");
    }
}
