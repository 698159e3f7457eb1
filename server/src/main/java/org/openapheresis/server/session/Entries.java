package org.openapheresis.server.session;

import java.time.Instant;
import java.util.Optional;
import org.openapheresis.server.session.Vocabulary.AdverseEventType;
import org.openapheresis.server.session.Vocabulary.Fluid;
import org.openapheresis.server.session.Vocabulary.Grade;
import org.openapheresis.server.session.Vocabulary.RunValueSource;

/** The timed entries of a session's clinical record. Units are in the names; an absent measure is null. */
public final class Entries {

    private Entries() {
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
    public record FluidGiven(String id, Instant time, Fluid fluid, double volumeMl, Instant recordedAt,
            String recordedBy) {
    }

    /** An adverse event graded as the WAA registry grades. */
    public record AdverseEvent(String id, Instant time, AdverseEventType type, Grade grade,
            Optional<String> actionTaken, boolean interrupted, Optional<String> notes, Instant recordedAt,
            String recordedBy) {
    }
}
