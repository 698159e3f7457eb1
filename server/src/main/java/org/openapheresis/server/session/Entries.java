package org.openapheresis.server.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openapheresis.server.session.Vocabulary.AccessKind;
import org.openapheresis.server.session.Vocabulary.AdverseEventType;
import org.openapheresis.server.session.Vocabulary.Fluid;
import org.openapheresis.server.session.Vocabulary.Grade;
import org.openapheresis.server.session.Vocabulary.RunValueSource;

/** The timed entries of a session's clinical record. Units are in the names; an absent measure is null. */
public final class Entries {

    private Entries() {
    }

    /** The kinds of entry other features find by id (the FHIR face reads them as resources), with their tables. */
    public enum Kind {
        RUN_VALUE("run_value"), VITALS("vital_sign"), FLUID("fluid_given"), ADVERSE_EVENT("adverse_event");

        private final String table;

        Kind(String table) {
            this.table = table;
        }

        String table() {
            return table;
        }
    }

    /** What was observed and given in one session, without the comparison to the plan a clinical record adds. */
    public record Observed(List<RunValue> runValues, List<Vitals> vitals, List<FluidGiven> fluids,
            List<AdverseEvent> adverseEvents) {
    }

    /** A sample from the machine or the nurse; any measure may be absent. */
    public record RunValue(String id, Instant time, RunValueSource source, Double inletFlowMlPerMin,
            Double acFlowMlPerMin, Double removalFlowMlPerMin, Double replacementFlowMlPerMin, Double processedVolumeMl,
            Double acVolumeMl, Double removedVolumeMl, Double replacementVolumeMl, Double fluidBalanceMl,
            Instant recordedAt, String recordedBy) {
    }

    /** Vital signs. */
    public record Vitals(String id, Instant time, Double systolicMmHg, Double diastolicMmHg, Double pulsePerMin,
            Double spo2Percent, Double temperatureC, Instant recordedAt, String recordedBy) {
    }

    /** A fluid given. */
    public record FluidGiven(String id, Instant time, Fluid fluid, double volumeMl, java.util.OptionalInt units,
            Instant recordedAt, String recordedBy) {
    }

    /** An adverse event graded as the WAA registry grades. */
    public record AdverseEvent(String id, Instant time, AdverseEventType type, Grade grade,
            Optional<String> actionTaken, boolean interrupted, Optional<String> notes, Instant recordedAt,
            String recordedBy) {
    }

    /**
     * The vascular access a session ran on, checked at the chair.
     *
     * @param time when it was checked for this session
     * @param kind peripheral, central line, port or fistula
     * @param site where (e.g. left antecubital and right forearm; right internal jugular)
     * @param placedBy who placed it, when known (a line placed elsewhere)
     * @param placedOn when it was placed, when known
     * @param problems problems with it (poor draw, infiltration, occlusion), or empty
     */
    public record VascularAccess(String id, Instant time, AccessKind kind, String site, Optional<String> placedBy,
            Optional<java.time.LocalDate> placedOn, Optional<String> problems, Instant recordedAt,
            String recordedBy) {
    }

    /** A nursing note on the run sheet, timed and signed by who wrote it. */
    public record NursingNote(String id, Instant time, String text, Instant recordedAt, String recordedBy) {
    }

    /**
     * What the collected product measured at the end of a collection. Concentrations are of the product bag.
     *
     * @param volumeMl product volume, mL
     * @param cd34PerUl CD34+ cells, /µL
     * @param cd3PerUl CD3+ cells, /µL
     * @param wbcE9PerL white cells, 10^9/L
     * @param neutrophilsE9PerL neutrophils, 10^9/L
     * @param hematocritPercent haematocrit of the product, percent
     */
    public record ProductMeasurement(String id, Instant time, double volumeMl, Double cd34PerUl, Double cd3PerUl,
            Double wbcE9PerL, Double neutrophilsE9PerL, Double hematocritPercent, Instant recordedAt,
            String recordedBy) {
    }
}
