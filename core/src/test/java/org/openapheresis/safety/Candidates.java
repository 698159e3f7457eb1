package org.openapheresis.safety;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapheresis.contract.PlanRequestReader;
import org.openapheresis.patient.ClinicalHistory;
import org.openapheresis.procedure.PlanOptions;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.Candidacy;
import org.openapheresis.procedure.Planner;

/** Candidacy facts for rule tests: a patient, a procedure and a history, planned by the core. */
final class Candidates {

    private Candidates() {
    }

    /** A 34-year-old woman, 168 cm, 64 kg, with the given haematocrit and platelets. */
    static Map<String, Object> adultWoman(double hematocritPercent, double plateletsE9PerL) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("sex", "female");
        p.put("ageYears", 34);
        p.put("heightCm", 168);
        p.put("weightKg", 64);
        p.put("hematocritPercent", hematocritPercent);
        p.put("labs", Map.of("plateletsE9PerL", plateletsE9PerL, "fibrinogenGPerL", 3.0));
        return p;
    }

    /** A 2-year-old boy, 86 cm, 11 kg. */
    static Map<String, Object> child() {
        return Map.of("sex", "male", "ageYears", 2, "heightCm", 86, "weightKg", 11, "hematocritPercent", 36,
                "labs", Map.of("plateletsE9PerL", 250));
    }

    /** A 1.0 plasma volume exchange with the given share of albumin (the rest plasma). */
    static Map<String, Object> exchange(double albuminPercent) {
        return Map.of("type", "plasma-exchange", "plasmaVolumes", 1.0, "replacement",
                Map.of("albuminPercent", albuminPercent, "plasmaPercent", 100 - albuminPercent));
    }

    static ClinicalHistory history(boolean aceInhibitor, boolean plasmaAllergy, String... allergies) {
        return new ClinicalHistory(List.of(allergies), List.of(), aceInhibitor, plasmaAllergy, List.of());
    }

    /** A history with these conditions recorded and these allergies. */
    static ClinicalHistory conditions(List<String> conditions, String... allergies) {
        return new ClinicalHistory(List.of(allergies), List.of(), false, false, conditions);
    }

    /** An adult with hyperleukocytosis (AML, white count 250 × 10^9/L) and the given haematocrit. */
    static Map<String, Object> hyperleukocytosis(double hematocritPercent) {
        Map<String, Object> p = new LinkedHashMap<>(adultWoman(hematocritPercent, 60));
        p.put("labs", Map.of("plateletsE9PerL", 60, "wbcE9PerL", 250));
        return p;
    }

    /** The facts of an order that prescribes this many sessions. */
    static CandidacyFacts facts(Map<String, Object> patient, Map<String, Object> procedure, ClinicalHistory h,
            int sessionsOrdered) {
        PlanRequest r = PlanRequestReader.read(Map.of("patient", patient, "procedure", procedure));
        return Candidacy.facts(r, Planner.plan(r, PlanOptions.withoutTimeline()), h,
                java.util.OptionalInt.of(sessionsOrdered));
    }

    /** The facts of a one-session order for this indication (ICD-10). */
    static CandidacyFacts facts(Map<String, Object> patient, Map<String, Object> procedure, ClinicalHistory h,
            String indicationIcd10) {
        PlanRequest r = PlanRequestReader.read(Map.of("patient", patient, "procedure", procedure));
        return Candidacy.facts(r, Planner.plan(r, PlanOptions.withoutTimeline()), h, java.util.OptionalInt.of(1),
                java.util.Optional.of(indicationIcd10));
    }

    static CandidacyFacts facts(Map<String, Object> patient, Map<String, Object> procedure, ClinicalHistory h) {
        PlanRequest r = PlanRequestReader.read(Map.of("patient", patient, "procedure", procedure));
        return Candidacy.facts(r, Planner.plan(r, PlanOptions.withoutTimeline()), h);
    }
}
