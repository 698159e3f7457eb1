package org.openapheresis.procedure;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.openapheresis.patient.Analyte;
import org.openapheresis.patient.ClinicalHistory;
import org.openapheresis.safety.CandidacyFacts;
import org.openapheresis.safety.CandidacyRules;
import org.openapheresis.safety.Warning;

/**
 * Runs the candidacy checks ({@link CandidacyRules}) of an order: the plan request built from the patient's
 * record, the plan computed for it and the record's history.
 */
public final class Candidacy {

    private Candidacy() {
    }

    /** The facts the candidacy rules read, for a check that knows no course (one session). */
    public static CandidacyFacts facts(PlanRequest r, Plan plan, ClinicalHistory history) {
        return facts(r, plan, history, OptionalInt.empty());
    }

    /**
     * The facts the candidacy rules read.
     *
     * @param sessionsOrdered the sessions the order prescribes, when known
     */
    public static CandidacyFacts facts(PlanRequest r, Plan plan, ClinicalHistory history, OptionalInt sessionsOrdered) {
        return facts(r, plan, history, sessionsOrdered, Optional.empty());
    }

    /**
     * The facts the candidacy rules read.
     *
     * @param sessionsOrdered the sessions the order prescribes, when known
     * @param indicationIcd10 the order's indication (ICD-10 or ICD-10-CM), when known
     */
    public static CandidacyFacts facts(PlanRequest r, Plan plan, ClinicalHistory history, OptionalInt sessionsOrdered,
            Optional<String> indicationIcd10) {
        ProcedureType type = r.procedure().type();
        return new CandidacyFacts(type.displayName(), type == ProcedureType.PLASMA_EXCHANGE, type.onSeparator(),
                plan.replacement() != null && plan.replacement().albuminMl() > 0,
                plan.replacement() != null && plan.replacement().plasmaMl() > 0, r.patient().ageYears(),
                r.patient().hematocritPercent(), r.patient().labs().get(Analyte.PLATELETS), plan.bloodVolumeMl(),
                plan.extracorporealPercentOfBloodVolume() == null ? OptionalDouble.empty()
                        : OptionalDouble.of(plan.extracorporealPercentOfBloodVolume()),
                plan.warnings(), history, type == ProcedureType.LEUKOCYTAPHERESIS, r.patient().labs().get(Analyte.WBC),
                plan.sessionsNeeded(), sessionsOrdered, type == ProcedureType.PHOTOPHERESIS, indicationIcd10);
    }

    /** Every candidacy warning, then the plan's own: what an order needs acknowledged by a physician. */
    public static List<Warning> check(PlanRequest r, Plan plan, ClinicalHistory history) {
        return CandidacyRules.check(facts(r, plan, history));
    }

    /**
     * {@link #check(PlanRequest, Plan, ClinicalHistory)} of an order that prescribes this many sessions, for this
     * indication (ICD-10).
     */
    public static List<Warning> check(PlanRequest r, Plan plan, ClinicalHistory history, int sessionsOrdered,
            Optional<String> indicationIcd10) {
        return CandidacyRules.check(facts(r, plan, history, OptionalInt.of(sessionsOrdered), indicationIcd10));
    }
}
