package org.openapheresis.procedure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.OptionalDouble;
import org.openapheresis.kinetics.BodyState;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.BloodVolume;
import org.openapheresis.patient.Patient;
import org.openapheresis.safety.SafetyFacts;
import org.openapheresis.safety.SafetyRules;
import org.openapheresis.system.Problem;
import org.openapheresis.system.Rounding;
import org.openapheresis.system.Sourced;

/**
 * Adsorptive cytapheresis (granulocyte and monocyte apheresis, GMA): whole blood runs through a column on its own
 * pump and returns; the column holds back a share of the white cells passing it. No separator, no plasma removed, no
 * replacement.
 *
 * <p>Volumes: the column's published session volume at its published flow unless entered: Adacolumn 1,800 mL at
 * 30 mL/min (60 min), Cellsorba 3,000 mL (its flow is not published in the sources read, so it must be entered).
 * Run time = volume / flow. The course is the published five sessions, one a week.
 *
 * <p>Cells: for the Adacolumn, the shares of the cells passing the column that it adsorbed in its trial (26 % of
 * granulocytes, 2 % of lymphocytes) times the patient's count times the blood processed, when the count is entered;
 * the neutrophil count stands for the granulocytes. What this does to the circulating counts (the marginated pool,
 * the marrow) is not modelled.
 */
public final class AdsorptiveCytapheresisPlanner {

    /** Share of the granulocytes passing the Adacolumn that it adsorbed (J Clin Apher 2001;16:1). */
    public static final Sourced ADACOLUMN_GRANULOCYTES_ADSORBED = Sourced.verified(0.26, "",
            "Adacolumn, J Clin Apher 2001;16(1):1-9, doi 10.1002/jca.1000: \"During 60 minutes apheresis, 26% of"
                    + " granulocytes, 19.5% of monocytes and 2% of lymphocytes adsorbed to the carriers\"");
    /** Share of the monocytes (same source); no monocyte count is among the labs, so it is reported only in words. */
    public static final Sourced ADACOLUMN_MONOCYTES_ADSORBED = Sourced.verified(0.195, "",
            ADACOLUMN_GRANULOCYTES_ADSORBED.source());
    /** Share of the lymphocytes (same source). */
    public static final Sourced ADACOLUMN_LYMPHOCYTES_ADSORBED = Sourced.verified(0.02, "",
            ADACOLUMN_GRANULOCYTES_ADSORBED.source());

    private AdsorptiveCytapheresisPlanner() {
    }

    static SessionResult plan(PlanRequest request, ProcedureSpec.AdsorptiveCytapheresis spec, BodyState start,
            PlanOptions options) {
        Patient patient = request.patient();
        BloodVolume bv = Plans.bloodVolume(patient, options);
        Notes assumptions = new Notes(options);
        assumptions.add(() -> bv.assumption());
        double tbv = bv.totalMl();
        ProcedureSpec.AdsorptionColumn column = spec.column();
        String published = column == ProcedureSpec.AdsorptionColumn.ADACOLUMN ? TreatmentSchedules.ADACOLUMN_2001
                : TreatmentSchedules.ASFA_2023 + ", adsorptive cytapheresis: \"Cellsorba: 3000 mL\"";
        double processedMl = spec.processedVolumeMl().orElse(column.sessionVolumeMl());
        double flow = spec.flowMlPerMin().orElseGet(() -> column.flowMlPerMin().getAsDouble());
        assumptions.add(() -> "Blood through the column " + Math.round(processedMl) + " mL "
                + (spec.processedVolumeMl().isPresent() ? "as entered" : "(" + published + ")") + " at "
                + Problem.render(flow) + " mL/min " + (spec.flowMlPerMin().isPresent() ? "as entered" : "(same source)")
                + ".");
        if (column == ProcedureSpec.AdsorptionColumn.CELLSORBA) {
            assumptions.add(() -> "UNVERIFIED: no published Cellsorba flow or session time was found; the flow is the"
                    + " one entered.");
        }
        double durationMin = processedMl / flow;
        assumptions.add(() -> "Run time = blood through the column / flow; priming and rinseback are not counted.");
        assumptions.add(() -> "The anticoagulant (the unit's protocol) and the column's priming volume are not"
                + " modelled: UNVERIFIED, so no citrate rate and no extracorporeal volume are given.");

        Double granulocytes = null;
        Double lymphocytes = null;
        if (column == ProcedureSpec.AdsorptionColumn.ADACOLUMN) {
            OptionalDouble n = patient.labs().get(Analyte.NEUTROPHILS);
            OptionalDouble l = patient.labs().get(Analyte.LYMPHOCYTES);
            double litres = processedMl / 1000;
            granulocytes = n.isPresent() ? Rounding.significant(n.getAsDouble() * 1e9 * litres
                    * ADACOLUMN_GRANULOCYTES_ADSORBED.value(), 3) : null;
            lymphocytes = l.isPresent() ? Rounding.significant(l.getAsDouble() * 1e9 * litres
                    * ADACOLUMN_LYMPHOCYTES_ADSORBED.value(), 3) : null;
            assumptions.add(() -> "Cells adsorbed = count x blood through the column x the share adsorbed of those"
                    + " passing: " + ADACOLUMN_GRANULOCYTES_ADSORBED.describe("granulocytes") + "; lymphocytes "
                    + Problem.render(100 * ADACOLUMN_LYMPHOCYTES_ADSORBED.value()) + " %, monocytes "
                    + Problem.render(100 * ADACOLUMN_MONOCYTES_ADSORBED.value()) + " % (no monocyte count is entered,"
                    + " so none is computed). The neutrophil count stands for the granulocytes. The effect on the"
                    + " circulating counts is not modelled.");
        } else {
            assumptions.add(() -> "No cell removal is predicted for Cellsorba: no published share of the cells it"
                    + " holds back was found (UNVERIFIED).");
        }

        Plan.TreatmentSchedule schedule = TreatmentSchedules.column(column);
        assumptions.add(() -> "Course: " + schedule.description() + " (" + schedule.source() + ").");
        SafetyFacts facts = new SafetyFacts(patient.weightKg(), tbv, OptionalDouble.empty(), OptionalDouble.of(flow),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), 1, "",
                true);
        Plan plan = new Plan(
                ProcedureType.ADSORPTIVE_CYTAPHERESIS.code(),
                null,
                Math.round(tbv),
                bv.method().code(),
                Math.round(bv.plasmaMl()),
                (double) Math.round(processedMl),
                Rounding.decimals(processedMl / tbv, 2),
                null,
                null,
                Rounding.decimals(flow, 1),
                null,
                Math.round(durationMin),
                null,
                null,
                null,
                null,
                new Plan.FluidBalance(0, 0, 0, 0, 0),
                new LinkedHashMap<>(),
                null,
                null,
                1,
                options.explain() ? SafetyRules.check(facts) : List.of(),
                assumptions.list(),
                options.timeline() ? List.of() : null).with(null, new Plan.Column(column.code(), Math.round(processedMl),
                        null, Rounding.decimals(flow, 1), null, null, granulocytes, lymphocytes), schedule);
        return new SessionResult(plan, start);
    }
}
