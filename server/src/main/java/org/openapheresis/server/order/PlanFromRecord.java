package org.openapheresis.server.order;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openapheresis.contract.CourseRequestReader;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.procedure.Plan;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Planner;
import org.openapheresis.server.patient.LabField;
import org.openapheresis.server.patient.PatientRecord;

/**
 * Builds a plan request (contract plan-v1) from a patient record with its latest labs and an order's procedure,
 * and plans it with the core, so an order's plan is exactly what the CLI would give for the same request.
 */
public final class PlanFromRecord {

    private PlanFromRecord() {
    }

    /** The request tree; missing record values are left out so the core reader names them. */
    public static Map<String, Object> request(PatientRecord p, Object procedure, Object recipient, LocalDate today) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("sex", p.sex());
        patient.put("ageYears", p.ageYears(today));
        if (p.heightCm() != null) {
            patient.put("heightCm", p.heightCm());
        }
        if (p.weightKg() != null) {
            patient.put("weightKg", p.weightKg());
        }
        Map<String, Object> labs = new LinkedHashMap<>();
        p.labs().forEach((k, v) -> {
            if (k.equals(LabField.HEMATOCRIT)) {
                patient.put("hematocritPercent", v);
            } else {
                labs.put(k, v);
            }
        });
        if (!labs.isEmpty()) {
            patient.put("labs", labs);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("patient", patient);
        request.put("procedure", procedure);
        if (recipient != null) {
            request.put("recipient", recipient);
        }
        return request;
    }

    /** Validates and plans; throws the core's {@code InvalidInputException} with every problem. */
    public static Planned plan(PatientRecord p, Object procedure, Object recipient, Object schedule,
            LocalDate today) {
        Map<String, Object> tree = request(p, procedure, recipient, today);
        PlanRequest request = PlanRequestReader.read(tree);
        if (schedule != null) {
            Map<String, Object> course = new LinkedHashMap<>(tree);
            course.put("schedule", schedule);
            CourseRequestReader.read(course);
        }
        return new Planned(request, Planner.plan(request, PlanOptions.withoutTimeline()));
    }

    /** A validated request and its plan. */
    public record Planned(PlanRequest request, Plan plan) {
    }
}
