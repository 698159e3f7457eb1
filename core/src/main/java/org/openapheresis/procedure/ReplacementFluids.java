package org.openapheresis.procedure;

import java.util.EnumMap;
import java.util.Map;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Sourced;

/** What the replacement fluids of a plasma exchange contain. */
public final class ReplacementFluids {

    /** Albumin in 5% albumin, g/L (5 g per 100 mL by definition). */
    public static final double ALBUMIN_5_PERCENT_G_PER_L = 50;

    /** Albumin per vial used for ordering, g (AYSung/tm-calculator rounds up to 12.5 g vials). */
    public static final double ALBUMIN_VIAL_G = 12.5;

    /** Volume of one donor plasma unit used for ordering, mL (AYSung/tm-calculator). */
    public static final double PLASMA_UNIT_ML = 250;

    /**
     * Calcium prophylaxis in plasma exchange: 10 mL of 10% calcium gluconate per litre of albumin return
     * fluid; citrate reactions 8.6% with it vs 35.6% with simple measures only (Weinstein, J Clin Apher
     * 1996;11:204, 636 procedures). Not added to donor plasma, which it would clot.
     */
    public static final Sourced CALCIUM_GLUCONATE_10_PERCENT_ML_PER_L_ALBUMIN = Sourced.verified(10, "mL/L",
            "10 mL of 10% calcium gluconate per litre of albumin return fluid, Weinstein, J Clin Apher 1996;11:204");

    /** Elemental calcium in 10% calcium gluconate, mg/mL (Transfus Apher Sci 2024;64:104039). */
    public static final Sourced ELEMENTAL_CALCIUM_MG_PER_ML_GLUCONATE_10_PERCENT = Sourced.verified(9.3, "mg/mL",
            "elemental calcium in 10% calcium gluconate, Transfus Apher Sci 2024;64:104039");

    /** Elemental calcium in 10% calcium gluconate, mmol/mL: 9.3 mg/mL over 40.08 g/mol. DERIVED. */
    public static final double ELEMENTAL_CALCIUM_MMOL_PER_ML_GLUCONATE_10_PERCENT =
            ELEMENTAL_CALCIUM_MG_PER_ML_GLUCONATE_10_PERCENT.value() / org.openapheresis.kinetics.CalciumModel
                    .CALCIUM_MOLAR_MASS_G_PER_MOL;

    /**
     * Ionisable (free and citrate-complexed) calcium that donor plasma brings, mmol/L. UNVERIFIED: a donor's
     * ionised calcium of about 1.2 mmol/L diluted by the unit's anticoagulant (63 mL of CPD in about 325 mL of
     * plasma) is about 1.0; its citrate binds it and is counted with the citrate load.
     */
    public static final Sourced DONOR_PLASMA_IONISABLE_CALCIUM_MMOL_PER_L = Sourced.unverified(1.0, "mmol/L",
            "ionisable calcium of donor plasma, a donor's 1.2 mmol/L diluted by the unit's CPD anticoagulant");

    /**
     * Donor plasma content, in each analyte's unit: mid-reference adult plasma levels. UNVERIFIED: no
     * source excerpt gave measured levels in transfusion plasma units; they are diluted by the unit's own
     * anticoagulant and vary between donors.
     */
    public static final Map<Analyte, Sourced> DONOR_PLASMA_CONTENT;

    /**
     * Citrate in donor plasma, mg/mL. UNVERIFIED: derived from the CPD anticoagulant of whole blood
     * (63 mL per 450 mL donation, about 20 mg/mL citrate) spread over about 325 mL of plasma; units made
     * by apheresis or solvent/detergent plasma differ.
     */
    public static final Sourced DONOR_PLASMA_CITRATE_MG_PER_ML = Sourced.unverified(3.9, "mg/mL",
            "citrate in donor plasma from CPD anticoagulant, 63 mL of about 20 mg/mL in about 325 mL of plasma");

    static {
        Map<Analyte, Sourced> m = new EnumMap<>(Analyte.class);
        m.put(Analyte.IGG, Sourced.unverified(10, "g/L", "donor plasma IgG, mid-reference adult level"));
        m.put(Analyte.IGM, Sourced.unverified(1.0, "g/L", "donor plasma IgM, mid-reference adult level"));
        m.put(Analyte.FIBRINOGEN, Sourced.unverified(2.5, "g/L",
                "donor plasma fibrinogen, mid-reference adult level diluted by the unit's anticoagulant"));
        m.put(Analyte.ALBUMIN, Sourced.unverified(40, "g/L", "donor plasma albumin, mid-reference adult level"));
        DONOR_PLASMA_CONTENT = java.util.Collections.unmodifiableMap(m);
    }

    private ReplacementFluids() {
    }
}
