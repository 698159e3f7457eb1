package org.openapheresis.server.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.openapheresis.system.InvalidInputException;
import org.openapheresis.system.MessageKey;
import org.openapheresis.system.Problem;

/**
 * When an entry of a session may be timed, against the session's start and end and the clock. A time outside is
 * a problem of its field naming the bound and why; nothing is moved into the window in silence.
 *
 * <p>The allowances are the unit's working conventions, not clinical facts: a baseline observation, a
 * premedication or the access check is made up to {@link #BEFORE_START} before the start; a late observation or a
 * delayed reaction is recorded up to {@link #AFTER_END} after the end; a run value is the machine's and lies
 * between start and end. {@link #CLOCK_SKEW} is the same allowance the server gives every clinical time against
 * its clock.
 */
public enum EntryWindow {
    /** A machine or nurse sample: between the start and the end (or now, while running). */
    RUN_VALUE(Duration.ZERO, Duration.ZERO, "a run value lies between the session's start and its end"),
    /** Vital signs, fluids, adverse events, notes, the access check. */
    OBSERVATION(Duration.ofHours(2), Duration.ofHours(24),
            "an observation is made from 2 h before the session's start to 24 h after its end"),
    /** Labs taken before the session (planning labs may be drawn in the days before). */
    PRE_LAB(Duration.ofDays(7), Duration.ZERO, "a pre-procedure lab is taken in the 7 days before the start"),
    /** Labs taken during the run. */
    DURING_LAB(Duration.ZERO, Duration.ZERO, "a lab during the session is taken between its start and its end"),
    /** Labs taken after the run. */
    POST_LAB(Duration.ZERO, Duration.ofHours(72), "a post-procedure lab is taken after the start, up to 72 h after "
            + "the end"),
    /** The product's measurements at the end of a collection. */
    PRODUCT(Duration.ZERO, Duration.ofHours(24), "a product is measured after the start, up to 24 h after the end");

    /** The clock skew the server allows every clinical time (a device clock a little ahead). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final Duration beforeStart;
    private final Duration afterEnd;
    private final String why;

    EntryWindow(Duration beforeStart, Duration afterEnd, String why) {
        this.beforeStart = beforeStart;
        this.afterEnd = afterEnd;
        this.why = why;
    }

    /** Whether this kind of entry needs a started session (a run value, a lab during or after, a product). */
    public boolean needsStart() {
        return this != OBSERVATION && this != PRE_LAB;
    }

    /**
     * The problem of one time, if it lies outside the window.
     *
     * @param field the field path the problem names (e.g. {@code samples[2].time})
     * @param time the entry's time
     * @param session the session's planned start, start and end
     * @param now the server's clock
     */
    public Optional<Problem> problem(String field, Instant time, SessionStore.PatientAndStatus session, Instant now) {
        Optional<Instant> startedAt = session.startedAt();
        if (needsStart() && startedAt.isEmpty()) {
            return Optional.of(Problem.of(field, MessageKey.INVALID, "the session has not started; " + why));
        }
        Instant earliest = needsStart() ? startedAt.get().minus(CLOCK_SKEW)
                : startedAt.map(s -> min(s, session.plannedStart())).orElse(session.plannedStart()).minus(beforeStart);
        if (time.isBefore(earliest)) {
            return Optional.of(Problem.of(field, MessageKey.BEFORE_SESSION_WINDOW, time, earliest, why));
        }
        Instant latest = this == PRE_LAB ? startedAt.orElse(now)
                : session.endedAt().map(e -> e.plus(afterEnd)).orElse(now);
        latest = min(latest, now).plus(CLOCK_SKEW);
        if (time.isAfter(latest)) {
            return Optional.of(Problem.of(field, MessageKey.AFTER_SESSION_WINDOW, time, latest, why));
        }
        return Optional.empty();
    }

    /** {@link #problem} thrown as the request's problem. */
    public void check(String field, Instant time, SessionStore.PatientAndStatus session, Instant now) {
        Optional<Problem> p = problem(field, time, session, now);
        if (p.isPresent()) {
            throw new InvalidInputException("the time is outside the session", List.of(p.get()));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
