package org.openapheresis.safety;

import java.util.Optional;
import org.openapheresis.separator.AnticoagulantLimits;

/**
 * CITRATE_RATE_HIGH: citrate to the patient above 1.08 mg/kg/min (65 mg/kg/h; no symptoms or ECG changes
 * below it, Olson; McCullough). Suggests the inlet flow that stays below and calcium prophylaxis as
 * published: 10 mL of 10% calcium gluconate per litre of albumin return fluid in plasma exchange (Weinstein,
 * J Clin Apher 1996;11:204), a separate calcium gluconate infusion in cell collections (Zhao/Weinstein, J Clin
 * Apher 2019: 2 g in 50 mL at 1.6 g/h, no reactions in 17).
 */
public final class CitrateRateRule implements SafetyRule {

    /** The publication behind the rule, or UNVERIFIED. */
    public static final String SOURCE = "symptom threshold 1.08 mg/kg/min (65 mg/kg/h): Olson; McCullough; prophylaxis: Weinstein R, J "
            + "Clin Apher 1996;11:204 (plasma exchange), Zhao/Weinstein, J Clin Apher 2019 (cell collections)";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public WarningCode code() {
        return WarningCode.CITRATE_RATE_HIGH;
    }

    @Override
    public Optional<Warning> check(SafetyFacts f) {
        if (f.citrateMgPerKgPerMin().isEmpty() || f.inletFlowMlPerMin().isEmpty()) {
            return Optional.empty();
        }
        double rate = f.citrateMgPerKgPerMin().getAsDouble();
        double limit = AnticoagulantLimits.CITRATE_SYMPTOM_THRESHOLD_MG_PER_KG_PER_MIN.value();
        if (rate <= limit) {
            return Optional.empty();
        }
        double maxInlet = f.inletFlowMlPerMin().getAsDouble() * limit / rate;
        String prophylaxis = f.cellProcedure()
                ? "give calcium prophylaxis, e.g. a separate calcium gluconate infusion (2 g in 50 mL at 1.6 g/h,"
                        + " Zhao/Weinstein, J Clin Apher 2019)"
                : "give calcium prophylaxis, e.g. 10 mL of 10% calcium gluconate per litre of albumin return fluid"
                        + " (Weinstein, J Clin Apher 1996)";
        return Optional.of(warning(Severity.WARNING, "Citrate reaches the patient at "
                + String.format(java.util.Locale.ROOT, "%.2f", rate) + " mg/kg/min, above the 1.08 mg/kg/min"
                + " (65 mg/kg/h) symptom threshold. Lower the inlet flow to " + (long) Math.floor(maxInlet)
                + " mL/min or less, or " + prophylaxis + ", and check ionised calcium during the run."));
    }
}
