package org.openapheresis.procedure;

import java.util.OptionalDouble;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CellKinetics;
import org.openapheresis.patient.Analyte;
import org.openapheresis.separator.CellCollectionEfficiencies;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Rounding;
import org.openapheresis.system.Sourced;

/**
 * Granulocyte collection from a donor stimulated with G-CSF (with or without dexamethasone), for a
 * neutropenic patient.
 *
 * <p>Yield: granulocytes = donor neutrophils (the stimulated count, 10^9/L) x whole blood processed x CE2; CE2
 * is 42% with high-molecular-weight hydroxyethyl starch (HES) in the circuit and 10% without (Transfusion
 * 2012;52:2646), unless the request gives one. Published yields to compare: 7.2 +/- 2.0 x10^10 after G-CSF and
 * dexamethasone vs 5.7 +/- 1.7 x10^10 with G-CSF alone (same study); median 8.47 x10^10 (3.07-14.92) in 914
 * collections (Brockmann, Transfus Med Hemother 2013;40:258); a dose of at least 4 x10^10 needs G-CSF (HES and
 * steroids alone give about 1 x10^10, a citation statement indexed by scite; mean 4.3 x10^10 with G-CSF, Bux J et
 * al., Vox Sang 2003;85:322).
 */
public final class GranulocyteCollectionPlanner {

    /**
     * Product volume per blood volume processed, mL. UNVERIFIED: about 300 mL for 2 blood volumes is assumed.
     * Published product volumes are totals without the volume processed, so they cannot set a per-volume figure:
     * Spectra Optia mean 452 +/- 60 mL, COBE Spectra 298 +/- 52 mL (Transfusion, Optia granulocyte collection
     * study, abstract); Spectra Optia 515 mL vs COBE Spectra 353 mL (Blood 2018;132 Suppl 1:5079). The planned
     * product may be smaller than these. See docs/sources.md.
     */
    static final Sourced PRODUCT_ML_PER_BLOOD_VOLUME = Sourced.unverified(150, "mL",
            "granulocyte product volume, no source found; about 300 mL per 2 TBV assumed");

    /**
     * Product haematocrit: 7.4% with both Spectra Optia and COBE Spectra in a randomised crossover trial of
     * G-CSF and dexamethasone mobilised donors (Cancelas JA et al., Transfusion 2015, doi 10.1111/trf.12907:
     * "hematocrit (7.4% vs. 7.4%) were comparable between collections on both devices").
     */
    static final Sourced PRODUCT_HEMATOCRIT = Sourced.verified(0.074, "",
            "granulocyte product haematocrit 7.4% (Spectra Optia and COBE Spectra), Cancelas, Transfusion 2015,"
                    + " doi 10.1111/trf.12907");

    /** Neutrophils per mL for a count in 10^9/L. */
    static final double CELLS_PER_ML_PER_E9_PER_L = 1e6;

    private GranulocyteCollectionPlanner() {
    }

    /** CE2 for the sedimenting agent (or as requested), 0..1. */
    static Sourced ce2(ProcedureSpec.GranulocyteCollection spec) {
        CellCollectionEfficiencies e = spec.sep().device().profile().cellCollection();
        return CellSessions.ce2(spec.collectionEfficiencyPercent(),
                spec.sedimentingAgent() == ProcedureSpec.SedimentingAgent.HES ? e.granulocyteCe2WithHes()
                        : e.granulocyteCe2WithoutHes());
    }

    /** Granulocytes collected from neutrophils (10^9/L), a processed volume (mL) and CE2 (0..1). */
    public static double yieldCells(double neutrophilsE9PerL, double processedMl, double ce2) {
        return neutrophilsE9PerL * CELLS_PER_ML_PER_E9_PER_L * processedMl * ce2;
    }

    /** Whole blood to process (mL) for a number of granulocytes. */
    public static double volumeForCellsMl(double cells, double neutrophilsE9PerL, double ce2) {
        return cells / (neutrophilsE9PerL * CELLS_PER_ML_PER_E9_PER_L * ce2);
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.GranulocyteCollection spec, BodyState start,
            PlanOptions options) {
        Sourced ce2 = spec.collectionEfficiencyPercent().isPresent() ? ce2(spec)
                : Plans.varied(ce2(spec), options.variation(), org.openapheresis.variation.Parameter.GRANULOCYTE_CE);
        CellSessions.Product p = new CellSessions.Product(ProcedureType.GRANULOCYTE_COLLECTION, Analyte.NEUTROPHILS,
                CellKinetics.NEUTROPHILS, ce2, PRODUCT_ML_PER_BLOOD_VOLUME, PRODUCT_HEMATOCRIT);
        CellSessions.Setup s = CellSessions.setup(request, spec.sep(), start, p, options);
        double pre = s.preCount(Analyte.NEUTROPHILS);
        s.assumptions().add("The neutrophil count is the donor's after stimulation (G-CSF raises it to about"
                + " 20-40 x10^9/L, McCullough, Transfusion Medicine).");
        s.assumptions().add(ce2.describe("CE2 " + (spec.sedimentingAgent() == ProcedureSpec.SedimentingAgent.HES
                ? "with HES" : "without a sedimenting agent")) + "; the simulation removes neutrophils at the same"
                + " efficiency on the current count.");
        if (spec.sedimentingAgent() == ProcedureSpec.SedimentingAgent.HES) {
            s.assumptions().add("The volume of HES given to the donor is not modelled.");
        }
        double processedMl;
        int sessions = 1;
        String description = "";
        if (spec.targetGranulocytes().isPresent()) {
            double target = spec.targetGranulocytes().getAsDouble();
            if (!(pre > 0)) {
                throw CellSessions.unreachable("procedure.target.granulocytes", "a donor neutrophil count of 0"
                        + " cannot reach any target");
            }
            double needed = volumeForCellsMl(target, pre, ce2.value());
            s.assumptions().add("Volume for " + HpcCollectionPlanner.sci(target) + " granulocytes: "
                    + Problem.render((double) Math.round(needed)) + " mL ("
                    + Problem.render(Rounding.decimals(needed / s.bloodVolumeMl(), 1)) + " blood volumes).");
            CellSessions.Dose dose = CellSessions.collectionDose(s, p, needed);
            processedMl = dose.processedMl();
            sessions = dose.sessions();
            double maxMl = dose.maxMl();
            if (sessions > 1) {
                description = HpcCollectionPlanner.sci(target) + " granulocytes need "
                        + Problem.render((double) Math.round(needed)) + " mL of blood processed; one session may"
                        + " process " + Problem.render((double) Math.round(maxMl)) + " mL";
            }
        } else {
            processedMl = CellSessions.volumeOfDose(s, spec.bloodVolumesProcessed());
        }
        s.assumptions().add("Published doses to compare: at least 4 x10^10 granulocytes needs a G-CSF-stimulated"
                + " donor; the RING trial's mean dose was 5.49 x10^10 (Price, Blood 2015).");
        CellSessions.Session session = CellSessions.session(s, p, processedMl);
        SessionClock.Run run = CellSessions.run(s, session, options);
        double cells = yieldCells(pre, processedMl, ce2.value());
        Plan.Collected collected = new Plan.Collected(null, null, null, null, cells, null,
                (double) Math.round(session.productMl()), null);
        return CellSessions.finish(s, p, session, run, collected, sessions, description, OptionalDouble.empty(),
                options);
    }
}
