package org.openapheresis.kinetics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Sourced;

/**
 * The published kinetic constants of the plasma proteins and platelets that procedures change.
 *
 * <p>Intravascular fractions: Reverberi and Reverberi, Blood Transfus 2007;5:164 (55% of IgG and 22% of
 * IgM outside the circulation); fibrinogen from Winters, ASH Education 2012 (UNVERIFIED); albumin 40-45% from
 * the Octalbin product monograph (Health Canada 2017).
 * Transcapillary escape: Rossing, Lymphology 1978;11:138 (albumin about 5%/h, IgG about 3%/h, IgM below
 * 1%/h). Half-lives: IgG 17-21 days (immunodeficiencyuk.org); albumin about 19 days (Octalbin monograph, Health
 * Canada 2017); IgM and fibrinogen from Winters 2012 (UNVERIFIED). See docs/sources.md.
 */
public final class StandardKinetics {

    /** Immunoglobulin G. */
    public static final AnalyteKinetics IGG = new AnalyteKinetics(Analyte.IGG, Space.PLASMA,
            Sourced.verified(0.45, "", "55% of IgG is extravascular, Reverberi, Blood Transfus 2007;5:164"),
            Sourced.verified(0.03, "/h", "IgG transcapillary escape about 3%/h, Rossing, Lymphology 1978;11:138"),
            Sourced.verified(21 * 24, "h", "IgG half-life 17-21 days, upper end, immunodeficiencyuk.org"));

    /** Immunoglobulin M. */
    public static final AnalyteKinetics IGM = new AnalyteKinetics(Analyte.IGM, Space.PLASMA,
            Sourced.verified(0.78, "", "22% of IgM is extravascular, Reverberi 2007"),
            Sourced.unverified(0.005, "/h", "IgM escape below 1%/h (Rossing 1978); 0.5%/h assumed"),
            Sourced.unverified(5 * 24, "h", "IgM half-life 5 days, Winters, ASH Education 2012"));

    /** Fibrinogen. */
    public static final AnalyteKinetics FIBRINOGEN = new AnalyteKinetics(Analyte.FIBRINOGEN, Space.PLASMA,
            Sourced.unverified(0.80, "", "fibrinogen 80% intravascular, Winters, ASH Education 2012"),
            Sourced.unverified(0.01, "/h", "fibrinogen escape rate not found in a source; 1%/h assumed"),
            Sourced.unverified(4 * 24, "h", "fibrinogen half-life 3-5 days (midpoint), Winters 2012"));

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
