package org.openapheresis.procedure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.openapheresis.contract.PlanRequestReader;

/**
 * Named request fixtures for the cell procedures and IVIG, built as the JSON trees the contract reader takes
 * (maps and lists), so every test goes through the same validation as the CLI and the API.
 */
public final class CellRequests {

    private CellRequests() {
    }

    /** A mutable JSON object from key/value pairs. */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Male, 180 cm, 80 kg, Hct 42%: Nadler TBV 5319 mL (worked case 1, docs/reference-cases.md). */
    public static Map<String, Object> adultMale80kg(Map<String, Object> labs) {
        return obj("sex", "male", "ageYears", 45, "heightCm", 180, "weightKg", 80, "hematocritPercent", 42,
                "labs", labs);
    }

    /** Female, 165 cm, 60 kg, Hct 38%. */
    public static Map<String, Object> adultFemale60kg(Map<String, Object> labs) {
        return obj("sex", "female", "ageYears", 40, "heightCm", 165, "weightKg", 60, "hematocritPercent", 38,
                "labs", labs);
    }

    /** A patient with a measured blood volume (so volumes in blood volumes are exact). */
    public static Map<String, Object> withBloodVolume(Map<String, Object> patient, double bloodVolumeMl) {
        Map<String, Object> p = new LinkedHashMap<>(patient);
        p.put("bloodVolumeMl", bloodVolumeMl);
        return p;
    }

    public static Map<String, Object> request(Map<String, Object> patient, Map<String, Object> procedure) {
        return obj("patient", patient, "procedure", procedure);
    }

    public static Map<String, Object> request(Map<String, Object> patient, double recipientKg,
            Map<String, Object> procedure) {
        return obj("patient", patient, "recipient", obj("weightKg", recipientKg), "procedure", procedure);
    }

    public static PlanRequest read(Map<String, Object> tree) {
        return PlanRequestReader.read(tree);
    }

    public static Plan plan(Map<String, Object> tree) {
        return Planner.plan(read(tree), PlanOptions.withoutTimeline());
    }
}
