package org.openapheresis.variation;

/**
 * The model parameters that vary between patients, each with its spread and where the spread comes from. A
 * parameter's factor multiplies the published value the planner uses (the blood volume estimate, a rate, a
 * half-life, an efficiency); an efficiency varied above 1 is taken as 1, and said so in that plan.
 */
public enum Parameter {
    /** The blood volume estimate (not a measured one). */
    BLOOD_VOLUME("bloodVolume", Spread.logNormal(0.08),
            "Linderkamp 1977 prediction errors 4.8-10.1% (children); Nadler 1962's error was not read: 8% UNVERIFIED"),
    /** IgG net return from the tissues. */
    IGG_RETURN_RATE("iggReturnRate", Spread.logNormal(0.35),
            "UNVERIFIED: one published rebound point (Moriya, n = 29, no spread given); CV 35% assumed"),
    /** IgG half-life at the baseline. */
    IGG_HALF_LIFE("iggHalfLife", Spread.logNormal(0.21),
            "total IgG half-life 27.6 +- 5.9 days with replacement dosing (Privigen label, 3-weekly), CV 21%"),
    /** IgG FcRn saturation exponent. */
    IGG_FCRN_EXPONENT("iggFcrnExponent", Spread.uniform(0.7, 1.3),
            "UNVERIFIED: one published point (Masson 1993); exponents 0.6-1.1 fit the IVIG series (research notes)"),
    /** Fibrinogen intravascular fraction. */
    FIBRINOGEN_INTRAVASCULAR("fibrinogenIntravascularFraction", Spread.normal(0.097),
            "0.72 +- 0.07, Collen 1972 (n = 35)"),
    /** Fibrinogen transcapillary escape. */
    FIBRINOGEN_ESCAPE("fibrinogenEscapeRate", Spread.normal(0.43), "0.60 +- 0.26 per day, Collen 1972"),
    /** Fibrinogen half-life. */
    FIBRINOGEN_HALF_LIFE("fibrinogenHalfLife", Spread.normal(0.135), "4.14 +- 0.56 days, Collen 1972"),
    /** Citrate clearance. */
    CITRATE_CLEARANCE("citrateClearance", Spread.logNormal(0.51),
            "686.64 +- 353.60 mL/min in healthy volunteers (Zheng, PLoS One 2013, n = 12), CV 51%"),
    /** The binding of ionised calcium by citrate. */
    CALCIUM_SENSITIVITY("calciumSensitivity", Spread.uniform(0.52, 1.12),
            "ionised calcium falls of 17% (Amrein 2010) to 37% (Das 2005) in plateletpheresis against Bolan's 33%"),
    /** Skeletal calcium mobilisation. */
    CALCIUM_MOBILISATION("calciumMobilisation", Spread.logUniform(0.5, 2.0),
            "UNVERIFIED: a calibration (Zhao 2019, donor recovery); halved to doubled, log-uniform so centred on it"),
    /** CD34+ CE2 around its published value. */
    CD34_CE2("cd34Ce2", Spread.normal(0.186), "Spectra Optia CE2 62.4 +- 11.6% (Transfusion 2016;56:2824), CV 19%"),
    /** CD3+ CE2. */
    CD3_CE2("cd3Ce2", Spread.uniform(0.73, 1.35), "CD3+ CE2 published range about 37-68% around 50.4% (J Clin Apher"
            + " 2018;33:349)"),
    /** White cell removal in a depletion. */
    WBC_REMOVAL("wbcRemovalEfficiency", Spread.normal(0.37),
            "white cell depletion CE1 53.7 +- 19.8% (Lopert, J Clin Apher 2023, 87 procedures), CV 37%"),
    /** Granulocyte CE. */
    GRANULOCYTE_CE("granulocyteCe", Spread.normal(0.15),
            "granulocyte CE 58 +- 8.8% with hetastarch (Lee, Leitman, Klein; 72 procedures), CV 15%"),
    /** Albumin, IgM and platelet kinetics, plasma removal efficiency, product volumes: not varied. */
    OTHER_FIXED("albuminIgmPlateletsDeviceAndProduct", Spread.fixed(),
            "no spread published for them in the sources read; fixed at the published or calibrated value");

    private final String code;
    private final Spread spread;
    private final String source;

    Parameter(String code, Spread spread, String source) {
        this.code = code;
        this.spread = spread;
        this.source = source;
    }

    /** The name in the plan's {@code uncertainty} block. */
    public String code() {
        return code;
    }

    public Spread spread() {
        return spread;
    }

    public String source() {
        return source;
    }
}
