package org.openapheresis.server.schedule.constraint;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;
import java.util.List;
import java.util.Objects;

/**
 * Why a rule counted against a plan, in words, with the sessions it concerns (their keys: a session's id, or the
 * order and the course's sequence for a session not booked yet).
 *
 * @param text one sentence for the coordinator
 * @param sessions the keys of the sessions concerned
 */
public record Breach(String text, List<String> sessions) implements ConstraintJustification {

    public Breach {
        Objects.requireNonNull(text, "text");
        sessions = List.copyOf(sessions);
    }
}
