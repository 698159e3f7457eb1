package org.openapheresis.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.CellRequests;
import org.openapheresis.procedure.NewProcedureRequests;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureType;

/**
 * Photopheresis, adsorptive cytapheresis and immunoadsorption requests read, write back as the same record, and are
 * offered by the catalogue.
 */
class NewProceduresContractTest {

    private static void roundTrips(Map<String, Object> patient, Map<String, Object> procedure) {
        PlanRequest r = PlanRequestReader.read(CellRequests.request(patient, procedure));
        assertThat(PlanRequestReader.read(PlanRequestWriter.request(r))).isEqualTo(r);
    }

    @Test
    void a_photopheresis_with_a_regimen_round_trips_through_the_writer() {
        roundTrips(NewProcedureRequests.gvhdAdult(), NewProcedureRequests.offlineEcp("regimen", "asfa-cgvhd",
                "cycleIntervalWeeks", 2, "taperCycles", 3, "uvaDoseJPerCm2", 1.5));
        roundTrips(NewProcedureRequests.gvhdAdult(), NewProcedureRequests.offlineEcp("method", "inline",
                "processedVolumeMl", null, "collectionCycles", 5, "wholeBloodPerCollectionCycleMl", 300));
    }

    @Test
    void column_procedures_round_trip_through_the_writer() {
        roundTrips(NewProcedureRequests.colitisAdult(), NewProcedureRequests.adacolumn("processedVolumeMl", 2400));
        roundTrips(NewProcedureRequests.colitisAdult(), NewProcedureRequests.adacolumn("column", "cellsorba",
                "flowMlPerMin", 50));
        roundTrips(NewProcedureRequests.adultWithIgg(), NewProcedureRequests.ia("acRatio", 12));
        roundTrips(NewProcedureRequests.adultWithIgg(), NewProcedureRequests.ia("plasmaVolumesProcessed", null,
                "processedPlasmaMl", 5000, "columnIggRemovalPercent", 60));
    }

    @Test
    void the_catalogue_offers_the_three_types_and_no_separator_settings_for_a_column_pump() {
        ProcedureCatalog.Entry ecp = ProcedureCatalog.entry(ProcedureType.PHOTOPHERESIS);
        assertThat(ecp.code()).isEqualTo("photopheresis");
        assertThat(ecp.separatorSettings()).isTrue();
        assertThat(ecp.doseFields()).extracting(ProcedureCatalog.DoseField::field).contains("procedure.method",
                "procedure.treatmentVolumeMl", "procedure.uvaDoseJPerCm2", "procedure.regimen");
        ProcedureCatalog.Entry gma = ProcedureCatalog.entry(ProcedureType.ADSORPTIVE_CYTAPHERESIS);
        assertThat(gma.onSeparator()).isTrue();
        assertThat(gma.separatorSettings()).isFalse();
        assertThat(gma.doseFields()).extracting(ProcedureCatalog.DoseField::field).containsExactly("procedure.column",
                "procedure.processedVolumeMl", "procedure.flowMlPerMin");
        ProcedureCatalog.Entry ia = ProcedureCatalog.entry(ProcedureType.IMMUNOADSORPTION);
        assertThat(ia.separatorSettings()).isTrue();
        assertThat(ia.doseFields()).extracting(ProcedureCatalog.DoseField::field)
                .contains("procedure.columnIggRemovalPercent");
        assertThat(ProcedureCatalog.entry(ProcedureType.IVIG_INFUSION).separatorSettings()).isFalse();
        assertThat(ProcedureCatalog.entry(ProcedureType.PLASMA_EXCHANGE).separatorSettings()).isTrue();
    }
}
