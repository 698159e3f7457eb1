package org.openapheresis.app;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openapheresis.course.CourseResult;
import org.openapheresis.procedure.Plan;
import org.openapheresis.safety.Warning;

/** A plan as text a nurse can follow at the machine: every number with its unit. */
final class TextReport {

    private TextReport() {
    }

    static String plan(Plan p) {
        StringBuilder b = new StringBuilder();
        b.append("PLAN: ").append(p.procedureType());
        if (p.device() != null) {
            b.append(" (").append(p.device()).append(" separator)");
        }
        b.append('\n');
        section(b, "Patient");
        line(b, "Total blood volume", num(p.bloodVolumeMl()) + " mL (" + p.bloodVolumeMethod() + ")");
        line(b, "Plasma volume", num(p.plasmaVolumeMl()) + " mL");
        if (p.processedVolumeMl() != null) {
            section(b, "Run");
            if (p.exchangeVolumeMl() != null) {
                line(b, "Plasma to exchange", num(p.exchangeVolumeMl()) + " mL (" + p.plasmaVolumesExchanged()
                        + " plasma volumes)");
            }
            line(b, "Whole blood to process", num(p.processedVolumeMl()) + " mL (" + p.bloodVolumesProcessed()
                    + " blood volumes)");
            line(b, p.anticoagulant() == null ? "Flow" : "Inlet flow", p.inletFlowMlPerMin() + " mL/min");
            if (p.anticoagulant() != null) {
                line(b, "AC flow", p.acFlowMlPerMin() + " mL/min (inlet:AC " + num(p.anticoagulant().acRatio()) + ":1)");
            }
            line(b, "Run time", num(p.durationMin()) + " min (" + hours(p.durationMin())
                    + "), not counting set-up and rinseback");
            if (p.extracorporealVolumeMl() != null) {
                line(b, "Circuit volume", num(p.extracorporealVolumeMl()) + " mL ("
                        + p.extracorporealPercentOfBloodVolume() + "% of blood volume)");
            }
        } else {
            line(b, "Duration", num(p.durationMin()) + " min");
        }
        if (p.anticoagulant() != null) {
            section(b, "Anticoagulant");
            line(b, p.anticoagulant().type() + " used", num(p.anticoagulant().volumeMl()) + " mL");
            line(b, "Reaching the patient", num(p.anticoagulant().toPatientMl()) + " mL, citrate "
                    + p.anticoagulant().citrateMgPerKgPerMin() + " mg/kg/min");
        }
        if (p.replacement() != null && p.replacement().redCellsMl() != null) {
            section(b, "Replacement");
            line(b, "Donor red cells", num(p.replacement().redCellsMl()) + " mL (" + p.replacement().redCellUnits()
                    + " units of " + num(p.replacement().redCellUnitVolumeMl()) + " mL at haematocrit "
                    + p.replacement().redCellHematocritPercent() + " %)");
            if (p.replacement().depletionFluidMl() > 0) {
                line(b, "Depletion fluid", num(p.replacement().depletionFluidMl()) + " mL of saline or albumin");
            }
        } else if (p.replacement() != null) {
            section(b, "Replacement fluids");
            line(b, "5% albumin", num(p.replacement().albuminMl()) + " mL = " + p.replacement().albuminGrams() + " g ("
                    + p.replacement().albuminVials12p5g() + " vials of 12.5 g)");
            if (p.replacement().calciumGluconate10PercentMl() > 0) {
                line(b, "Calcium prophylaxis", num(p.replacement().calciumGluconate10PercentMl())
                        + " mL of 10% calcium gluconate in the albumin (" + num(p.replacement().elementalCalciumMg())
                        + " mg elemental calcium)");
            }
            if (p.replacement().plasmaMl() > 0) {
                line(b, "Donor plasma", num(p.replacement().plasmaMl()) + " mL (" + p.replacement().plasmaUnits250Ml()
                        + " units of 250 mL)");
            }
        }
        if (p.fluidBalance() != null) {
            line(b, "Net fluid to patient", signed(p.fluidBalance().netMl()) + " mL");
        }
        if (p.infusion() != null) {
            section(b, "Infusion");
            line(b, "Total dose", num(p.infusion().totalGrams()) + " g over " + p.infusion().days() + " days");
            line(b, "Per day", num(p.infusion().gramsPerDay()) + " g = " + num(p.infusion().mlPerDay()) + " mL of "
                    + num(p.infusion().productPercent()) + "%");
            for (int i = 0; i < p.infusion().durationMinPerDay().size(); i++) {
                line(b, "Day " + (i + 1) + " infusion time", num(p.infusion().durationMinPerDay().get(i)) + " min");
            }
        }
        if (p.collected() != null) {
            section(b, "Product");
            Plan.Collected c = p.collected();
            optional(b, "CD34+ cells", c.cd34Cells(), c.cd34PerKg());
            optional(b, "CD3+ cells", c.cd3Cells(), c.cd3PerKg());
            if (c.granulocytes() != null) {
                line(b, "Granulocytes", sci(c.granulocytes()));
            }
            if (c.wbcCells() != null) {
                line(b, "White cells", sci(c.wbcCells()));
            }
            if (c.productVolumeMl() != null) {
                line(b, "Product volume", num(c.productVolumeMl()) + " mL");
            }
            if (c.aliquots() != null) {
                for (Plan.Aliquot a : c.aliquots()) {
                    line(b, "Aliquot " + sci(a.cd3PerKg()) + "/kg", sci(a.cd3Cells()) + " CD3+ in " + num(a.volumeMl())
                            + " mL");
                }
            }
        }
        if (p.photopheresis() != null) {
            Plan.Photopheresis e = p.photopheresis();
            section(b, "Photopheresis (" + e.method() + ")");
            line(b, "Treatment volume", num(e.treatmentVolumeMl()) + " mL");
            line(b, "Methoxsalen (UVADEX)", e.methoxsalenMl() + " mL = " + e.methoxsalenMicrograms() + " µg ("
                    + e.methoxsalenVials() + " vial" + (e.methoxsalenVials() == 1 ? "" : "s") + " of 10 mL)");
            line(b, "UVA dose", e.uvaDoseJPerCm2() == null ? "set by the device" : e.uvaDoseJPerCm2() + " J/cm²");
        }
        if (p.column() != null) {
            Plan.Column c = p.column();
            section(b, "Column (" + c.column() + ")");
            line(b, c.plasmaVolumesProcessed() != null ? "Plasma through the column" : "Blood through the column",
                    num(c.processedMl()) + " mL at " + c.flowMlPerMin() + " mL/min"
                            + (c.plasmaVolumesProcessed() != null ? " (" + c.plasmaVolumesProcessed()
                                    + " plasma volumes)" : ""));
            if (c.iggRemovedGrams() != null) {
                line(b, "IgG removed", c.iggRemovedGrams() + " g (column " + num(c.iggRemovalPercentPerPass())
                        + "% per pass)");
            }
            if (c.granulocytesAdsorbed() != null) {
                line(b, "Granulocytes adsorbed", sci(c.granulocytesAdsorbed()));
            }
            if (c.lymphocytesAdsorbed() != null) {
                line(b, "Lymphocytes adsorbed", sci(c.lymphocytesAdsorbed()));
            }
        }
        if (p.treatmentSchedule() != null) {
            Plan.TreatmentSchedule t = p.treatmentSchedule();
            section(b, "Treatment schedule");
            line(b, "Schedule", t.description());
            StringBuilder days = new StringBuilder();
            for (double d : t.sessionDays()) {
                days.append(days.length() == 0 ? "" : ", ").append(num(d));
            }
            line(b, "Days (from day 0)", days.toString());
            line(b, "Source", t.source());
        }
        if (p.sessionsNeeded() > 1) {
            line(b, "Sessions needed", String.valueOf(p.sessionsNeeded()));
        }
        predicted(b, p.predicted());
        warnings(b, p.warnings());
        section(b, "Assumptions");
        for (String a : p.assumptions()) {
            b.append("  - ").append(a).append('\n');
        }
        if (p.timeline() != null) {
            timeline(b, p.timeline());
        }
        return b.toString();
    }

