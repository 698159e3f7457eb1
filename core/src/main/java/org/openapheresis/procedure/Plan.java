package org.openapheresis.procedure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapheresis.safety.Warning;
import org.openapheresis.variation.Bands;

/**
 * The plan of one session (contract plan-v1 response). Field names and units are the contract's; a field
 * that does not apply to the procedure type is null. Numbers are rounded for reporting; the simulation
 * behind them is not.
 *
 * @param procedureType contract code of the procedure
 * @param device separator kind, or null for an infusion
 * @param bloodVolumeMl total blood volume, mL
 * @param bloodVolumeMethod how it was obtained
 * @param plasmaVolumeMl TBV x (1 - Hct), mL
 * @param processedVolumeMl whole blood processed, anticoagulant excluded, mL
 * @param bloodVolumesProcessed processed / TBV
 * @param exchangeVolumeMl plasma removed (plasma exchange), mL
 * @param plasmaVolumesExchanged exchange volume / plasma volume
 * @param inletFlowMlPerMin inlet flow, mL/min
 * @param acFlowMlPerMin inlet / AC ratio, mL/min
 * @param durationMin separation time (not counting set-up or rinseback), min
 * @param anticoagulant anticoagulant used and delivered
 * @param replacement replacement fluids (plasma exchange)
 * @param extracorporealVolumeMl circuit volume, mL
 * @param extracorporealPercentOfBloodVolume circuit volume / TBV, percent
 * @param fluidBalance fluid in and out of the patient
 * @param predicted per analyte: pre, post (and nadir for ionised calcium)
 * @param collected the product of a cell collection
 * @param infusion an IVIG infusion's amounts and times
 * @param photopheresis a photopheresis's treatment volume, methoxsalen and UVA dose
 * @param column the column of an adsorptive cytapheresis or an immunoadsorption
 * @param treatmentSchedule the published treatment schedule laid out day by day (photopheresis, adsorptive
 *     cytapheresis), or null
 * @param sessionsNeeded sessions to reach the target (1 when no target)
 * @param warnings safety warnings
 * @param assumptions every model choice and constant, with its source
 * @param timeline samples of the simulated state, or null when not asked for
 * @param uncertainty bands over virtual patients, or null when not asked for
 */
