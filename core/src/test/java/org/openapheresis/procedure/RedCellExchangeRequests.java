package org.openapheresis.procedure;

import static org.openapheresis.procedure.CellRequests.obj;

import java.util.Map;

/** Named red cell exchange fixtures, as the JSON trees the contract reader takes. */
public final class RedCellExchangeRequests {

    private RedCellExchangeRequests() {
    }

    /** Female, 165 cm, 60 kg, Hct 27%, HbS 85%: a sickle cell patient with a measured blood volume of 4000 mL. */
    public static Map<String, Object> sickleCellAdult() {
        return obj("sex", "female", "ageYears", 25, "heightCm", 165, "weightKg", 60, "hematocritPercent", 27,
                "bloodVolumeMl", 4000, "labs", obj("hbsPercent", 85, "plateletsE9PerL", 300));
    }

    /** An isovolaemic exchange to HbS 30% at the same haematocrit with units at 60%. */
    public static Map<String, Object> exchangeTo30(Object... more) {
        Map<String, Object> p = obj("type", "red-cell-exchange", "targetHbsPercent", 30, "targetHematocritPercent", 27,
                "replacementHematocritPercent", 60);
        for (int i = 0; i < more.length; i += 2) {
            p.put((String) more[i], more[i + 1]);
        }
        return p;
    }

    public static Map<String, Object> request(Map<String, Object> procedure) {
        return CellRequests.request(sickleCellAdult(), procedure);
    }

    public static Plan plan(Map<String, Object> procedure) {
        return CellRequests.plan(request(procedure));
    }
}
