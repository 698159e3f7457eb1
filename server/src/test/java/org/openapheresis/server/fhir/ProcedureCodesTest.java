package org.openapheresis.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openapheresis.procedure.ProcedureType;

/** The procedure types' SNOMED CT concepts as the table gives them: every separator procedure coded, IVIG not. */
class ProcedureCodesTest {

    @Test
    void every_procedure_on_a_separator_has_a_concept_and_the_ivig_infusion_only_its_name() {
        Arrays.stream(ProcedureType.values()).filter(t -> t != ProcedureType.IVIG_INFUSION).forEach(t ->
                assertThat(ProcedureMapper.code(t).getCoding()).as(t.code()).singleElement().satisfies(c ->
                        assertThat(c.getSystem()).isEqualTo(FhirSystems.SNOMED_CT)));
        assertThat(ProcedureMapper.code(ProcedureType.IVIG_INFUSION).getCoding()).isEmpty();
        assertThat(ProcedureMapper.code(ProcedureType.IVIG_INFUSION).getText()).isEqualTo("IVIG infusion");
        assertThat(ProcedureMapper.code(ProcedureType.HPC_COLLECTION).getCodingFirstRep().getCode())
                .isEqualTo("418576007");
        assertThat(ProcedureMapper.code(ProcedureType.RED_CELL_EXCHANGE).getCodingFirstRep().getCode())
                .as("no more specific concept verified: the generic apheresis one").isEqualTo("127788007");
    }
}
