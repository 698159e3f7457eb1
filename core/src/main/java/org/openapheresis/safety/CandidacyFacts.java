package org.openapheresis.safety;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.openapheresis.patient.ClinicalHistory;

/**
 * What the candidacy checks look at, as plain values (like {@link SafetyFacts}, so the rules need nothing of the
 * planner): the ordered procedure, the patient's latest values and history, and what the plan found. Built from a
 * plan request and its plan by {@code procedure.Candidacy}.
 *
 * @param procedureName the procedure, as staff read it (for messages)
 * @param plasmaExchange true for a plasma exchange
 * @param onSeparator false for an infusion
 * @param usesAlbumin true when the replacement contains albumin
 * @param usesPlasma true when the replacement contains donor plasma
 * @param ageYears age, when known
 * @param hematocritPercent latest haematocrit, percent
 * @param plateletsE9PerL latest platelets, 10^9/L, when recorded
 * @param bloodVolumeMl the plan's total blood volume, mL
 * @param extracorporealPercentOfBloodVolume circuit volume / blood volume, percent (empty for an infusion)
 * @param planWarnings the plan's own warnings
 * @param history allergies, medications and the facts the checks read
 */
public record CandidacyFacts(String procedureName, boolean plasmaExchange, boolean onSeparator, boolean usesAlbumin,
        boolean usesPlasma, OptionalDouble ageYears, double hematocritPercent, OptionalDouble plateletsE9PerL,
        double bloodVolumeMl, OptionalDouble extracorporealPercentOfBloodVolume, List<Warning> planWarnings,
        ClinicalHistory history) {

    public CandidacyFacts {
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(ageYears, "ageYears");
        Objects.requireNonNull(plateletsE9PerL, "plateletsE9PerL");
        Objects.requireNonNull(extracorporealPercentOfBloodVolume, "extracorporealPercentOfBloodVolume");
        planWarnings = List.copyOf(planWarnings);
        Objects.requireNonNull(history, "history");
    }

    /** True when the plan itself warns with this code. */
    public boolean planWarns(WarningCode code) {
        return planWarnings.stream().anyMatch(w -> w.code() == code);
    }
}
