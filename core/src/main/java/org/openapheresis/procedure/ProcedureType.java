package org.openapheresis.procedure;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The procedure types of contract plan-v1, with their contract codes. */
public enum ProcedureType {
    PLASMA_EXCHANGE("plasma-exchange"),
    LEUKOCYTAPHERESIS("leukocytapheresis"),
    HPC_COLLECTION("hpc-collection"),
    LYMPHOCYTE_COLLECTION("lymphocyte-collection"),
    GRANULOCYTE_COLLECTION("granulocyte-collection"),
    IVIG_INFUSION("ivig-infusion");

    private final String code;

    ProcedureType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
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
