package org.openapheresis.server.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.server.patient.LabPhase;
import org.openapheresis.server.session.Vocabulary.AdverseEventType;
import org.openapheresis.server.session.Vocabulary.Fluid;
import org.openapheresis.server.session.Vocabulary.Grade;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Range;

/** What staff ask of a session, typed and checked at construction with the same ranges the routes read with. */
public final class Commands {

    /** Flows a separator can run, mL/min. */
    public static final Range FLOW_ML_PER_MIN = Range.of(0, 500);
    /** Volumes of one session, mL. */
    public static final Range VOLUME_ML = Range.of(0, 50000);
    /** Net fluid balance, mL. */
    public static final Range BALANCE_ML = Range.of(-10000, 10000);
    public static final Range SYSTOLIC_MMHG = Range.of(30, 300);
    public static final Range DIASTOLIC_MMHG = Range.of(10, 200);
    public static final Range PULSE_PER_MIN = Range.of(10, 300);
    public static final Range SPO2_PERCENT = Range.of(30, 100);
    public static final Range TEMPERATURE_C = Range.of(25, 45);
    /** A fluid given, mL. */
    public static final Range FLUID_ML = Range.of(0.1, 20000);
    /*
     * A collected product's measurements: plausibility bounds of a product bag (far above blood's own values: a
     * product is concentrated), to refuse a typing error, not clinical thresholds.
     */
    /** Product volume, mL. */
    public static final Range PRODUCT_VOLUME_ML = Range.of(1, 3000);
    /** CD34+ cells in the product, /µL. */
    public static final Range PRODUCT_CD34_PER_UL = Range.of(0, 100000);
    /** CD3+ cells in the product, /µL. */
    public static final Range PRODUCT_CD3_PER_UL = Range.of(0, 1000000);
    /** White cells or neutrophils in the product, 10^9/L. */
    public static final Range PRODUCT_CELLS_E9_PER_L = Range.of(0, 2000);
    /** Haematocrit of the product, percent. */
    public static final Range PRODUCT_HEMATOCRIT_PERCENT = Range.of(0, 80);

    private Commands() {
    }

    /**
     * Book a signed order's session.
     *
     * @param orderId the signed order
     * @param plannedStart when
     * @param machine separator, when known
     * @param chair chair or bed, when known
     * @param nurse nurse in charge, when known
     * @param acknowledgedWarnings the warnings of the unit's rules the booker read and books anyway (on call)
     */
    public record Schedule(String orderId, Instant plannedStart, Optional<String> machine, Optional<String> chair,
            Optional<String> nurse, Set<BookingWarning.Code> acknowledgedWarnings) {
        public Schedule {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(plannedStart, "plannedStart");
            acknowledgedWarnings = Set.copyOf(acknowledgedWarnings);
        }

        /** A booking that acknowledges nothing: refused with the warnings when it lies outside the unit's rules. */
        public Schedule(String orderId, Instant plannedStart, Optional<String> machine, Optional<String> chair,
                Optional<String> nurse) {
            this(orderId, plannedStart, machine, chair, nurse, Set.of());
        }
    }

    /**
     * Move a scheduled session.
     *
     * @param expectedVersion the version the coordinator read
     * @param acknowledgedWarnings the warnings of the unit's rules the coordinator read and moves it anyway (on call)
     */
    public record Reschedule(Instant plannedStart, Optional<String> machine, Optional<String> chair,
            Optional<String> nurse, int expectedVersion, Set<BookingWarning.Code> acknowledgedWarnings) {
        public Reschedule {
            Objects.requireNonNull(plannedStart, "plannedStart");
            acknowledgedWarnings = Set.copyOf(acknowledgedWarnings);
        }

        /** A move that acknowledges nothing: refused with the warnings when it lies outside the unit's rules. */
        public Reschedule(Instant plannedStart, Optional<String> machine, Optional<String> chair,
                Optional<String> nurse, int expectedVersion) {
            this(plannedStart, machine, chair, nurse, expectedVersion, Set.of());
        }
    }

    /** A run-value sample: at least one measure. */
    public record Sample(Instant time, Vocabulary.RunValueSource source, Double inletFlowMlPerMin,
            Double acFlowMlPerMin, Double removalFlowMlPerMin, Double replacementFlowMlPerMin, Double processedVolumeMl,
            Double acVolumeMl, Double removedVolumeMl, Double replacementVolumeMl, Double fluidBalanceMl) {
        public Sample {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(source, "source");
            Double[] all = {inletFlowMlPerMin, acFlowMlPerMin, removalFlowMlPerMin, replacementFlowMlPerMin,
                processedVolumeMl, acVolumeMl, removedVolumeMl, replacementVolumeMl, fluidBalanceMl};
            if (java.util.Arrays.stream(all).allMatch(Objects::isNull)) {
                throw InvalidInputException.of("(request)", MessageKey.INVALID,
                        "a sample needs at least one flow or volume");
            }
        }
    }

