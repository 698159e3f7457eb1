package org.openapheresis.procedure;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.kinetics.CellKinetics;
import org.openapheresis.patient.Analyte;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Rounding;
import org.openapheresis.system.Sourced;

/**
 * Lymphocyte (CD3+) collection for donor lymphocyte infusion.
 *
 * <p>Volume for the planned doses (nobra_calculator DLI volume formula): recipient kg x sum of the CD3+ doses
 * per kg / (donor CD3+ per uL x CE2), the count per uL being WBC x lymphocyte share x CD3+ share in that
 * formula and the measured CD3+ count here. Collected CD3+ = pre count x processed volume x CE2 (contract).
 * The product is split into one aliquot per planned dose for cryopreservation, each holding its dose in the
 * product's concentration. The first dose carries the published GVHD rate of its band (Bar 2013).
 */
public final class LymphocyteCollectionPlanner {

    /** Product haematocrit, as for HPC products (mononuclear cell products, about 2%). */
    static final Sourced PRODUCT_HEMATOCRIT = HpcCollectionPlanner.PRODUCT_HEMATOCRIT;

    private LymphocyteCollectionPlanner() {
    }

    /** CD3+ cells collected from a pre count (/uL), a processed volume (mL) and CE2 (0..1). */
    public static double yieldCells(double cd3PerUl, double processedMl, double ce2) {
        return HpcCollectionPlanner.yieldCells(cd3PerUl, processedMl, ce2);
    }

    /** Whole blood to process (mL) for a number of CD3+ cells at a pre count (/uL) and CE2 (0..1). */
    public static double volumeForCellsMl(double cells, double cd3PerUl, double ce2) {
        return HpcCollectionPlanner.volumeForCellsMl(cells, cd3PerUl, ce2);
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.LymphocyteCollection spec, BodyState start,
            PlanOptions options) {
        Sourced ce2 = CellSessions.ce2(spec.collectionEfficiencyPercent(), Plans.varied(
                spec.sep().device().profile().cellCollection().cd3Ce2(), options.variation(),
                org.openapheresis.variation.Parameter.CD3_CE2));
        CellSessions.Product p = new CellSessions.Product(ProcedureType.LYMPHOCYTE_COLLECTION, Analyte.CD3,
                CellKinetics.CD3, ce2, HpcCollectionPlanner.PRODUCT_ML_PER_BLOOD_VOLUME, PRODUCT_HEMATOCRIT);
        CellSessions.Setup s = CellSessions.setup(request, spec.sep(), start, p, options);
        double pre = s.preCount(Analyte.CD3);
        double kg = request.doseWeightKg();
        s.assumptions().add(ce2.describe("CE2 (CD3+ collected per CD3+ passing at the pre-procedure count)")
                + "; the simulation removes CD3+ cells at the same efficiency on the current count.");
        s.assumptions().add("Doses per kg are per " + (request.recipientWeightKg().isPresent()
                ? "recipient kg (" + Problem.render(kg) + " kg)" : "kg of the patient (" + Problem.render(kg)
                        + " kg; give recipient.weightKg for a donor collection)") + ".");
        List<Double> doses = spec.targetCd3PerKgDoses();
        double processedMl;
        int sessions = 1;
        String description = "";
        double neededCells = 0;
        if (!doses.isEmpty()) {
            for (double d : doses) {
                neededCells += d * kg;
            }
            if (!(pre > 0)) {
                throw CellSessions.unreachable("procedure.target.cd3PerKgDoses", "a pre-procedure CD3+ count of"
                        + " 0/uL cannot reach any dose");
            }
            double needed = volumeForCellsMl(neededCells, pre, ce2.value());
            s.assumptions().add("Volume for " + doses.size() + " dose(s) summing to "
                    + HpcCollectionPlanner.sci(neededCells / kg) + " CD3+/kg: " + Problem.render(Rounding.decimals(needed, 0))
                    + " mL (nobra_calculator DLI volume formula).");
            CellSessions.Dose dose = CellSessions.collectionDose(s, p, needed);
            processedMl = dose.processedMl();
            sessions = dose.sessions();
            double maxMl = dose.maxMl();
            if (sessions > 1) {
                description = "CD3+ doses summing to " + HpcCollectionPlanner.sci(neededCells / kg) + "/kg need "
                        + Problem.render((double) Math.round(needed)) + " mL of blood processed; one session may"
                        + " process " + Problem.render((double) Math.round(maxMl)) + " mL";
            }
        } else {
            processedMl = CellSessions.volumeOfDose(s, spec.bloodVolumesProcessed());
        }
        CellSessions.Session session = CellSessions.session(s, p, processedMl);
        SessionClock.Run run = CellSessions.run(s, session, options);
        double cells = yieldCells(pre, processedMl, ce2.value());
        double productMl = session.productMl();
        List<Plan.Aliquot> aliquots = doses.isEmpty() ? null : aliquots(doses, kg, cells, productMl);
        if (aliquots != null) {
            s.assumptions().add("Aliquots: each planned dose (in order) in the product's mean concentration, for"
                    + " cryopreservation; the rest of the product stays in reserve. Doses this session does not"
                    + " cover are left out.");
        }
        Plan.Collected collected = new Plan.Collected(null, null, cells, cells / kg, null, null,
                (double) Math.round(productMl), aliquots);
        OptionalDouble firstDose = doses.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(doses.get(0));
        return CellSessions.finish(s, p, session, run, collected, sessions, description, firstDose, options);
    }

    /** Splits a product into the planned doses, in order, while its cells last. */
    static List<Plan.Aliquot> aliquots(List<Double> dosesPerKg, double kg, double productCells, double productMl) {
        List<Plan.Aliquot> out = new ArrayList<>();
        double left = productCells;
        double cellsPerMl = productCells / productMl;
        for (double d : dosesPerKg) {
            double cells = d * kg;
            if (cells > left * (1 + 1e-12)) {
                break;
            }
            left -= cells;
            out.add(new Plan.Aliquot(d, cells, Rounding.decimals(cells / cellsPerMl, 1)));
        }
        return out;
    }
}
