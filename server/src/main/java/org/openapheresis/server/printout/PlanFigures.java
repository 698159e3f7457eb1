package org.openapheresis.server.printout;

import static org.openapheresis.server.printout.Page.qty;
import static org.openapheresis.server.printout.Page.sci;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openapheresis.patient.Analyte;
import org.openapheresis.procedure.Plan;

/**
 * The numbers of one session's plan as rows of what, how much (with its unit) and a note, in the order staff read
 * them; a figure the procedure does not have (null in the plan) is left out, never shown as zero.
 */
final class PlanFigures {

    private PlanFigures() {
    }

    /** The plan's figures: {what, value with unit, note}. */
    static List<String[]> of(Plan p) {
        List<String[]> r = new ArrayList<>();
        add(r, p.infusion() != null ? "Infusion time, day 1" : "Run time (separation, without set-up and rinseback)",
                p.durationMin(), "min", 0, "");
        add(r, "Blood volume", p.bloodVolumeMl(), "mL", 0, p.bloodVolumeMethod() == null ? "" : p.bloodVolumeMethod());
        add(r, "Plasma volume", p.plasmaVolumeMl(), "mL", 0, "blood volume × (1 − haematocrit)");
        add(r, "Exchange volume", p.exchangeVolumeMl(), "mL", 0, p.plasmaVolumesExchanged() == null ? ""
                : qty(p.plasmaVolumesExchanged(), "plasma volumes", 2));
        add(r, "Blood processed", p.processedVolumeMl(), "mL", 0, p.bloodVolumesProcessed() == null ? ""
                : qty(p.bloodVolumesProcessed(), "blood volumes", 2));
        add(r, "Inlet flow", p.inletFlowMlPerMin(), "mL/min", 1, "");
        add(r, "Anticoagulant flow", p.acFlowMlPerMin(), "mL/min", 2, "");
        if (p.anticoagulant() != null) {
            Plan.AnticoagulantUse a = p.anticoagulant();
            add(r, a.type() + " used", a.volumeMl(), "mL", 0, "inlet:AC ratio " + Page.num(a.acRatio(), 1) + ":1");
            add(r, a.type() + " reaching the patient", a.toPatientMl(), "mL", 0, "");
            add(r, "Citrate to the patient, mean rate", a.citrateMgPerKgPerMin(), "mg/kg/min", 3, "");
            add(r, "Citrate to the patient, whole session", a.citrateToPatientMg(), "mg", 0, "");
        }
        if (p.replacement() != null) {
            Plan.ReplacementUse x = p.replacement();
            if (x.redCellsMl() != null) {
                add(r, "Donor red cells", x.redCellsMl(), "mL", 0, x.redCellUnits() + " units of "
                        + qty(x.redCellUnitVolumeMl(), "mL", 0) + " at haematocrit "
                        + qty(x.redCellHematocritPercent(), "%", 0));
                add(r, "Depletion fluid", x.depletionFluidMl(), "mL", 0, "");
            } else {
                add(r, "Albumin 5 % (replacement)", x.albuminMl(), "mL", 0, qty(x.albuminGrams(), "g", 1) + " albumin; "
                        + x.albuminVials12p5g() + " vials of 12.5 g");
                add(r, "Donor plasma (replacement)", x.plasmaMl(), "mL", 0, x.plasmaUnits250Ml() + " units of 250 mL");
                add(r, "Calcium gluconate 10 % (suggested prophylaxis)", x.calciumGluconate10PercentMl(), "mL", 1,
                        qty(x.elementalCalciumMg(), "mg", 0) + " elemental calcium");
            }
        }
        add(r, "Extracorporeal volume", p.extracorporealVolumeMl(), "mL", 0,
                p.extracorporealPercentOfBloodVolume() == null ? ""
                        : qty(p.extracorporealPercentOfBloodVolume(), "% of blood volume", 1));
        if (p.fluidBalance() != null) {
            Plan.FluidBalance f = p.fluidBalance();
            add(r, "Fluid removed", f.removedMl(), "mL", 0, "");
            add(r, "Replacement given", f.replacementMl(), "mL", 0, "");
            add(r, "Anticoagulant to the patient", f.anticoagulantToPatientMl(), "mL", 0, "");
            if (f.infusedMl() != 0) {
                add(r, "Other fluid infused", f.infusedMl(), "mL", 0, "");
            }
            add(r, "Net fluid balance", f.netMl(), "mL", 0, "given minus removed; positive: the patient gains fluid");
        }
        if (p.collected() != null) {
            Plan.Collected c = p.collected();
            cells(r, "CD34+ cells collected", c.cd34Cells(), c.cd34PerKg());
            cells(r, "CD3+ cells collected", c.cd3Cells(), c.cd3PerKg());
            cells(r, "Granulocytes collected", c.granulocytes(), null);
            cells(r, "White cells collected", c.wbcCells(), null);
            add(r, "Product volume", c.productVolumeMl(), "mL", 0, "");
            if (c.aliquots() != null) {
                for (int i = 0; i < c.aliquots().size(); i++) {
                    Plan.Aliquot a = c.aliquots().get(i);
                    r.add(new String[] {"Aliquot for infusion " + (i + 1), sci(a.cd3PerKg()) + " CD3+ cells/kg",
                        sci(a.cd3Cells()) + " cells in " + qty(a.volumeMl(), "mL", 1)});
                }
            }
        }
        if (p.infusion() != null) {
            Plan.Infusion i = p.infusion();
            add(r, "IVIG total dose", i.totalGrams(), "g", 1, "over " + i.days() + (i.days() == 1 ? " day" : " days"));
            add(r, "IVIG per day", i.gramsPerDay(), "g/day", 1, "");
            add(r, "IVIG volume per day", i.mlPerDay(), "mL/day", 0, qty(i.productPercent(), "% product", 1));
            List<String> days = new ArrayList<>();
            for (Double d : i.durationMinPerDay()) {
                days.add(qty(d, "min", 0));
            }
            r.add(new String[] {"Infusion time per day", String.join(", ", days), "day 1 starts slower"});
        }
        if (p.photopheresis() != null) {
            Plan.Photopheresis e = p.photopheresis();
            add(r, "Treatment volume (" + e.method() + ")", e.treatmentVolumeMl(), "mL", 0, "");
            add(r, "Methoxsalen (UVADEX 20 µg/mL)", e.methoxsalenMl(), "mL", 2, qty(e.methoxsalenMicrograms(), "µg", 0)
                    + "; " + e.methoxsalenVials() + " vials of 10 mL");
            r.add(new String[] {"UVA dose", e.uvaDoseJPerCm2() == null ? "set by the device"
                : qty(e.uvaDoseJPerCm2(), "J/cm²", 2), e.uvaDoseSource() == null ? "" : e.uvaDoseSource()});
        }
        if (p.column() != null) {
            Plan.Column c = p.column();
            add(r, "Through the column (" + c.column() + ")", c.processedMl(), "mL", 0,
                    c.plasmaVolumesProcessed() == null ? "" : qty(c.plasmaVolumesProcessed(), "plasma volumes", 2));
            add(r, "Column flow", c.flowMlPerMin(), "mL/min", 1, "");
            add(r, "IgG held back per pass", c.iggRemovalPercentPerPass(), "%", 0, "");
            add(r, "IgG removed", c.iggRemovedGrams(), "g", 1, "");
            cells(r, "Granulocytes adsorbed", c.granulocytesAdsorbed(), null);
            cells(r, "Lymphocytes adsorbed", c.lymphocytesAdsorbed(), null);
        }
        if (p.treatmentSchedule() != null) {
            Plan.TreatmentSchedule t = p.treatmentSchedule();
            List<String> days = new ArrayList<>();
            for (Double d : t.sessionDays()) {
                days.add(qty(d, "d", 1)); // each day with its unit, as every figure of the sheet
            }
            r.add(new String[] {"Treatment schedule", t.sessions() + " treatments: " + String.join(", ", days)
                + " after the first", t.description() + "; " + t.source()});
        }
        return r;
    }

