package org.openapheresis.procedure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The procedure types of contract plan-v1, with their contract codes. */
public enum ProcedureType {
    PLASMA_EXCHANGE("plasma-exchange", "Plasma exchange (TPE)"),
    LEUKOCYTAPHERESIS("leukocytapheresis", "Leukocytapheresis"),
    HPC_COLLECTION("hpc-collection", "HPC collection"),
    LYMPHOCYTE_COLLECTION("lymphocyte-collection", "Lymphocyte collection"),
    GRANULOCYTE_COLLECTION("granulocyte-collection", "Granulocyte collection"),
    IVIG_INFUSION("ivig-infusion", "IVIG infusion"),
    RED_CELL_EXCHANGE("red-cell-exchange", "Red cell exchange (RBCX)"),
    PHOTOPHERESIS("photopheresis", "Extracorporeal photopheresis (ECP)"),
    ADSORPTIVE_CYTAPHERESIS("adsorptive-cytapheresis", "Adsorptive cytapheresis (GMA)"),
    IMMUNOADSORPTION("immunoadsorption", "Immunoadsorption (IA)");

    private final String code;
    private final String displayName;

    ProcedureType(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    /** @return the contract code, e.g. {@code plasma-exchange} */
    @Override
    public String toString() {
        return code;
    }

    /** @return the name staff read, e.g. {@code Plasma exchange (TPE)} */
    public String displayName() {
        return displayName;
    }

    /** @return true when the procedure runs on a separator (everything but an infusion) */
    public boolean onSeparator() {
        return this != IVIG_INFUSION;
    }

    /**
     * @return true when the request carries separator settings (device, inlet flow, AC ratio): every type on a
     *     separator but adsorptive cytapheresis, whose column runs on its own pump at the column's flow
     */
    public boolean separatorSettings() {
        return onSeparator() && this != ADSORPTIVE_CYTAPHERESIS;
    }

    /** @return true when the procedure collects a product of cells for a recipient */
    public boolean collectsProduct() {
        return this == HPC_COLLECTION || this == LYMPHOCYTE_COLLECTION || this == GRANULOCYTE_COLLECTION;
    }

    public static Optional<ProcedureType> fromCode(String code) {
        for (ProcedureType t : values()) {
            if (t.code.equals(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** @return all contract codes, for error messages */
    public static List<String> codes() {
        return Arrays.stream(values()).map(ProcedureType::code).toList();
    }
}
