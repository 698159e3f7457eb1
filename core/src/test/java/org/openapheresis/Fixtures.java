package org.openapheresis;

import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.Labs;
import org.openapheresis.patient.Patient;
import org.openapheresis.patient.Sex;
import org.openapheresis.procedure.PlanRequest;
import org.openapheresis.procedure.ProcedureSpec;
import org.openapheresis.procedure.Replacement;
import org.openapheresis.procedure.Separation;

/** Named test fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The contract's example patient: male, 45 y, 180 cm, 80 kg, Hct 42%, with plasma protein labs. */
    public static Patient adultMale80kg() {
        Map<Analyte, Double> labs = new EnumMap<>(Analyte.class);
        labs.put(Analyte.IGG, 10.0);
        labs.put(Analyte.IGM, 1.0);
        labs.put(Analyte.FIBRINOGEN, 3.0);
        labs.put(Analyte.ALBUMIN, 40.0);
        labs.put(Analyte.PLATELETS, 250.0);
        labs.put(Analyte.IONIZED_CALCIUM, 1.20);
        return new Patient(Sex.MALE, OptionalDouble.of(45), 180, 80, 42, OptionalDouble.empty(), new Labs(labs));
    }

    /** A plasma exchange of the given plasma volumes with 100% albumin on a continuous-flow separator. */
    public static ProcedureSpec.PlasmaExchange albuminExchange(double plasmaVolumes) {
        return new ProcedureSpec.PlasmaExchange(Separation.defaults(), OptionalDouble.of(plasmaVolumes),
                OptionalDouble.empty(), Replacement.allAlbumin(), 100);
    }

    public static PlanRequest exchangeRequest(Patient p, double plasmaVolumes) {
        return new PlanRequest(p, OptionalDouble.empty(), albuminExchange(plasmaVolumes));
    }

    /** The contract's example request as a JSON-like tree. */
    public static Map<String, Object> contractExampleTree() {
        Map<String, Object> labs = new java.util.LinkedHashMap<>();
        labs.put("iggGPerL", 10.0);
        labs.put("fibrinogenGPerL", 3.0);
        labs.put("ionizedCalciumMmolPerL", 1.20);
        Map<String, Object> patient = new java.util.LinkedHashMap<>();
        patient.put("sex", "male");
        patient.put("ageYears", 45);
        patient.put("heightCm", 180);
        patient.put("weightKg", 80);
        patient.put("hematocritPercent", 42);
        patient.put("bloodVolumeMl", null);
        patient.put("labs", labs);
        Map<String, Object> procedure = new java.util.LinkedHashMap<>();
        procedure.put("type", "plasma-exchange");
        procedure.put("device", "continuous-flow");
        procedure.put("inletFlowMlPerMin", 60);
        procedure.put("acRatio", 10);
        procedure.put("plasmaVolumes", 1.0);
        procedure.put("replacement", new java.util.LinkedHashMap<>(Map.of("albuminPercent", 100, "plasmaPercent", 0)));
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("patient", patient);
        root.put("procedure", procedure);
        return root;
    }
}
