package org.openapheresis.contract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Patient;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.Separation;

/**
 * Writes a plan request (contract plan-v1) as the JSON-like tree the readers read: the inverse of
 * {@link PlanRequestReader}, so a request can be stored and read back as the same record
 * ({@code read(write(r)).equals(r)}). Every value the reader defaults is written explicitly (device,
 * anticoagulant, replacement, fluid balance, product concentration), so the stored text says what was planned.
 */
public final class PlanRequestWriter {

    private PlanRequestWriter() {
    }

    /** The whole request: patient, recipient (when not autologous) and procedure. */
    public static Map<String, Object> request(PlanRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient", patient(r.patient()));
        r.recipientWeightKg().ifPresent(w -> m.put("recipient", Map.of("weightKg", w)));
        m.put("procedure", procedure(r.procedure()));
        return m;
    }

    /** The {@code patient} object. */
    public static Map<String, Object> patient(Patient p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sex", p.sex().code());
        p.ageYears().ifPresent(a -> m.put("ageYears", a));
        m.put("heightCm", p.heightCm());
        m.put("weightKg", p.weightKg());
        m.put("hematocritPercent", p.hematocritPercent());
        p.measuredBloodVolumeMl().ifPresent(v -> m.put("bloodVolumeMl", v));
        Map<String, Object> labs = new LinkedHashMap<>();
        for (Analyte a : Analyte.values()) {
            p.labs().get(a).ifPresent(v -> labs.put(a.field(), v));
        }
        if (!labs.isEmpty()) {
            m.put("labs", labs);
        }
        return m;
    }

    /** The {@code procedure} object of one type. */
    public static Map<String, Object> procedure(ProcedureSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", spec.type().code());
        spec.separation().ifPresent(s -> separation(s, m));
        if (spec instanceof ProcedureSpec.PlasmaExchange pe) {
            put(m, "plasmaVolumes", pe.plasmaVolumes());
            put(m, "exchangeVolumeMl", pe.exchangeVolumeMl());
            m.put("replacement", Map.of("albuminPercent", pe.replacement().albuminPercent(), "plasmaPercent",
                    pe.replacement().plasmaPercent()));
            m.put("fluidBalancePercent", pe.fluidBalancePercent());
        } else if (spec instanceof ProcedureSpec.Leukocytapheresis l) {
            put(m, "bloodVolumesProcessed", l.bloodVolumesProcessed());
            target(m, "wbcE9PerL", l.targetWbcE9PerL());
        } else if (spec instanceof ProcedureSpec.HpcCollection c) {
            put(m, "bloodVolumesProcessed", c.bloodVolumesProcessed());
            target(m, "cd34PerKg", c.targetCd34PerKg());
            put(m, "collectionEfficiencyPercent", c.collectionEfficiencyPercent());
        } else if (spec instanceof ProcedureSpec.LymphocyteCollection c) {
            put(m, "bloodVolumesProcessed", c.bloodVolumesProcessed());
            if (!c.targetCd3PerKgDoses().isEmpty()) {
                m.put("target", Map.of("cd3PerKgDoses", List.copyOf(c.targetCd3PerKgDoses())));
            }
            put(m, "collectionEfficiencyPercent", c.collectionEfficiencyPercent());
        } else if (spec instanceof ProcedureSpec.GranulocyteCollection c) {
            m.put("sedimentingAgent", c.sedimentingAgent().code());
            put(m, "bloodVolumesProcessed", c.bloodVolumesProcessed());
            target(m, "granulocytes", c.targetGranulocytes());
            put(m, "collectionEfficiencyPercent", c.collectionEfficiencyPercent());
        } else if (spec instanceof ProcedureSpec.IvigInfusion i) {
            m.put("doseGPerKg", i.doseGPerKg());
            m.put("days", i.days());
            m.put("productPercent", i.productPercent());
            i.product().ifPresent(p -> m.put("product", p.code()));
        } else if (spec instanceof ProcedureSpec.RedCellExchange x) {
            m.put("mode", x.mode().code());
            m.put("targetHbsPercent", x.targetHbsPercent());
            m.put("targetHematocritPercent", x.targetHematocritPercent());
            m.put("replacementHematocritPercent", x.replacementHematocritPercent());
            put(m, "depletionHematocritPercent", x.depletionHematocritPercent());
            put(m, "redCellUnitVolumeMl", x.redCellUnitVolumeMl());
            x.redCellUnitsAvailable().ifPresent(v -> m.put("redCellUnitsAvailable", v));
        } else if (spec instanceof ProcedureSpec.Photopheresis e) {
            m.put("method", e.method().code());
            put(m, "processedVolumeMl", e.processedVolumeMl());
            e.collectionCycles().ifPresent(v -> m.put("collectionCycles", v));
            put(m, "wholeBloodPerCollectionCycleMl", e.wholeBloodPerCollectionCycleMl());
            m.put("treatmentVolumeMl", e.treatmentVolumeMl());
            put(m, "uvaDoseJPerCm2", e.uvaDoseJPerCm2());
            e.course().ifPresent(c -> {
                m.put("regimen", c.regimen().code());
                c.treatmentCycles().ifPresent(v -> m.put("treatmentCycles", v));
                c.cycleIntervalWeeks().ifPresent(v -> m.put("cycleIntervalWeeks", v));
                c.treatmentsPerWeek().ifPresent(v -> m.put("treatmentsPerWeek", v));
                c.weeks().ifPresent(v -> m.put("weeks", v));
                c.taperCycles().ifPresent(v -> m.put("taperCycles", v));
            });
        } else if (spec instanceof ProcedureSpec.AdsorptiveCytapheresis a) {
            m.put("column", a.column().code());
            put(m, "processedVolumeMl", a.processedVolumeMl());
            put(m, "flowMlPerMin", a.flowMlPerMin());
        } else if (spec instanceof ProcedureSpec.Immunoadsorption ia) {
            put(m, "plasmaVolumesProcessed", ia.plasmaVolumesProcessed());
            put(m, "processedPlasmaMl", ia.processedPlasmaMl());
            m.put("columnIggRemovalPercent", ia.columnIggRemovalPercent());
        } else {
            throw new IllegalStateException("no writer for procedure type " + spec.type());
        }
        return m;
    }

    private static void separation(Separation s, Map<String, Object> m) {
        m.put("device", s.device().code());
        put(m, "inletFlowMlPerMin", s.inletFlowMlPerMin());
        put(m, "acRatio", s.acRatio());
        m.put("anticoagulant", s.anticoagulant().code());
        if (s.calcium().any()) {
            Map<String, Object> c = new LinkedHashMap<>();
            if (s.calcium().inReplacementMmolPerL() > 0) {
                c.put("inReplacementMmolPerL", s.calcium().inReplacementMmolPerL());
            }
            if (s.calcium().infusionMmolPerHour() > 0) {
                c.put("infusionMmolPerHour", s.calcium().infusionMmolPerHour());
            }
            m.put("calcium", c);
        }
    }

    private static void target(Map<String, Object> m, String key, OptionalDouble value) {
        value.ifPresent(v -> m.put("target", Map.of(key, v)));
    }

    private static void put(Map<String, Object> m, String key, OptionalDouble value) {
        value.ifPresent(v -> m.put(key, v));
    }
}