public record Plan(
        String procedureType,
        String device,
        double bloodVolumeMl,
        String bloodVolumeMethod,
        double plasmaVolumeMl,
        Double processedVolumeMl,
        Double bloodVolumesProcessed,
        Double exchangeVolumeMl,
        Double plasmaVolumesExchanged,
        Double inletFlowMlPerMin,
        Double acFlowMlPerMin,
        double durationMin,
        AnticoagulantUse anticoagulant,
        ReplacementUse replacement,
        Double extracorporealVolumeMl,
        Double extracorporealPercentOfBloodVolume,
        FluidBalance fluidBalance,
        Map<String, Prediction> predicted,
        Collected collected,
        Infusion infusion,
        Photopheresis photopheresis,
        Column column,
        TreatmentSchedule treatmentSchedule,
        int sessionsNeeded,
        List<Warning> warnings,
        List<String> assumptions,
        List<Map<String, Double>> timeline,
        Bands uncertainty) {

    /** A plan without uncertainty bands. */
    public Plan(String procedureType, String device, double bloodVolumeMl, String bloodVolumeMethod, double plasmaVolumeMl,
            Double processedVolumeMl, Double bloodVolumesProcessed, Double exchangeVolumeMl, Double plasmaVolumesExchanged,
            Double inletFlowMlPerMin, Double acFlowMlPerMin, double durationMin, AnticoagulantUse anticoagulant,
            ReplacementUse replacement, Double extracorporealVolumeMl, Double extracorporealPercentOfBloodVolume,
            FluidBalance fluidBalance, Map<String, Prediction> predicted, Collected collected, Infusion infusion,
            int sessionsNeeded, List<Warning> warnings, List<String> assumptions, List<Map<String, Double>> timeline) {
        this(procedureType, device, bloodVolumeMl, bloodVolumeMethod, plasmaVolumeMl, processedVolumeMl,
                bloodVolumesProcessed, exchangeVolumeMl, plasmaVolumesExchanged, inletFlowMlPerMin, acFlowMlPerMin,
                durationMin, anticoagulant, replacement, extracorporealVolumeMl, extracorporealPercentOfBloodVolume,
                fluidBalance, predicted, collected, infusion, null, null, null, sessionsNeeded, warnings, assumptions,
                timeline, null);
    }

    /** This plan with the parts of a photopheresis or a column procedure (null where they do not apply). */
    public Plan with(Photopheresis photopheresis, Column column, TreatmentSchedule treatmentSchedule) {
        return new Plan(procedureType, device, bloodVolumeMl, bloodVolumeMethod, plasmaVolumeMl, processedVolumeMl,
                bloodVolumesProcessed, exchangeVolumeMl, plasmaVolumesExchanged, inletFlowMlPerMin, acFlowMlPerMin,
                durationMin, anticoagulant, replacement, extracorporealVolumeMl, extracorporealPercentOfBloodVolume,
                fluidBalance, predicted, collected, infusion, photopheresis, column, treatmentSchedule, sessionsNeeded,
                warnings, assumptions, timeline, uncertainty);
    }

    /** This plan with its uncertainty bands. */
    public Plan withUncertainty(Bands bands) {
        return new Plan(procedureType, device, bloodVolumeMl, bloodVolumeMethod, plasmaVolumeMl, processedVolumeMl,
                bloodVolumesProcessed, exchangeVolumeMl, plasmaVolumesExchanged, inletFlowMlPerMin, acFlowMlPerMin,
                durationMin, anticoagulant, replacement, extracorporealVolumeMl, extracorporealPercentOfBloodVolume,
                fluidBalance, predicted, collected, infusion, photopheresis, column, treatmentSchedule, sessionsNeeded,
                warnings, assumptions, timeline, bands);
    }

    public Plan {
        predicted = Collections.unmodifiableMap(new LinkedHashMap<>(predicted));
        warnings = List.copyOf(warnings);
        assumptions = List.copyOf(assumptions);
        timeline = timeline == null ? null : List.copyOf(timeline);
    }

    /** This plan with further warnings after its own (the rules on its predicted outcome). */
    public Plan withWarningsAdded(List<Warning> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Warning> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new Plan(procedureType, device, bloodVolumeMl, bloodVolumeMethod, plasmaVolumeMl, processedVolumeMl,
                bloodVolumesProcessed, exchangeVolumeMl, plasmaVolumesExchanged, inletFlowMlPerMin, acFlowMlPerMin,
                durationMin, anticoagulant, replacement, extracorporealVolumeMl, extracorporealPercentOfBloodVolume,
                fluidBalance, predicted, collected, infusion, photopheresis, column, treatmentSchedule, sessionsNeeded,
                all, assumptions, timeline, uncertainty);
    }

    /**
     * Anticoagulant of a session.
     *
     * @param type e.g. ACD-A
     * @param acRatio inlet:AC ratio
     * @param volumeMl AC pumped over the session, mL
     * @param toPatientMl AC that reaches the patient (the rest leaves in discarded plasma or the product), mL
     * @param citrateMgPerKgPerMin mean citrate delivered to the patient, mg/kg/min
     * @param citrateToPatientMg citrate delivered to the patient over the session, mg
     */
    public record AnticoagulantUse(String type, double acRatio, double volumeMl, double toPatientMl,
            double citrateMgPerKgPerMin, double citrateToPatientMg) {
    }

    /**
     * Replacement fluids of a plasma exchange or a red cell exchange. The red cell fields are null for a plasma
     * exchange; the albumin and plasma fields are 0 for a red cell exchange.
     *
     * @param albuminMl 5% albumin, mL
     * @param plasmaMl donor plasma, mL
     * @param albuminGrams albumin in the 5% albumin, g
     * @param albuminVials12p5g 12.5 g vials (rounded up) to make that albumin, as in AYSung/tm-calculator
     * @param plasmaUnits250Ml donor plasma units of 250 mL (rounded up)
     * @param calciumGluconate10PercentMl suggested calcium prophylaxis: 10% calcium gluconate added to the
     *     albumin return fluid, 10 mL per litre (Weinstein, J Clin Apher 1996;11:204), mL
     * @param elementalCalciumMg elemental calcium in that calcium gluconate (9.3 mg per mL), mg
     * @param redCellsMl donor red cell units to infuse (red cell exchange), mL of product at its haematocrit
     * @param redCellUnits donor units of {@code redCellUnitVolumeMl} that hold {@code redCellsMl} (rounded up)
     * @param redCellHematocritPercent haematocrit of the donor units, percent
     * @param redCellUnitVolumeMl mean volume of one donor unit, mL
     * @param depletionFluidMl saline or albumin given during a depletion phase, mL (0 without one)
     */
    public record ReplacementUse(double albuminMl, double plasmaMl, double albuminGrams, int albuminVials12p5g,
            int plasmaUnits250Ml, double calciumGluconate10PercentMl, double elementalCalciumMg, Double redCellsMl,
            Integer redCellUnits, Double redCellHematocritPercent, Double redCellUnitVolumeMl,
            Double depletionFluidMl) {

        /** The replacement of a plasma exchange (no red cells). */
        public ReplacementUse(double albuminMl, double plasmaMl, double albuminGrams, int albuminVials12p5g,
                int plasmaUnits250Ml, double calciumGluconate10PercentMl, double elementalCalciumMg) {
            this(albuminMl, plasmaMl, albuminGrams, albuminVials12p5g, plasmaUnits250Ml, calciumGluconate10PercentMl,
                    elementalCalciumMg, null, null, null, null, null);
        }

        /** The replacement of a red cell exchange (no albumin or plasma in the exchange itself). */
        public static ReplacementUse redCells(double redCellsMl, int redCellUnits, double hematocritPercent,
                double unitVolumeMl, double depletionFluidMl) {
            return new ReplacementUse(0, 0, 0, 0, 0, 0, 0, redCellsMl, redCellUnits, hematocritPercent, unitVolumeMl,
                    depletionFluidMl);
        }
    }

    /**
     * Fluid in and out of the patient over the session (rinseback and priming not counted).
     *
     * @param removedMl the patient's plasma (or product) removed, mL
     * @param replacementMl replacement fluid given, mL
     * @param anticoagulantToPatientMl anticoagulant reaching the patient, mL
     * @param infusedMl other fluid infused (IVIG), mL
     * @param netMl given minus removed, mL (positive: the patient gains fluid)
     */
    public record FluidBalance(double removedMl, double replacementMl, double anticoagulantToPatientMl,
            double infusedMl, double netMl) {
    }

    /**
     * One predicted analyte.
     *
     * @param unit unit of the values
     * @param pre value before
     * @param post value at the end of processing
     * @param changePercent (post - pre) / pre, percent; null for ionised calcium
     * @param nadir lowest value during the procedure (ionised calcium), or null
     */
    public record Prediction(String unit, double pre, double post, Double changePercent, Double nadir) {
    }

    /**
     * The product of a cell collection. Per kg means per recipient kg. Absent counts are null.
     */
    public record Collected(Double cd34Cells, Double cd34PerKg, Double cd3Cells, Double cd3PerKg, Double granulocytes,
            Double wbcCells, Double productVolumeMl, List<Aliquot> aliquots) {
    }

    /**
     * One planned dose split from a product (DLI).
     *
     * @param cd3PerKg dose per recipient kg
     * @param cd3Cells cells in the aliquot
     * @param volumeMl product volume of the aliquot, mL
     */
    public record Aliquot(double cd3PerKg, double cd3Cells, double volumeMl) {
    }

    /**
     * An IVIG infusion.
     *
     * @param totalGrams total dose, g
     * @param gramsPerDay dose per day, g
     * @param mlPerDay product volume per day, mL
     * @param days number of days
     * @param productPercent product concentration, percent
     * @param durationMinPerDay infusion time of each day, min (day 1 starts slower)
     */
    public record Infusion(double totalGrams, double gramsPerDay, double mlPerDay, int days, double productPercent,
            List<Double> durationMinPerDay) {
    }

    /**
     * A photopheresis treatment.
     *
     * @param method {@code inline} or {@code offline}
     * @param treatmentVolumeMl buffy coat volume treated, mL (as entered: the separator's treatment volume)
     * @param methoxsalenMl UVADEX (20 µg/mL) for the treatment, mL: treatment volume x 0.017 (UVADEX label)
     * @param methoxsalenMicrograms methoxsalen in that volume, µg
     * @param methoxsalenVials 10 mL single-use vials needed (rounded up)
     * @param uvaDoseJPerCm2 UVA dose, J/cm², or null when the device sets it and none was entered
     * @param uvaDoseSource where the UVA dose comes from
     */
    public record Photopheresis(String method, double treatmentVolumeMl, double methoxsalenMl,
            double methoxsalenMicrograms, int methoxsalenVials, Double uvaDoseJPerCm2, String uvaDoseSource) {
    }

    /**
     * The column of an adsorptive cytapheresis (whole blood through it) or an immunoadsorption (plasma through it).
     * Absent values are null.
     *
     * @param column the column's code ({@code adacolumn}, {@code cellsorba}) or {@code igg-adsorber}
     * @param processedMl whole blood (cytapheresis) or plasma (immunoadsorption) through the column, mL
     * @param plasmaVolumesProcessed plasma through the column / plasma volume (immunoadsorption)
     * @param flowMlPerMin flow through the column, mL/min
     * @param iggRemovalPercentPerPass share of the entering IgG the column holds back, percent (immunoadsorption)
     * @param iggRemovedGrams IgG taken out of the circulation over the session, g (immunoadsorption)
     * @param granulocytesAdsorbed granulocytes held back, cells (Adacolumn, from the neutrophil count)
     * @param lymphocytesAdsorbed lymphocytes held back, cells (Adacolumn)
     */
    public record Column(String column, double processedMl, Double plasmaVolumesProcessed, double flowMlPerMin,
            Double iggRemovalPercentPerPass, Double iggRemovedGrams, Double granulocytesAdsorbed,
            Double lymphocytesAdsorbed) {
    }

    /**
     * A published treatment schedule laid out day by day from the first treatment (day 0).
     *
     * @param regimen the regimen's code
     * @param description the schedule in words
     * @param source where it is published
     * @param sessions treatments in the schedule
     * @param sessionDays day of each treatment, from day 0
     */
    public record TreatmentSchedule(String regimen, String description, String source, int sessions,
            List<Double> sessionDays) {
        public TreatmentSchedule {
            sessionDays = List.copyOf(sessionDays);
            if (sessions != sessionDays.size()) {
                throw new IllegalArgumentException("sessions must match the session days");
            }
        }
    }
}
