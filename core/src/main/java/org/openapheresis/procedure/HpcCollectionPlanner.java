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
 * Peripheral blood stem cell (HPC, Apheresis) collection, autologous or from a donor.
 *
 * <p>Yield (contract plan-v1): CD34+ collected = pre-procedure CD34+ (/uL) x whole blood processed (uL) x CE2
 * (Neyrinck, J Clin Apher 2015;30:38; Pierelli, Vox Sang 2006;91:126). The volume for a target is its inverse:
 * target per kg x recipient kg / (pre count x CE2). CE2 is the device profile's median (autologous or
 * allogeneic) unless the request gives one. Because CE2 refers to the pre-procedure count, it already
 * contains the fall of the peripheral count during collection and the recruitment from the marrow; the
 * simulation shows both ({@link CellKinetics#CD34}) for the predicted post count, at the CE1 of the profile.
 * One session processes at most a large-volume leukapheresis of 4 blood volumes (or 480 min).
 */
public final class HpcCollectionPlanner {

    /**
     * Product volume per blood volume processed, mL. DERIVED: 183-192 mL at 2.0 TBV with the Spectra Optia
     * MNC and CMNC protocols (J Clin Apher 2018;33:349), scaled linearly with the volume (UNVERIFIED scaling).
     */
    static final Sourced PRODUCT_ML_PER_BLOOD_VOLUME = Sourced.unverified(95, "mL",
            "product 183-192 mL at 2.0 TBV (Spectra Optia MNC/CMNC, J Clin Apher 2018;33:349), scaled linearly"
                    + " with the volume processed");

    /**
     * Product haematocrit of mononuclear cell products: about 2%. COBE Spectra "The collect hematocrit ranged from
     * 1.0 to 2.5 percent" (Transfusion, PBSC collection with a blood cell separator, 1.5 TBV processed); Spectra
     * Optia 4 mL red cells in a 215 mL product, 1.9% (MCS+ vs Spectra Optia leukapheresis product study). The
     * intermittent-flow MCS+ product of that study held 27 mL in 260 mL (10%); this constant is not per device.
     */
    static final Sourced PRODUCT_HEMATOCRIT = Sourced.verified(0.02, "",
            "mononuclear cell product haematocrit about 2%: COBE Spectra collect haematocrit 1.0-2.5%; Spectra Optia"
                    + " 4 mL red cells in 215 mL (1.9%); continuous flow (MCS+ products held about 10%)");

    /** Cells per mL for a count per uL. */
    static final double UL_PER_ML = 1000;

    private HpcCollectionPlanner() {
    }

    /** CE2 of this collection, 0..1: the request's, or the device's for autologous or allogeneic. */
    static Sourced ce2(PlanRequest request, ProcedureSpec.HpcCollection spec) {
        return CellSessions.ce2(spec.collectionEfficiencyPercent(), defaultCe2(request, spec));
    }

    /**
     * The device's CE2, 0..1: its published dependence on the patient's haematocrit when it has one, else its
     * median for an autologous (no recipient) or allogeneic collection.
     */
    static Sourced defaultCe2(PlanRequest request, ProcedureSpec.HpcCollection spec) {
        CellCollectionEfficiencies e = spec.sep().device().profile().cellCollection();
        if (e.cd34Ce2ByHematocrit().isPresent()) {
            CellCollectionEfficiencies.Ce2ByHematocrit r = e.cd34Ce2ByHematocrit().get();
            double hct = request.patient().hematocritPercent();
            boolean outside = hct < CE2_REGRESSION_HEMATOCRIT_PERCENT.low()
                    || hct > CE2_REGRESSION_HEMATOCRIT_PERCENT.high();
            return Sourced.verified(r.ce2(hct), "", r.source() + ", at the haematocrit of "
                    + Problem.render(hct) + "%" + (outside ? "; extrapolated beyond the haematocrits of "
                            + Problem.render(CE2_REGRESSION_HEMATOCRIT_PERCENT.low()) + "-"
                            + Problem.render(CE2_REGRESSION_HEMATOCRIT_PERCENT.high()) + "% it was fitted on (UNVERIFIED"
                            + " range)" : ""));
        }
        return request.recipientWeightKg().isPresent() ? e.cd34Ce2Allogeneic() : e.cd34Ce2Autologous();
    }

    /** The device's median CE2 for an autologous or allogeneic collection, 0..1 (scales CE1 in the simulation). */
    private static Sourced medianCe2(PlanRequest request, ProcedureSpec.HpcCollection spec) {
        CellCollectionEfficiencies e = spec.sep().device().profile().cellCollection();
        return request.recipientWeightKg().isPresent() ? e.cd34Ce2Allogeneic() : e.cd34Ce2Autologous();
    }

    /**
     * Haematocrits the CE2 regression is taken to cover, percent. UNVERIFIED: the abstract does not give the range
     * of its 147 procedures; 20-50% is assumed, and the plan says when it extrapolates.
     */
    static final org.openapheresis.system.Range CE2_REGRESSION_HEMATOCRIT_PERCENT =
            org.openapheresis.system.Range.of(20, 50);

    /** CD34+ cells collected from a pre count (/uL), a processed volume (mL) and CE2 (0..1). */
    public static double yieldCells(double cd34PerUl, double processedMl, double ce2) {
        return cd34PerUl * UL_PER_ML * processedMl * ce2;
    }

    /** Whole blood to process (mL) for a number of CD34+ cells at a pre count (/uL) and CE2 (0..1). */
    public static double volumeForCellsMl(double cells, double cd34PerUl, double ce2) {
        return cells / (cd34PerUl * UL_PER_ML * ce2);
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.HpcCollection spec, BodyState start,
            PlanOptions options) {
        Sourced ce2 = spec.collectionEfficiencyPercent().isPresent() ? ce2(request, spec)
                : Plans.varied(ce2(request, spec), options.variation(), org.openapheresis.variation.Parameter.CD34_CE2);
        CellCollectionEfficiencies e = spec.sep().device().profile().cellCollection();
        Sourced median = medianCe2(request, spec);
        Sourced removal = e.cd34RemovalEfficiency();
        if (ce2.value() != median.value()) {
            double scaled = removal.value() * ce2.value() / median.value();
            removal = new Sourced(Math.min(1, scaled), "", removal.source()
                    + ", scaled by this collection's CE2 over the device median"
                    + (scaled > 1 ? " and capped at 1 (every CD34+ cell passing is taken)" : ""), removal.verified());
        }
        CellSessions.Product p = new CellSessions.Product(ProcedureType.HPC_COLLECTION, Analyte.CD34,
                CellKinetics.CD34, removal, PRODUCT_ML_PER_BLOOD_VOLUME, PRODUCT_HEMATOCRIT);
        CellSessions.Setup s = CellSessions.setup(request, spec.sep(), start, p, options);
        double pre = s.preCount(Analyte.CD34);
        double kg = request.doseWeightKg();
        s.assumptions().add(ce2.describe("CE2 (CD34+ collected per CD34+ passing at the pre-procedure count)") + ".");
        s.assumptions().add("Doses per kg are per " + (request.recipientWeightKg().isPresent()
                ? "recipient kg (" + Problem.render(kg) + " kg, allogeneic)"
                : "kg of the patient (" + Problem.render(kg) + " kg, autologous: stored for later use by the same"
                        + " person)") + ".");
        double processedMl;
        int sessions = 1;
        String description = "";
        if (spec.targetCd34PerKg().isPresent()) {
            double targetPerKg = spec.targetCd34PerKg().getAsDouble();
            if (!(pre > 0)) {
                throw CellSessions.unreachable("procedure.target.cd34PerKg", "a pre-procedure CD34+ count of 0/uL"
                        + " cannot reach any target; recheck mobilisation and the count");
            }
            double needed = volumeForCellsMl(targetPerKg * kg, pre, ce2.value());
            s.assumptions().add("Volume for the target of " + sci(targetPerKg) + " CD34+/kg: "
                    + Problem.render((double) Math.round(needed)) + " mL ("
                    + Problem.render(Rounding.decimals(needed / s.bloodVolumeMl(), 1)) + " blood volumes).");
            CellSessions.Dose dose = CellSessions.collectionDose(s, p, needed);
            processedMl = dose.processedMl();
            sessions = dose.sessions();
            double maxMl = dose.maxMl();
            if (sessions > 1) {
                description = sci(targetPerKg) + " CD34+/kg needs " + Problem.render((double) Math.round(needed))
                        + " mL of blood processed, " + Problem.render(Rounding.decimals(needed / s.bloodVolumeMl(), 1))
                        + " blood volumes; one session may process " + Problem.render((double) Math.round(maxMl))
                        + " mL";
            }
        } else {
            processedMl = CellSessions.volumeOfDose(s, spec.bloodVolumesProcessed());
        }
        CellSessions.Session session = CellSessions.session(s, p, processedMl);
        SessionClock.Run run = CellSessions.run(s, session, options);
        double cells = yieldCells(pre, processedMl, ce2.value());
        Plan.Collected collected = new Plan.Collected(cells, cells / kg, null, null, null, null,
                (double) Math.round(session.productMl()), null);
        double circulating = run.start().pools().get(Analyte.CD34).intravascular();
        if (circulating > 0) {
            s.assumptions().add("The simulation takes out "
                    + Problem.render(Rounding.decimals(run.removed(Analyte.CD34) / circulating, 2))
                    + " times the CD34+ cells circulating at the start (1.4-fold recruitment was published for"
                    + " large-volume collections); the yield itself is the CE2 formula.");
        }
        return CellSessions.finish(s, p, session, run, collected, sessions, description, OptionalDouble.empty(),
                options);
    }

    static String sci(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