    /** Vital signs: at least one, diastolic below systolic. */
    public record Vitals(Instant time, Double systolicMmHg, Double diastolicMmHg, Double pulsePerMin,
            Double spo2Percent, Double temperatureC) {
        public Vitals {
            Objects.requireNonNull(time, "time");
            if (systolicMmHg != null && diastolicMmHg != null && diastolicMmHg >= systolicMmHg) {
                throw InvalidInputException.of("diastolicMmHg", MessageKey.INVALID,
                        "diastolic must be below systolic");
            }
        }
    }

    /** Units of a plasma product in one entry: a bound on input, not a dosing limit. */
    public static final Range FLUID_UNITS = Range.of(1, 60);

    /**
     * A fluid given: a plasma product counted in units says how many ({@code units}, required), any other fluid
     * says none.
     */
    public record GiveFluid(Instant time, Fluid fluid, double volumeMl, java.util.OptionalInt units) {
        public GiveFluid {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(fluid, "fluid");
            Objects.requireNonNull(units, "units");
            FLUID_ML.require("volumeMl", volumeMl);
            if (fluid.countedInUnits() && units.isEmpty()) {
                throw InvalidInputException.of("units", MessageKey.REQUIRED_WHEN, "for " + fluid.displayName()
                        + ": plasma is billed by the unit");
            }
            if (!fluid.countedInUnits() && units.isPresent()) {
                throw InvalidInputException.of("units", MessageKey.INVALID, "only a plasma product is counted in units, "
                        + "not " + fluid.displayName());
            }
            units.ifPresent(u -> FLUID_UNITS.require("units", u));
        }

        /** A fluid given by volume only. */
        public GiveFluid(Instant time, Fluid fluid, double volumeMl) {
            this(time, fluid, volumeMl, java.util.OptionalInt.empty());
        }
    }

    /** Labs taken at the session. */
    public record Labs(Instant time, LabPhase phase, java.util.Map<String, Double> values) {
        public Labs {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(phase, "phase");
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
            if (values.isEmpty()) {
                throw InvalidInputException.of("values", MessageKey.INVALID, "needs at least one lab value");
            }
        }
    }

    /** An adverse event, graded as the WAA registry grades (a severe event interrupted the procedure). */
    public record ReportAdverseEvent(Instant time, AdverseEventType type, Grade grade, Optional<String> actionTaken,
            boolean interrupted, Optional<String> notes) {
        public ReportAdverseEvent {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(grade, "grade");
            if (grade == Grade.SEVERE && !interrupted) {
                throw InvalidInputException.of("interrupted", MessageKey.INVALID,
                        "a severe event is one that interrupted the procedure (WAA grade)");
            }
            if (grade == Grade.MODERATE && actionTaken.isEmpty()) {
                throw InvalidInputException.of("actionTaken", MessageKey.INVALID,
                        "a moderate event needed medication: name it (WAA grade)");
            }
        }
    }

    /** Start: the plan warnings the person starting has read. */
    public record Start(List<String> acknowledgedWarnings, Optional<Integer> expectedVersion) {
        public Start {
            acknowledgedWarnings = List.copyOf(acknowledgedWarnings);
        }
    }

    /**
     * The vascular access checked at the chair.
     *
     * @param placedOn the day it was placed, when known (not after the entry's day)
     */
    public record RecordAccess(Instant time, Vocabulary.AccessKind kind, String site, Optional<String> placedBy,
            Optional<java.time.LocalDate> placedOn, Optional<String> problems) {
        public RecordAccess {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(site, "site");
        }
    }

    /** A nursing note. */
    public record Note(Instant time, String text) {
        public Note {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(text, "text");
        }
    }

    /** What the product measured at the end of a collection: the volume and at least one count. */
    public record MeasureProduct(Instant time, double volumeMl, Double cd34PerUl, Double cd3PerUl, Double wbcE9PerL,
            Double neutrophilsE9PerL, Double hematocritPercent) {
        public MeasureProduct {
            Objects.requireNonNull(time, "time");
            PRODUCT_VOLUME_ML.require("volumeMl", volumeMl);
        }
    }
}
