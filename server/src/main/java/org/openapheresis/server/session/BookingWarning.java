package org.openapheresis.server.session;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openapheresis.contract.Node;
import org.openapheresis.system.MessageKey;

/**
 * What the unit's rules say of a session booked by hand outside its ordinary working: a warning the booker must
 * acknowledge, not a refusal. An urgent exchange at night or on a closed day is real practice (on call), so the
 * session is booked once the booker has read the warning and sent its code back; who did, and what they read, is kept
 * with the session and in the audit trail.
 *
 * @param code what was found, for scripts
 * @param message the same in words, with the times involved
 */
public record BookingWarning(Code code, String message) {

    /** Most codes one booking may acknowledge (there are four). */
    public static final int MAX_ACKNOWLEDGED = 10;

    public BookingWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** The findings, each one rule of the week's planner. */
    public enum Code {
        /** The unit is closed on the session's day (a day of the week without opening hours, or a closure). */
        UNIT_CLOSED,
        /** Part of the session (set-up and rinseback included) lies before the day's opening or after its closing. */
        OUTSIDE_OPENING_HOURS,
        /** A collection ends after the cell-processing lab's cut-off of its day. */
        AFTER_LAB_CUTOFF,
        /** The order's pre-procedure labs will not be current at the start, and labs drawn on arrival are not back. */
        LABS_NOT_BACK;

        public static Optional<Code> fromName(String name) {
            return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst();
        }
    }

    /**
     * The body's {@code acknowledgedWarnings}, the codes of the warnings the booker read (a problem named
     * {@code acknowledgedWarnings[i]} for a code that is none of {@link Code}).
     */
    public static Set<Code> readAcknowledged(Node f) {
        List<String> given = f.texts("acknowledgedWarnings", false, MAX_ACKNOWLEDGED, 60).orElse(List.of());
        Set<Code> out = EnumSet.noneOf(Code.class);
        for (int i = 0; i < given.size(); i++) {
            Optional<Code> c = Code.fromName(given.get(i));
            if (c.isPresent()) {
                out.add(c.get());
            } else {
                f.add("acknowledgedWarnings[" + i + "]", MessageKey.NOT_ONE_OF, given.get(i), String.join(", ",
                        Arrays.stream(Code.values()).map(Code::name).toList()));
            }
        }
        return out;
    }
}
