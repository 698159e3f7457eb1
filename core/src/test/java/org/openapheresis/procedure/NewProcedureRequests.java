package org.openapheresis.procedure;

import static org.openapheresis.procedure.CellRequests.obj;

import java.util.Map;

/**
 * Named fixtures for photopheresis, adsorptive cytapheresis and immunoadsorption, as the JSON trees the contract
 * reader takes.
 */
public final class NewProcedureRequests {

    private NewProcedureRequests() {
    }

    /** Male, 180 cm, 80 kg, Hct 42%, measured blood volume 5000 mL (plasma volume 2900 mL), IgG 10 g/L. */
    public static Map<String, Object> adultWithIgg() {
        return obj("sex", "male", "ageYears", 45, "heightCm", 180, "weightKg", 80, "hematocritPercent", 42,
                "bloodVolumeMl", 5000, "labs", obj("iggGPerL", 10, "albuminGPerL", 40));
    }

    /** Female, 165 cm, 60 kg, Hct 38%, neutrophils 6 and lymphocytes 1.5 x 10^9/L (active ulcerative colitis). */
    public static Map<String, Object> colitisAdult() {
        return obj("sex", "female", "ageYears", 35, "heightCm", 165, "weightKg", 60, "hematocritPercent", 38,
                "labs", obj("neutrophilsE9PerL", 6, "lymphocytesE9PerL", 1.5));
    }

    /** Male, 175 cm, 70 kg, Hct 36% (chronic GVHD after a transplant). */
    public static Map<String, Object> gvhdAdult() {
        return obj("sex", "male", "ageYears", 50, "heightCm", 175, "weightKg", 70, "hematocritPercent", 36);
    }

    /** An offline photopheresis: 1,500 mL processed, a 240 mL treatment volume (the label's example). */
    public static Map<String, Object> offlineEcp(Object... more) {
        return with(obj("type", "photopheresis", "method", "offline", "processedVolumeMl", 1500, "treatmentVolumeMl",
                240), more);
    }

    /** An Adacolumn session at the published volume and flow. */
    public static Map<String, Object> adacolumn(Object... more) {
        return with(obj("type", "adsorptive-cytapheresis", "column", "adacolumn"), more);
    }

    /** An immunoadsorption of 2.5 plasma volumes through a column holding back every IgG passing it. */
    public static Map<String, Object> ia(Object... more) {
        return with(obj("type", "immunoadsorption", "plasmaVolumesProcessed", 2.5, "columnIggRemovalPercent", 100),
                more);
    }

    /** The procedure with further keys (a null value removes the key). */
    public static Map<String, Object> with(Map<String, Object> p, Object... more) {
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                p.remove((String) more[i]);
            } else {
                p.put((String) more[i], more[i + 1]);
            }
        }
        return p;
    }

    public static Plan plan(Map<String, Object> patient, Map<String, Object> procedure) {
        return CellRequests.plan(CellRequests.request(patient, procedure));
    }
}
