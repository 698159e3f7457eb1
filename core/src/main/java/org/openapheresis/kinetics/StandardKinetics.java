package org.openapheresis.kinetics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Sourced;

/**
 * The published kinetic constants of the plasma proteins and platelets that procedures change.
 *
 * <p>Intravascular fractions: Reverberi and Reverberi, Blood Transfus 2007;5:164 (55% of IgG and 22% of IgM
 * outside the circulation; Barth 1964 gives 82% for IgM); fibrinogen 0.72 (Collen, Br J Haematol 1972;22:681);
 * albumin 40-45% from the Octalbin product monograph (Health Canada 2017).
 *
 * <p>Return from the tissues: Rossing (Lymphology 1978;11:138) measured tracer escape of about 5%/h for
 * albumin, 3%/h for IgG and below 1%/h for IgM; the tracer rate counts fast-exchanging tissue and is not the
 * net return seen after an exchange. With 3%/h the IgG deficit of an exchange was back in about 18 h, where
 * the one time-stamped human series found (Moriya, double filtration plasmapheresis, n = 29: plasma IgG -40%
 * after, still -32% at 24 h) and the slow recovery over weeks (Guptill 2016, Wood 1986) need a slower return:
 * IgG uses 1%/h, calibrated to Moriya (UNVERIFIED as a constant). Fibrinogen escapes 0.60 of the plasma pool
 * per day (Collen 1972).
 *
 * <p>Catabolism: IgG half-life 21 days at a normal level (immunodeficiencyuk.org: 17-21 days), saturable through
 * FcRn: the fractional catabolic rate rises to 180% when the level is 200% of normal (Masson, J Autoimmun 1993),
 * so kCat(C) = kCat (C / C0)^b with b = log 1.8 / log 2 = 0.85 (DERIVED; the power law is this model's
 * choice), which also lowers catabolism when an exchange lowers the level (Waldmann: reduced fractional
 * catabolism of IgG at low levels). IgM catabolism does not depend on its level (Barth, J Clin Invest 1964: "no
 * relationship between the fractional catabolic rate and the serum concentration"), half-life 5.1 days
 * (Barth 1964). Fibrinogen half-life 4.14 days (Collen 1972); albumin about 19 days (Octalbin monograph). See
 * docs/sources.md.
 */
public final class StandardKinetics {

    /** IgG FcRn saturation exponent: 180% fractional catabolism at 200% of the level (Masson 1993). DERIVED. */
    public static final Sourced IGG_FCRN_EXPONENT = Sourced.verified(Math.log(1.8) / Math.log(2), "",
            "DERIVED from Masson, J Autoimmun 1993: fractional catabolic rate 180% of normal at 200% of the normal"
                    + " IgG level (half-life 21 to 12 days), as a power law");

    /** Immunoglobulin G. */
    public static final AnalyteKinetics IGG = new AnalyteKinetics(Analyte.IGG, Space.PLASMA,
            Sourced.verified(0.45, "", "55% of IgG is extravascular, Reverberi, Blood Transfus 2007;5:164"),
            Sourced.unverified(0.01, "/h", "IgG net return from the tissues 1%/h, calibrated to plasma IgG -40% after"
                    + " double filtration plasmapheresis and -32% at 24 h (Moriya et al., n = 29); tracer escape is"
                    + " about 3%/h (Rossing, Lymphology 1978;11:138)"),
            Sourced.verified(21 * 24, "h", "IgG half-life 17-21 days, upper end, immunodeficiencyuk.org"),
            IGG_FCRN_EXPONENT);

    /** Immunoglobulin M. */
    public static final AnalyteKinetics IGM = new AnalyteKinetics(Analyte.IGM, Space.PLASMA,
            Sourced.verified(0.78, "", "22% of IgM is extravascular, Reverberi 2007 (82% intravascular, Barth, J Clin"
                    + " Invest 1964)"),
            Sourced.unverified(0.005, "/h", "IgM escape below 1%/h (Rossing 1978); 0.5%/h assumed"),
            Sourced.verified(5.1 * 24, "h", "IgM half-life 5.1 days, Barth, J Clin Invest 1964 (catabolism independent"
                    + " of the level)"));

    /** Fibrinogen. */
    public static final AnalyteKinetics FIBRINOGEN = new AnalyteKinetics(Analyte.FIBRINOGEN, Space.PLASMA,
            Sourced.verified(0.72, "", "plasma pool 0.72 +- 0.07 of the total body fibrinogen, Collen, Br J Haematol"
                    + " 1972;22:681 (n = 35)"),
            Sourced.verified(0.025, "/h", "transcapillary efflux 0.60 +- 0.26 of the plasma pool per day, Collen 1972"),
            Sourced.verified(4.14 * 24, "h", "fibrinogen half-life 4.14 +- 0.56 days, Collen 1972"));

    /** Albumin. */
    public static final AnalyteKinetics ALBUMIN = new AnalyteKinetics(Analyte.ALBUMIN, Space.PLASMA,
            Sourced.verified(0.40, "", "albumin 40-45% intravascular (lower end), Octalbin product monograph,"
                    + " Health Canada 2017: \"40-45% is present intravascularly\""),
            Sourced.verified(0.05, "/h", "albumin transcapillary escape about 5%/h, Rossing 1978"),
            Sourced.verified(19 * 24, "h", "albumin half-life about 19 days, Octalbin product monograph,"
                    + " Health Canada 2017: \"the average half-life of albumin is about 19 days\""));

    /**
     * Platelets: circulating only; the return to baseline after a loss is calibrated to "platelets normal
     * within 24 h" after serial TPE (Wood et al., J Clin Apher 1986;3:124): a 6 h half-time of recovery
     * leaves 6% of a loss after 24 h. The splenic pool is not modelled.
     */
    public static final AnalyteKinetics PLATELETS = new AnalyteKinetics(Analyte.PLATELETS, Space.BLOOD,
            Sourced.verified(1, "", "splenic pool not modelled"),
            Sourced.verified(0, "/h", "no exchange with a pool outside the circulation"),
            Sourced.unverified(6, "h", "recovery half-time chosen so platelets are back within 24 h after TPE,"
                    + " Wood, J Clin Apher 1986;3:124"));

    private static final Map<Analyte, AnalyteKinetics> ALL;

    static {
        EnumMap<Analyte, AnalyteKinetics> m = new EnumMap<>(Analyte.class);
        for (AnalyteKinetics k : new AnalyteKinetics[] {IGG, IGM, FIBRINOGEN, ALBUMIN, PLATELETS}) {
            m.put(k.analyte(), k);
        }
        ALL = Collections.unmodifiableMap(m);
    }

    private StandardKinetics() {
    }

    /** Every analyte the simulator tracks when the patient's pre value is known, with its kinetics. */
    public static Map<Analyte, AnalyteKinetics> all() {
        return ALL;
    }
}
