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
 * @param leukocytapheresis true for a leukocytapheresis (its patients have hyperleukocytosis)
 * @param wbcE9PerL latest white count, 10^9/L, when recorded
 * @param sessionsNeeded sessions the plan needs to reach the order's target (1 when none)
 * @param sessionsOrdered sessions the order prescribes, when the check is of an order
 * @param photopheresis true for an extracorporeal photopheresis (methoxsalen and UVA light)
 */
public record CandidacyFacts(String procedureName, boolean plasmaExchange, boolean onSeparator, boolean usesAlbumin,
        boolean usesPlasma, OptionalDouble ageYears, double hematocritPercent, OptionalDouble plateletsE9PerL,
        double bloodVolumeMl, OptionalDouble extracorporealPercentOfBloodVolume, List<Warning> planWarnings,
        ClinicalHistory history, boolean leukocytapheresis, OptionalDouble wbcE9PerL, int sessionsNeeded,
        java.util.OptionalInt sessionsOrdered, boolean photopheresis, java.util.Optional<String> indicationIcd10) {

    /** Hyperleukocytosis is commonly defined as a white count above 100 × 10^9/L (Röllig C, Ehninger G, Blood 2015). */
    public static final double HYPERLEUKOCYTOSIS_WBC_E9_PER_L = 100;

    /** The facts of a check that knows nothing of the course, the white count or the leukocytapheresis. */
    public CandidacyFacts(String procedureName, boolean plasmaExchange, boolean onSeparator, boolean usesAlbumin,
            boolean usesPlasma, OptionalDouble ageYears, double hematocritPercent, OptionalDouble plateletsE9PerL,
            double bloodVolumeMl, OptionalDouble extracorporealPercentOfBloodVolume, List<Warning> planWarnings,
            ClinicalHistory history) {
        this(procedureName, plasmaExchange, onSeparator, usesAlbumin, usesPlasma, ageYears, hematocritPercent,
                plateletsE9PerL, bloodVolumeMl, extracorporealPercentOfBloodVolume, planWarnings, history, false,
                OptionalDouble.empty(), 1, java.util.OptionalInt.empty(), false, java.util.Optional.empty());
    }

    /** True for a leukocytapheresis, or a white count above {@link #HYPERLEUKOCYTOSIS_WBC_E9_PER_L}. */
    public boolean hyperleukocytosis() {
        return leukocytapheresis || wbcE9PerL.isPresent() && wbcE9PerL.getAsDouble() > HYPERLEUKOCYTOSIS_WBC_E9_PER_L;
    }

    public CandidacyFacts {
        Objects.requireNonNull(procedureName, "procedureName");
        Objects.requireNonNull(ageYears, "ageYears");
        Objects.requireNonNull(plateletsE9PerL, "plateletsE9PerL");
        Objects.requireNonNull(extracorporealPercentOfBloodVolume, "extracorporealPercentOfBloodVolume");
        planWarnings = List.copyOf(planWarnings);
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(wbcE9PerL, "wbcE9PerL");
        Objects.requireNonNull(sessionsOrdered, "sessionsOrdered");
        Objects.requireNonNull(indicationIcd10, "indicationIcd10");
    }

    /** True when the plan itself warns with this code. */
    public boolean planWarns(WarningCode code) {
        return planWarnings.stream().anyMatch(w -> w.code() == code);
    }
}