    /** The predicted analytes: {analyte, before, after (or lowest), change}. */
    static List<List<String>> predicted(Map<String, Plan.Prediction> predicted) {
        List<List<String>> rows = new ArrayList<>();
        predicted.forEach((k, v) -> rows.add(List.of(analyteName(k), qty(v.pre(), v.unit(), 2),
                qty(v.post(), v.unit(), 2), v.nadir() == null ? Page.NONE : qty(v.nadir(), v.unit(), 2),
                v.changePercent() == null ? Page.NONE : qty(v.changePercent(), "%", 0))));
        return rows;
    }

    /** The name staff read for an analyte of the plan ({@code igg}: IgG), or its key. */
    static String analyteName(String key) {
        for (Analyte a : Analyte.values()) {
            if (a.predictedName().equals(key)) {
                return a.displayName();
            }
        }
        return key;
    }

    private static void add(List<String[]> r, String what, Double v, String unit, int digits, String note) {
        if (v != null) {
            r.add(new String[] {what, qty(v, unit, digits), note});
        }
    }

    private static void cells(List<String[]> r, String what, Double cells, Double perKg) {
        if (cells != null || perKg != null) {
            r.add(new String[] {what, cells == null ? Page.NONE : sci(cells) + " cells",
                perKg == null ? "" : sci(perKg) + " cells per recipient kg"});
        }
    }
}
