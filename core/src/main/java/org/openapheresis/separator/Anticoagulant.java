package org.openapheresis.separator;

import java.util.Optional;
import org.openapheresis.system.Sourced;

/**
 * Citrate anticoagulants the planner knows. Only ACD-A is supported: it is the default of the contract
 * and the one whose composition is confirmed (USP). Others are refused rather than guessed.
 */
public enum Anticoagulant {
    /**
     * Anticoagulant citrate dextrose solution A (USP): per litre citric acid anhydrous 7.3 g, sodium citrate
     * dihydrate 22.0 g, dextrose monohydrate 24.5 g. Citrate ion 22.0/294.10 + 7.3/192.12 = 0.1128 mol/L
     * = 21.3 g/L ("2.13% free citrate ion").
     */
    ACD_A("ACD-A", Sourced.verified(21.3, "mg/mL",
            "ACD-A citrate ion, USP formula: 22.0/294.10 + 7.3/192.12 mol/L x 189.1 g/mol; marketed as 2.13%"));

    /** Molar mass of the citrate ion C6H5O7(3-), g/mol. */
    public static final double CITRATE_MOLAR_MASS_G_PER_MOL = 189.1;

    private final String code;
    private final Sourced citrateMgPerMl;

    Anticoagulant(String code, Sourced citrateMgPerMl) {
        this.code = code;
        this.citrateMgPerMl = citrateMgPerMl;
    }

    /** @return the contract's name, e.g. {@code ACD-A} */
    public String code() {
        return code;
    }

    /** @return citrate (as citrate ion) per mL of solution, mg/mL, with its source */
    public Sourced citrateMgPerMl() {
        return citrateMgPerMl;
    }

    public static Optional<Anticoagulant> fromCode(String code) {
        for (Anticoagulant a : values()) {
            if (a.code.equals(code)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
