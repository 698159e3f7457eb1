package org.openapheresis.server.billing;

import java.util.Optional;
import org.openapheresis.procedure.ProcedureType;
import org.openapheresis.server.session.Vocabulary;

/**
 * What a therapeutic apheresis removed, which is what its CPT code is chosen by (36511 to 36516). The unit's
 * procedure types show four of them (plasma, white cells, red cells, and selective adsorption for immunoadsorption);
 * platelets have a rule but no procedure type that records them yet.
 */
public enum RemovedComponent {
    WHITE_CELLS("white-cells"),
    RED_CELLS("red-cells"),
    PLATELETS("platelets"),
    PLASMA("plasma"),
    SELECTIVE_ADSORPTION("selective-adsorption");

    private final String code;

    RemovedComponent(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }

    public static Optional<RemovedComponent> fromCode(String code) {
        return Vocabulary.fromCode(RemovedComponent.class, code);
    }

    /**
     * What a procedure type removes therapeutically: plasma for a plasma exchange, white cells for a
     * leukocytapheresis, red cells for a red cell exchange, selective adsorption for an immunoadsorption (CPT 36516:
     * "with extracorporeal immunoadsorption ... and plasma reinfusion"); nothing for a collection from a donor or an
     * infusion (they are not therapeutic removals), for a photopheresis (its own code, 36522, is chosen by the
     * procedure type) or for an adsorptive cytapheresis (whole blood through a column: whether 36511 or 36516 applies
     * was not confirmed, so billing codes it by hand).
     */
    public static Optional<RemovedComponent> removedBy(ProcedureType type) {
        return switch (type) {
            case PLASMA_EXCHANGE -> Optional.of(PLASMA);
            case LEUKOCYTAPHERESIS -> Optional.of(WHITE_CELLS);
            case RED_CELL_EXCHANGE -> Optional.of(RED_CELLS);
            case IMMUNOADSORPTION -> Optional.of(SELECTIVE_ADSORPTION);
            case HPC_COLLECTION, LYMPHOCYTE_COLLECTION, GRANULOCYTE_COLLECTION, IVIG_INFUSION, PHOTOPHERESIS,
                    ADSORPTIVE_CYTAPHERESIS -> Optional.empty();
        };
    }
}