    static String course(CourseResult c) {
        StringBuilder b = new StringBuilder();
        b.append("COURSE: ").append(c.sessions().size()).append(" sessions\n");
        for (int i = 0; i < c.sessions().size(); i++) {
            Plan p = c.sessions().get(i);
            b.append("\n=== Session ").append(i + 1).append(" at hour ").append(num(c.sessionStartHours().get(i)))
                    .append(" ===\n");
            b.append(plan(p));
        }
        section(b, "Course summary");
        for (var e : c.summary().entrySet()) {
            CourseResult.AnalyteSummary s = e.getValue();
            String removed = s.totalBodyRemovedPercent() == null ? ""
                    : ", total-body amount down " + num(s.totalBodyRemovedPercent()) + "%";
            line(b, e.getKey(), s.beforeFirstSession() + " -> " + s.afterLastSession() + " " + s.unit()
                    + " after the last session, " + s.atNextScheduledTime() + " at hour " + num(s.nextScheduledHour())
                    + removed);
        }
        warnings(b, c.warnings());
        section(b, "Course assumptions");
        for (String a : c.assumptions()) {
            b.append("  - ").append(a).append('\n');
        }
        return b.toString();
    }

    private static void predicted(StringBuilder b, Map<String, Plan.Prediction> predicted) {
        if (predicted.isEmpty()) {
            return;
        }
        section(b, "Predicted (pre -> end of processing)");
        for (var e : predicted.entrySet()) {
            Plan.Prediction p = e.getValue();
            String text = p.pre() + " -> " + p.post() + " " + p.unit();
            if (p.changePercent() != null) {
                text += " (" + signed(p.changePercent()) + "%)";
            }
            if (p.nadir() != null) {
                text += ", lowest " + p.nadir() + " " + p.unit();
            }
            line(b, e.getKey(), text);
        }
    }

    private static void warnings(StringBuilder b, List<Warning> warnings) {
        section(b, "Warnings");
        if (warnings.isEmpty()) {
            b.append("  none\n");
        }
        for (Warning w : warnings) {
            b.append("  [").append(w.severity().toString().toUpperCase(Locale.ROOT)).append("] ").append(w.code())
                    .append(": ").append(w.message()).append('\n');
        }
    }

    private static void timeline(StringBuilder b, List<Map<String, Double>> timeline) {
        section(b, "Timeline");
        if (timeline.isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(timeline.get(0).keySet());
        for (String k : keys) {
            b.append(String.format(Locale.ROOT, "%14s", k));
        }
        b.append('\n');
        for (Map<String, Double> row : timeline) {
            for (String k : keys) {
                Double v = row.get(k);
                b.append(String.format(Locale.ROOT, "%14s", v == null ? "" : String.valueOf(v)));
            }
            b.append('\n');
        }
    }

    private static void optional(StringBuilder b, String label, Double cells, Double perKg) {
        if (cells != null) {
            line(b, label, sci(cells) + (perKg == null ? "" : " (" + sci(perKg) + " per recipient kg)"));
        }
    }

    private static void section(StringBuilder b, String title) {
        b.append('\n').append(title).append('\n');
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(String.format(Locale.ROOT, "  %-28s %s%n", label + ":", value));
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + num(v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String hours(double minutes) {
        long m = Math.round(minutes);
        return m / 60 + " h " + m % 60 + " min";
    }
}
